import Foundation
import GatewayCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import GatewayHTTP

/// Issue #12: hostile query values answer 200 or 400, never trap the process.
@Suite struct InputLimitsTests {
    @Test func pageIsClampedAndTheOffsetNeverOverflows() {
        #expect(OrderSearchFilters.boundedPage("999999999999999999") == OrderSearchFilters.pageRange.upperBound)
        #expect(OrderSearchFilters.boundedPage("9223372036854775807") == OrderSearchFilters.pageRange.upperBound)
        #expect(OrderSearchFilters.boundedPage("-9223372036854775808") == 1)
        #expect(OrderSearchFilters.boundedPage("99999999999999999999999999") == 1)
        #expect(OrderSearchFilters.boundedPage("abc") == 1)
        #expect(OrderSearchFilters.boundedPage("3") == 3)
        #expect(OrderSearchFilters.offset(page: 3, limit: 51) == 102)
        #expect(OrderSearchFilters.offset(page: 10_000, limit: Int.max) == nil)
        #expect(OrderSearchFilters.offset(page: Int.max, limit: 51) == nil)
    }

    @Test func hostileConsoleAndAPIQueriesAnswer200Or400() async throws {
        let fixture = try await StaffFixture.make()
        let app = Application(router: fixture.router)
        try await app.test(.router) { client in
            let console = [
                "/console/orders?page=999999999999999999",
                "/console/orders?page=9223372036854775807",
                "/console/orders?page=-9223372036854775808",
                "/console/orders?from=2026-01-01%2000:00:00.99999999999999999999",
                "/console/orders?to=2026-01-01%2000:00:00.99999999999999999999",
            ]
            for uri in console {
                let response = try await client.execute(uri: uri, method: .get, headers: fixture.headers(.admin, console: true))
                #expect([.ok, .badRequest].contains(response.status), "\(uri)")
            }
            let api = [
                "/api/v1/orders?offset=9223372036854775807", "/api/v1/orders?offset=-1", "/api/v1/orders?limit=9223372036854775807",
                "/api/v1/orders?limit=-9223372036854775808", "/api/v1/orders?offset=99999999999999999999999",
            ]
            for uri in api {
                let response = try await client.execute(uri: uri, method: .get, headers: fixture.headers(.admin, console: false))
                #expect(response.status == .badRequest, "\(uri)")
            }
            let fine = try await client.execute(
                uri: "/api/v1/orders?offset=0&limit=10",
                method: .get,
                headers: fixture.headers(.admin, console: false)
            )
            #expect(fine.status == .ok)
        }
    }
}

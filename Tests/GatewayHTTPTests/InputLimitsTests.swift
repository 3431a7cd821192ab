import Foundation
import GatewayCore
import GatewayRuntime
import GatewayStorage
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
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
        let app = fixture.application()
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
                "/api/v1/orders?cursor=zzzzzzzzz", "/api/v1/orders?cursor=-1", "/api/v1/orders?limit=9223372036854775807",
                "/api/v1/orders?limit=-9223372036854775808", "/api/v1/orders?limit=99999999999999999999999", "/api/v1/orders?cursor=",
                "/api/v1/exceptions?cursor=%F0%9F%8D%8A", "/api/v1/audit?limit=0",
            ]
            for uri in api {
                let response = try await client.execute(uri: uri, method: .get, headers: fixture.headers(.admin, console: false))
                #expect(response.status == .badRequest, "\(uri)")
            }
            // The largest cursor points far past every list: an empty last page, no overflow.
            for uri in ["/api/v1/orders?cursor=zzzzzzzz&limit=1000", "/api/v1/households?cursor=zzzzzzzz", "/api/v1/audit?cursor=zzzzzzzz"] {
                let response = try await client.execute(uri: uri, method: .get, headers: fixture.headers(.admin, console: false))
                #expect(response.status == .ok, "\(uri)")
                #expect(String(buffer: response.body) == #"{"items":[],"next":null}"#, "\(uri)")
            }
            let fine = try await client.execute(
                uri: "/api/v1/orders?limit=10",
                method: .get,
                headers: fixture.headers(.admin, console: false)
            )
            #expect(fine.status == .ok)
        }
    }

    /// Issue #12: 3,000 webhook posts to distinct random platform/shop pairs must not create 3,000 metric series
    /// or 3,000 rejection-recorder slots.
    @Test func webhookFloodToRandomPathsStaysBounded() async throws {
        let recorder = RejectionRecorder(logger: Logger(label: "flood"))
        let controller = WebhookController(
            receivers: [:],
            platforms: ["yunlai-douyin": .douyin],
            inbox: SQLiteInboxStore(database: try SQLiteDatabase.inMemory(), startingWriter: true),
            rejections: recorder,
            maxBodyBytes: 4096,
            clock: { Timestamp(secondsSince1970: 1_764_400_000) }
        )
        let inbox = SQLiteInboxStore(database: try SQLiteDatabase.inMemory(), startingWriter: true)
        let router = Router(context: AppRequestContext.self)
        controller.addRoutes(to: router)
        HealthController(inbox: inbox, registry: GatewayMetrics.registry, clock: { Timestamp(secondsSince1970: 0) }, readiness: ReadinessThresholds())
            .addRoutes(to: router)
        let names = (0..<3_000).map { "s\(UInt64.random(in: 0...UInt64.max))x\($0)" }
        let (before, after) = try await Application(router: router).test(.router) { client in
            func metricsText() async throws -> String { String(buffer: try await client.execute(uri: "/metrics", method: .get).body) }
            let before = try await metricsText()
            for (index, shop) in names.enumerated() {
                let platform = index.isMultiple(of: 2) ? "douyin" : "p\(UInt64.random(in: 0...UInt64.max))"
                let response = try await client.execute(uri: "/webhooks/\(platform)/\(shop)", method: .post, body: ByteBuffer(string: "{}"))
                #expect(response.status == .notFound)
            }
            return (before, try await metricsText())
        }
        // The registry is shared with tests running in parallel, so count only the rejection series, not bytes.
        func rejectionSeries(_ text: String) -> Int {
            text.split(separator: "\n").filter { $0.hasPrefix("gateway_deliveries_rejected_total{") }.count
        }
        #expect(
            rejectionSeries(after) - rejectionSeries(before) <= 8,
            "rejection series grew from \(rejectionSeries(before)) to \(rejectionSeries(after))"
        )
        #expect(!names.contains { after.contains($0) })
        #expect(after.contains(#"shop="unknown""#))
        #expect(recorder.count <= recorder.capacity)
        #expect(recorder.count <= 2)  // (unknown, unknown, unknown_platform) and (douyin, unknown, unknown_shop)
    }

    @Test func rejectionRecorderEvictsBeyondItsCapacity() {
        let recorder = RejectionRecorder(logger: Logger(label: "cap"), capacity: 64)
        for index in 0..<3_000 {
            recorder.record(platform: "p\(index)", shop: "s\(index)", reason: "bad_signature", message: "m")
        }
        #expect(recorder.count == 64)
    }

    @Test func webhookLabelsComeOnlyFromTheConfiguration() throws {
        let controller = WebhookController(
            receivers: [:],
            platforms: ["yunlai-douyin": .douyin],
            inbox: SQLiteInboxStore(database: try SQLiteDatabase.inMemory(), startingWriter: true),
            rejections: RejectionRecorder(logger: Logger(label: "labels")),
            maxBodyBytes: 4096,
            clock: { Timestamp(secondsSince1970: 0) }
        )
        #expect(controller.labels(platform: "douyin", shop: "yunlai-douyin") == ("douyin", "yunlai-douyin"))
        #expect(controller.labels(platform: "youzan", shop: "yunlai-douyin") == ("youzan", "unknown"))
        #expect(controller.labels(platform: "douyin", shop: "random") == ("douyin", "unknown"))
        #expect(controller.labels(platform: "random", shop: "yunlai-douyin") == ("unknown", "unknown"))
    }
}

import Foundation
import GatewayCore
import GatewayStorage
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import GatewayHTTP

/// The console's shipping page over HTTP: an unknown label, a courier's CSV, the 回传失败 queue and its actions, and the
/// order page's ship form.
@Suite struct ConsoleShippingPagesTests {
    func post(
        _ client: some TestClientProtocol,
        _ fixture: StaffFixture,
        _ path: String,
        _ form: String,
        as caller: StaffFixture.Caller = .staffOwn
    )
        async throws -> TestResponse
    {
        var headers = fixture.headers(caller, console: true)
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: "_csrf=\(fixture.csrf(caller))&" + form))
    }

    @Test func theShippingPageScansImportsAndWorksTheQueue() async throws {
        let fixture = try await ShipmentAPITests.fixture()
        let key = OrderKey(platform: .douyin, shop: StaffFixture.ownShop, platformOrderId: StaffFixture.orderId)
        try await Application(router: fixture.router).test(.router) { client in
            let before = try await client.execute(uri: "/console/shipping", method: .get, headers: fixture.headers(.staffOwn, console: true))
            #expect(
                String(buffer: before.body).contains(
                    "<tr class=\"to-ship\"><td>云来仓</td><td><a href=\"/console/packing/douyin/\(StaffFixture.ownShop)/\(StaffFixture.orderId)\">"
                ),
                "the paid order waits for shipping today"
            )
            let unknown = try await post(client, fixture, "/console/shipping", "trace_code=NOPE123&courier=SF&tracking_no=SF1234567890")
            #expect(unknown.status == .ok)
            #expect(String(buffer: unknown.body).contains("id=\"shipping-result\""))
            #expect(String(buffer: unknown.body).contains("NOPE123"))

            let csv = "order,tracking_no,courier\n\(StaffFixture.orderId),SF1234567890,顺丰\n"
            let form = "shop=\(StaffFixture.ownShop)&text=" + (csv.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            let imported = try await post(client, fixture, "/console/shipping/import", form)
            #expect(String(buffer: imported.body).contains("class=\"notice ok\""), "\(String(buffer: imported.body).prefix(400))")
            #expect(try await fixture.shipments.shipments(of: key).map(\.trackingNumber) == ["SF1234567890"])

            let writeBack = try #require(try await fixture.shipments.shipments(of: key).first?.writeBack)
            _ = try await fixture.shipments.claimWriteBacks(limit: 5, at: Timestamp(secondsSince1970: 4_000_000_000), leaseSeconds: 60)
            _ = try await fixture.shipments.settleWriteBack(
                id: writeBack.id,
                event: .permanentFailure(reason: "订单已取消"),
                detail: nil,
                retryAt: nil,
                actor: "write-back",
                policy: .init(),
                at: Timestamp(secondsSince1970: 4_000_000_001)
            )
            let page = try await client.execute(uri: "/console/shipping", method: .get, headers: fixture.headers(.staffOwn, console: true))
            #expect(String(buffer: page.body).contains("id=\"write-back-\(writeBack.id)\""))
            #expect(String(buffer: page.body).contains("订单已取消"))
            let otherPage = try await client.execute(uri: "/console/shipping", method: .get, headers: fixture.headers(.staffOther, console: true))
            #expect(!String(buffer: otherPage.body).contains("id=\"write-back-\(writeBack.id)\""), "another enterprise's queue")
            let forbidden = try await post(client, fixture, "/console/write-backs/\(writeBack.id)/handled", "note=x", as: .staffOther)
            #expect(forbidden.status == .forbidden)

            #expect(!String(buffer: page.body).contains("class=\"to-ship\""), "shipped: nothing left to ship today")
            let handled = try await post(client, fixture, "/console/write-backs/\(writeBack.id)/handled", "note=done+by+hand")
            #expect(!String(buffer: handled.body).contains("id=\"write-back-\(writeBack.id)\""), "gone from the queue")
            #expect(try await fixture.shipments.writeBack(id: writeBack.id)?.state == .handled(by: "staffOwn"))
        }
    }

    @Test func theOrderPageShipsPartOfAnOrder() async throws {
        let fixture = try await ShipmentAPITests.fixture()
        let key = OrderKey(platform: .douyin, shop: StaffFixture.ownShop, platformOrderId: StaffFixture.orderId)
        try await Application(router: fixture.router).test(.router) { client in
            let path = "/console/orders/douyin/\(StaffFixture.ownShop)/\(StaffFixture.orderId)"
            let page = try await client.execute(uri: path, method: .get, headers: fixture.headers(.staffOwn, console: true))
            #expect(String(buffer: page.body).contains("id=\"ship-form\""))
            let auditorPage = try await client.execute(uri: path, method: .get, headers: fixture.headers(.auditor, console: true))
            #expect(!String(buffer: auditorPage.body).contains("id=\"ship-form\""), "auditors cannot ship")

            let bad = try await post(client, fixture, path + "/ship", "courier=SF&tracking_no=x")
            #expect(bad.status == .seeOther)
            #expect(bad.headers[.location]?.contains("ship=refused") == true)
            let shipped = try await post(client, fixture, path + "/ship", "courier=YTO&tracking_no=YT1234567890&qty_l1=1")
            #expect(shipped.status == .seeOther)
            #expect(shipped.headers[.location]?.contains("ship=ok") == true)
            #expect(try await fixture.shipments.shipments(of: key).map(\.lines) == [[ShippedLine(lineId: "l1", quantity: 1)]])
            let after = try await client.execute(uri: path, method: .get, headers: fixture.headers(.staffOwn, console: true))
            #expect(String(buffer: after.body).contains("class=\"shipment\""))
            #expect(!String(buffer: after.body).contains("id=\"ship-form\""), "nothing left to ship")
        }
    }
}

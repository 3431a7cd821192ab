import GatewayCore
import GatewayHTTP
import GatewayRuntime
import GatewayStorage
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Raw payloads are for admins only (they can hold a buyer's plaintext contact); every view shows buyers masked.
/// The fixture's raw payloads carry `"secret_marker"`.
@Suite struct RawPayloadAccessTests {
    static let order = "douyin/\(StaffFixture.ownShop)/\(StaffFixture.orderId)"

    @Test func onlyAdminsSeeRawPayloadsInTheConsole() async throws {
        let fixture = try await StaffFixture.make()
        try await fixture.application().test(.router) { client in
            for caller in [StaffFixture.Caller.admin, .staffOwn, .auditor] {
                let page = try await client.execute(
                    uri: "/console/orders/\(Self.order)",
                    method: .get,
                    headers: fixture.headers(caller, console: true)
                )
                #expect(page.status == .ok, "\(caller)")
                let html = String(buffer: page.body)
                let admin = caller == .admin
                #expect(html.contains("secret_marker") == admin, "\(caller)")
                #expect(html.contains("<details class=\"payload\">") == admin, "\(caller)")
                #expect(html.contains("payload-hidden") == !admin, "\(caller)")
                #expect(html.contains("138****5678"), "\(caller)")  // the masked buyer is there for everyone
            }
        }
    }

    @Test func onlyAdminsGetRawPayloadsFromTheAPIAndOthersAskingAreRefused() async throws {
        let fixture = try await StaffFixture.make()
        try await fixture.application().test(.router) { client in
            func get(_ path: String, _ caller: StaffFixture.Caller) async throws -> (HTTPResponse.Status, String) {
                let response = try await client.execute(uri: path, method: .get, headers: fixture.headers(caller, console: false))
                return (response.status, String(buffer: response.body))
            }
            let path = "/api/v1/orders/\(Self.order)"
            // Admins: by default and on request; not with payloads=false.
            #expect(try await get(path, .admin) == (.ok, try await get(path + "?payloads=true", .admin).1))
            #expect(try await get(path, .admin).1.contains("secret_marker"))
            #expect(try await !get(path + "?payloads=false", .admin).1.contains("secret_marker"))
            for caller in [StaffFixture.Caller.staffOwn, .auditor] {
                let (status, body) = try await get(path, caller)
                #expect(status == .ok, "\(caller)")
                #expect(!body.contains("secret_marker") && !body.contains("raw_payload") && !body.contains("rawPayload"), "\(caller)")
                #expect(body.contains(StaffFixture.orderId), "\(caller)")
                let (asked, message) = try await get(path + "?payloads=true", caller)
                #expect(asked == .forbidden, "\(caller)")
                #expect(message.contains("admins only") && !message.contains("secret_marker"), "\(caller)")
                #expect(try await get(path + "?payloads=false", caller).0 == .ok, "\(caller)")
            }
            // A session cookie (console user reading the API) is held to the same rule.
            let cookie = try await client.execute(uri: path + "?payloads=true", method: .get, headers: fixture.headers(.staffOwn, console: true))
            #expect(cookie.status == .forbidden)
        }
    }

    /// A buyer whose plaintext contact arrived (sealed at rest) is shown masked in every view, to every role.
    @Test func plaintextContactIsInNoViewOrExport() async throws {
        let fixture = try await StaffFixture.make()
        let phone = "13712349876"
        let key = OrderKey(platform: .douyin, shop: StaffFixture.ownShop, platformOrderId: "7000000000000000777")
        let inboxId = try await fixture.inbox.append([
            InboxDelivery(platform: .douyin, shop: key.shop, deliveryId: "pii-1", kind: .push, receivedAt: Timestamp(secondsSince1970: 2), text: "{}")
        ])[0].id
        let snapshot = OrderSnapshot(
            status: .paid,
            platformStatus: "2",
            totalFen: 100,
            paidFen: 100,
            createdAt: Timestamp(secondsSince1970: 1_764_400_100),
            lines: [OrderLine(lineId: "l1", productId: "p1", skuId: "sku-apple", title: "苹果", quantity: 1, paidFen: 100)],
            buyer: BuyerInfo(
                maskedName: "欧**",
                maskedPhone: "137****9876",
                phoneTail: "9876",
                province: "湖南省",
                receiver: BuyerContact(name: "欧阳娜娜", phone: phone, address: "团结路 17 号")
            )
        )
        let observation = OrderObservation(
            key: key,
            source: .detail,
            event: "orderDetail",
            platformUpdatedAt: Timestamp(secondsSince1970: 1_764_400_160),
            status: nil,
            snapshot: snapshot
        )
        _ = try await fixture.orders.commit(
            [
                ProcessedDelivery(
                    inboxId: inboxId,
                    deliveryId: "pii-1",
                    observations: [PreparedObservation(observation: observation, rawPayload: "{}")]
                )
            ],
            at: Timestamp(secondsSince1970: 3)
        )
        try await fixture.application().test(.router) { client in
            let views = [
                ("/console/orders", true), ("/console/orders?phone=9876", true), ("/console/orders/douyin/\(key.shop)/\(key.platformOrderId)", true),
                ("/console/orders.csv", true), ("/api/v1/orders", false), ("/api/v1/orders/douyin/\(key.shop)/\(key.platformOrderId)", false),
            ]
            for caller in [StaffFixture.Caller.admin, .staffOwn, .auditor] {
                for (path, console) in views {
                    let response = try await client.execute(uri: path, method: .get, headers: fixture.headers(caller, console: console))
                    let body = String(buffer: response.body)
                    #expect(response.status == .ok, "\(caller) \(path)")
                    #expect(body.contains("137****9876"), "\(caller) \(path)")
                    #expect(!body.contains(phone) && !body.contains("欧阳娜娜") && !body.contains("团结路"), "\(caller) \(path)")
                }
            }
        }
    }
}

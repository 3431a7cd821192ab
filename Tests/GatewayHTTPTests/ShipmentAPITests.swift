import Foundation
import GatewayCore
import GatewayStorage
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import GatewayHTTP

/// The shipment API (issue #17) over the real SQLite stores: record, retry, refusals at the edge and in the domain,
/// bulk, and the write-back queue with its correction and "handled" actions.
@Suite struct ShipmentAPITests {
    static let own = "douyin/\(StaffFixture.ownShop)/\(StaffFixture.orderId)"

    /// The fixture with the own shop's `sku-apple` mapped, so its order's line is reserved and can ship.
    static func fixture() async throws -> StaffFixture {
        let fixture = try await StaffFixture.make()
        let mapping = SkuMapping(
            shop: StaffFixture.ownShop,
            platformSkuId: "sku-apple",
            platformProductId: "p1",
            components: [SkuComponent(skuCode: "YL-APPLE")]
        )
        _ = try await fixture.inventory.apply(
            MasterDataSeed(masterData: MasterData(mappings: [mapping])),
            actor: "fixture",
            at: Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000))
        )
        return fixture
    }

    static func json(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))) as? [String: Any] ?? [:]
    }

    static func errorCode(_ response: TestResponse) -> String? {
        (json(response)["error"] as? [String: Any])?["code"] as? String
    }

    @Test func aShipmentIsRecordedOnceConsumesItsStockAndIsListed() async throws {
        let fixture = try await Self.fixture()
        try await Application(router: fixture.router).test(.router) { client in
            var headers = fixture.headers(.staffOwn, console: false)
            headers[.contentType] = "application/json"
            let body = #"{"courier":"SF","tracking_no":"sf1234567890","packages":1}"#
            let first = try await client.execute(
                uri: "/api/v1/orders/\(Self.own)/shipments",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: body)
            )
            #expect(first.status == .created, "\(String(buffer: first.body))")
            let shipment = Self.json(first)
            #expect(shipment["tracking_no"] as? String == "SF1234567890")
            #expect(shipment["courier_name"] as? String == "顺丰")
            #expect(shipment["whole_order"] as? Bool == true)
            #expect((shipment["lines"] as? [[String: Any]])?.first?["line_id"] as? String == "l1")
            #expect((shipment["trace_codes"] as? [String])?.count == 1, "the line's parcel")
            #expect((shipment["write_back"] as? [String: Any])?["state"] as? String == "pending")
            #expect(
                shipment["recorded_by"] as? String == "token:staff-own-token" || (shipment["recorded_by"] as? String)?.hasPrefix("token:") == true
            )

            let again = try await client.execute(
                uri: "/api/v1/orders/\(Self.own)/shipments",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: body)
            )
            #expect(again.status == .ok, "a retry answers the shipment recorded first")
            #expect(Self.json(again)["id"] as? Int == shipment["id"] as? Int)

            let list = try await client.execute(uri: "/api/v1/orders/\(Self.own)/shipments", method: .get, headers: headers)
            #expect((Self.json(list)["items"] as? [[String: Any]])?.count == 1)
            let stock = try await fixture.inventory.inventory(enterpriseId: "yunlai").first { $0.sku.code == "YL-APPLE" }?.level
            #expect(stock?.onHand == 19 && stock?.reserved == 0, "the box left the warehouse once")

            let more = try await client.execute(
                uri: "/api/v1/orders/\(Self.own)/shipments",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: #"{"courier":"SF","tracking_no":"SF9999999999"}"#)
            )
            #expect(more.status == .unprocessableContent)
            #expect(Self.errorCode(more) == "shipment_refused")
            #expect(
                (Self.json(more)["error"] as? [String: Any])?["message"] as? String
                    == "nothing_to_ship: nothing of order \(StaffFixture.orderId) is left to ship"
            )
        }
    }

    @Test func malformedShipmentsAreRefusedAtTheEdge() async throws {
        let fixture = try await Self.fixture()
        try await Application(router: fixture.router).test(.router) { client in
            var headers = fixture.headers(.staffOwn, console: false)
            headers[.contentType] = "application/json"
            let cases: [(String, String, HTTPResponse.Status, String)] = [
                (Self.own, #"{"courier":"UPS","tracking_no":"SF1234567890"}"#, .badRequest, "invalid_body"),
                (Self.own, #"{"courier":"sf","tracking_no":"SF1234567890"}"#, .badRequest, "invalid_body"),
                (Self.own, #"{"courier":"SF","tracking_no":" SF1234567890"}"#, .badRequest, "invalid_body"),
                (Self.own, #"{"courier":"SF","tracking_no":"SF12"}"#, .badRequest, "invalid_body"),
                (Self.own, #"{"courier":"SF","tracking_no":"SF1234567890","packages":0}"#, .badRequest, "invalid_body"),
                (Self.own, #"{"courier":"SF","tracking_no":"SF1234567890","lines":[]}"#, .badRequest, "invalid_body"),
                (Self.own, #"{"courier":"SF","tracking_no":"SF1234567890","lines":[{"line_id":"l1","quantity":0}]}"#, .badRequest, "invalid_body"),
                (
                    Self.own, #"{"courier":"SF","tracking_no":"SF1234567890","lines":[{"line_id":"l1","quantity":2}]}"#, .unprocessableContent,
                    "shipment_refused"
                ),
                (
                    Self.own, #"{"courier":"SF","tracking_no":"SF1234567890","lines":[{"line_id":"nope","quantity":1}]}"#, .unprocessableContent,
                    "shipment_refused"
                ),
                ("douyin/\(StaffFixture.ownShop)/404", #"{"courier":"SF","tracking_no":"SF1234567890"}"#, .notFound, "order_not_found"),
                ("kuaishou/\(StaffFixture.ownShop)/1", #"{"courier":"SF","tracking_no":"SF1234567890"}"#, .notFound, "unknown_shop"),
                ("amazon/\(StaffFixture.ownShop)/1", #"{"courier":"SF","tracking_no":"SF1234567890"}"#, .notFound, "unknown_platform"),
            ]
            for (order, body, status, code) in cases {
                let response = try await client.execute(
                    uri: "/api/v1/orders/\(order)/shipments",
                    method: .post,
                    headers: headers,
                    body: ByteBuffer(string: body)
                )
                #expect(response.status == status, "\(order) \(body): \(String(buffer: response.body))")
                #expect(Self.errorCode(response) == code, "\(body)")
            }
            #expect(
                try await fixture.shipments.shipments(
                    of: OrderKey(platform: .douyin, shop: StaffFixture.ownShop, platformOrderId: StaffFixture.orderId)
                ).isEmpty
            )
        }
    }

    @Test func bulkRefusesAMalformedRequestWholeAndReportsEachItemOtherwise() async throws {
        let fixture = try await Self.fixture()
        try await Application(router: fixture.router).test(.router) { client in
            var headers = fixture.headers(.staffOwn, console: false)
            headers[.contentType] = "application/json"
            let own =
                #"{"platform":"douyin","shop":"\#(StaffFixture.ownShop)","platform_order_id":"\#(StaffFixture.orderId)","courier":"SF","tracking_no":"SF1234567890"}"#
            let other =
                #"{"platform":"douyin","shop":"\#(StaffFixture.otherShop)","platform_order_id":"\#(StaffFixture.otherOrderId)","courier":"ZTO","tracking_no":"ZT1234567890"}"#
            let missing =
                #"{"platform":"douyin","shop":"\#(StaffFixture.ownShop)","platform_order_id":"404","courier":"SF","tracking_no":"SF0000000404"}"#
            let malformed = #"{"platform":"douyin","shop":"\#(StaffFixture.ownShop)","platform_order_id":"1","courier":"SF","tracking_no":"x"}"#

            let refused = try await client.execute(
                uri: "/api/v1/shipments",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: #"{"shipments":[\#(own),\#(malformed)]}"#)
            )
            #expect(refused.status == .badRequest)
            #expect((Self.json(refused)["error"] as? [String: Any])?["message"] as? String == "shipments[1]: tracking_no: \(TrackingNumber.rule)")
            #expect(try await fixture.shipments.writeBacks(needingStaff: false, shops: nil, limit: 10).isEmpty, "nothing stored")

            let response = try await client.execute(
                uri: "/api/v1/shipments",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: #"{"shipments":[\#(own),\#(other),\#(missing),\#(own)]}"#)
            )
            #expect(response.status == .ok)
            let results = Self.json(response)["results"] as? [[String: Any]] ?? []
            #expect(results.map { $0["status"] as? String } == ["created", "refused", "refused", "existing"])
            #expect(results.map { ($0["error"] as? [String: Any])?["code"] as? String } == [nil, "forbidden", "order_not_found", nil])
        }
    }

    @Test func theWriteBackQueueCorrectsAndMarksHandled() async throws {
        let fixture = try await Self.fixture()
        let key = OrderKey(platform: .douyin, shop: StaffFixture.ownShop, platformOrderId: StaffFixture.orderId)
        let recorded = try await fixture.shipments.recordShipment(
            ShipmentDraft(order: key, courier: .sf, trackingNumber: TrackingNumber("SF1234567890")!),
            actor: "w",
            at: Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000))
        )
        let id = try #require(recorded.shipment.writeBack?.id)
        _ = try await fixture.shipments.claimWriteBacks(
            limit: 10,
            at: Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000)),
            leaseSeconds: 60
        )
        _ = try await fixture.shipments.settleWriteBack(
            id: id,
            event: .permanentFailure(reason: "40004: 运单号不正确"),
            detail: nil,
            retryAt: nil,
            actor: "write-back",
            policy: .init(),
            at: Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000))
        )
        try await Application(router: fixture.router).test(.router) { client in
            var headers = fixture.headers(.staffOwn, console: false)
            headers[.contentType] = "application/json"
            let queue = try await client.execute(uri: "/api/v1/write-backs?needs_staff=true", method: .get, headers: headers)
            let items = Self.json(queue)["items"] as? [[String: Any]] ?? []
            #expect(items.count == 1)
            #expect(items.first?["state"] as? String == "rejected" && items.first?["detail"] as? String == "40004: 运单号不正确")
            let otherQueue = try await client.execute(
                uri: "/api/v1/write-backs?needs_staff=true",
                method: .get,
                headers: fixture.headers(.staffOther, console: false)
            )
            #expect((Self.json(otherQueue)["items"] as? [[String: Any]])?.isEmpty == true, "scoped to the caller's enterprise")

            var otherHeaders = fixture.headers(.staffOther, console: false)
            otherHeaders[.contentType] = "application/json"
            let forbidden = try await client.execute(
                uri: "/api/v1/write-backs/\(id)/correct",
                method: .post,
                headers: otherHeaders,
                body: ByteBuffer(string: #"{"tracking_no":"SF1234567891"}"#)
            )
            #expect(forbidden.status == .forbidden)
            let corrected = try await client.execute(
                uri: "/api/v1/write-backs/\(id)/correct",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: #"{"tracking_no":"SF1234567891"}"#)
            )
            #expect(corrected.status == .ok)
            #expect(Self.json(corrected)["state"] as? String == "pending")
            #expect(Self.json(corrected)["tracking_no"] as? String == "SF1234567891")
            let handled = try await client.execute(
                uri: "/api/v1/write-backs/\(id)/handled",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: #"{"note":"shipped by hand in 抖店"}"#)
            )
            #expect(handled.status == .ok)
            #expect(Self.json(handled)["state"] as? String == "handled")
            let twice = try await client.execute(
                uri: "/api/v1/write-backs/\(id)/handled",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: "{}")
            )
            #expect(twice.status == .conflict && Self.errorCode(twice) == "write_back_not_correctable")
            let missing = try await client.execute(
                uri: "/api/v1/write-backs/999/handled",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: "{}")
            )
            #expect(missing.status == .notFound && Self.errorCode(missing) == "write_back_not_found")
        }
    }

    @Test func aCouriersCSVIsImportedAllOrNothing() async throws {
        let fixture = try await Self.fixture()
        try await Application(router: fixture.router).test(.router) { client in
            var headers = fixture.headers(.staffOwn, console: false)
            headers[.contentType] = "text/csv"
            let bad = "order,tracking_no,courier\n\(StaffFixture.orderId),SF1234567890,SF\n404,SF1234567891,SF\n"
            let refused = try await client.execute(
                uri: "/api/v1/shipments/import?shop=\(StaffFixture.ownShop)&file_name=sf.csv",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: bad)
            )
            #expect(refused.status == .unprocessableContent)
            #expect(Self.errorCode(refused) == "shipment_import_refused")
            let message = (Self.json(refused)["error"] as? [String: Any])?["message"] as? String ?? ""
            #expect(message.contains("sf.csv: line 3: unknown_order"), "\(message)")
            let key = OrderKey(platform: .douyin, shop: StaffFixture.ownShop, platformOrderId: StaffFixture.orderId)
            #expect(try await fixture.shipments.shipments(of: key).isEmpty, "nothing imported")

            let malformed = try await client.execute(
                uri: "/api/v1/shipments/import?shop=\(StaffFixture.ownShop)",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: "order,tracking_no,courier\n1,x,SF\n")
            )
            #expect(malformed.status == .unprocessableContent)
            let malformedMessage = (Self.json(malformed)["error"] as? [String: Any])?["message"] as? String ?? ""
            #expect(malformedMessage.contains("line 2, column \"tracking_no\""), "\(malformedMessage)")

            let good = "订单号,运单号,快递公司\n\(StaffFixture.orderId),sf1234567890,顺丰\n"
            let imported = try await client.execute(
                uri: "/api/v1/shipments/import?shop=\(StaffFixture.ownShop)",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: good)
            )
            #expect(imported.status == .ok, "\(String(buffer: imported.body))")
            let results = Self.json(imported)["results"] as? [[String: Any]] ?? []
            #expect(results.map { $0["status"] as? String } == ["created"])
            #expect(results.first?["line"] as? Int == 2)
            #expect(try await fixture.shipments.shipments(of: key).map(\.trackingNumber) == ["SF1234567890"])

            let other = try await client.execute(
                uri: "/api/v1/shipments/import?shop=\(StaffFixture.otherShop)",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: "order,tracking_no,courier\n\(StaffFixture.otherOrderId),SF1234567899,SF\n")
            )
            #expect(other.status == .forbidden, "another enterprise's shop")
        }
    }
}

import Foundation
import GatewayConnectors
import GatewayCore
import GatewayPipeline
import GatewayRuntime
import GatewayStorage
import GatewayTesting
import Logging
import MockPlatformKit
import Testing

/// Issue #17, "what must be shown": shipments written back through the mock's real ship APIs on every platform — a
/// whole order (and the platform's shipped push consuming no stock twice), a partial shipment and the rest (Pinduoduo:
/// refused before any call; Taobao and Youzan: whole lines only), a lost answer (applied, then 504), a rejection that
/// goes to staff and is resent after the fix, a staff edit of a confirmed number — and two senders on one database
/// never sending one shipment twice. Youzan cannot read tracking numbers back, so its lost answer goes to staff.
@Suite struct ShipmentWriteBackEndToEndTests {
    static let platforms = ["douyin", "kuaishou", "pinduoduo", "taobao", "wechat-channels", "youzan"]

    /// The courier used on a platform: SF, except on Youzan where only STO has a verified `out_stype`.
    static func courier(_ platform: String) -> String { platform == "youzan" ? "STO" : "SF" }

    /// The platform's own code of that courier, as the truth shows it.
    static let courierCodes = ["douyin": "shunfeng", "kuaishou": "4", "pinduoduo": "44", "taobao": "SF", "wechat-channels": "SF", "youzan": "1"]

    /// What the platform's rejection (the mock's "bad tracking number" fault) says, as staff must read it.
    static let rejectionText = [
        "douyin": "60017", "kuaishou": "运单号和物流公司不匹配", "pinduoduo": "tracking-number-invalid", "taobao": "B60", "wechat-channels": "109000",
        "youzan": "102570050",
    ]

    /// Each platform's edit call (Pinduoduo's is `online.send` again, with `redelivery_type=2`), by method or path.
    static let editCalls = [
        "douyin": "order.logisticsEdit", "kuaishou": "open.seller.order.logistics.update", "pinduoduo": "pdd.logistics.online.send",
        "taobao": "taobao.logistics.consign.resend", "wechat-channels": "deliveryinfo/update", "youzan": "youzan.logistics.online.update",
    ]

    /// Platforms whose ship calls take part of a line's quantity (Taobao and Youzan ship whole sub-orders).
    static let quantityLevel: Set<String> = ["douyin", "kuaishou", "wechat-channels"]

    /// A tracking number nobody used before.
    static func trackingNumber(_ prefix: String) -> String {
        prefix + String(UInt64.random(in: 100_000_000_000...999_999_999_999))
    }

    @Test(arguments: platforms)
    func shipmentsAreWrittenBack(platform: String) async throws {
        let fixture = try await ShipmentFixture.start(platform)
        do {
            try await wholeOrder(fixture)
            try await partialThenRest(fixture)
            try await lostAnswer(fixture)
            try await rejectedThenCorrected(fixture)
            try await confirmedThenEdited(fixture)
            if ["taobao", "youzan"].contains(platform) { try await partOfALineIsRefused(fixture) }
            let unsigned = fixture.harness.mock.requestLog().filter { !$0.signatureValid }
            #expect(unsigned.isEmpty, "\(platform): \(unsigned.prefix(5))")
        } catch {
            await fixture.stop()
            throw error
        }
        await fixture.stop()
    }

    /// A whole order: written back, shipped in the truth with our number and courier, confirmed; the platform's
    /// shipped push (or the poll) afterwards consumes no stock a second time.
    func wholeOrder(_ f: ShipmentFixture) async throws {
        let platform = f.platform.rawValue
        let (key, lines) = try await f.paidOrder()
        let codes = try skuCodes(f, lines)
        let before = (try await f.stock(codes[0]), try await f.stock(codes[1]))
        let tracking = Self.trackingNumber("SF")
        let id = try await f.recordAccepted(key, courier: Self.courier(platform), trackingNo: tracking)
        let consumed = (try await f.stock(codes[0]), try await f.stock(codes[1]))
        #expect(consumed.0.onHand == before.0.onHand - 2 && consumed.0.reserved == before.0.reserved - 2, "\(platform): \(before) → \(consumed)")
        #expect(consumed.1.onHand == before.1.onHand - 1 && consumed.1.reserved == before.1.reserved - 1, "\(platform): \(before) → \(consumed)")

        let state = try await f.drive(id)
        #expect(state == .confirmed, "\(platform) whole order: \(String(describing: state))")
        let shipments = f.truthShipments(key.platformOrderId)
        #expect(shipments.count == 1, "\(platform): \(shipments)")
        #expect(shipments.first?.trackingNo == tracking, "\(platform): \(shipments)")
        #expect(shipments.first?.courierCode == Self.courierCodes[platform], "\(platform): \(shipments)")
        #expect(f.truth(key.platformOrderId)?.status == "shipped", "\(platform): \(String(describing: f.truth(key.platformOrderId)))")

        // The platform's own word that the order shipped: its push where it sends one, else the backstop poll.
        let delivered = try await f.harness.mock.deliverShipPushes(to: f.url)
        if ["douyin", "kuaishou", "wechat-channels", "youzan"].contains(platform) {
            #expect(!delivered.isEmpty, "\(platform): no shipped push was recorded")
        }
        #expect(delivered.allSatisfy { $0.result.acknowledged }, "\(platform): \(delivered.map { "\($0.result.status) \($0.result.body)" })")
        let shipped = try await EndToEndHarness.eventually(seconds: 20) {
            try await f.gateway.stores.orders.order(key)?.status == .shipped
        }
        #expect(shipped, "\(platform): the gateway never saw the order shipped")
        try await Task.sleep(for: .milliseconds(700))  // a poll round or two more
        let after = (try await f.stock(codes[0]), try await f.stock(codes[1]))
        #expect(
            after.0 == consumed.0 && after.1 == consumed.1,
            "\(platform): the platform's shipped news consumed stock again: \(consumed) → \(after)"
        )
        let fulfilments = try await f.gateway.stores.inventory.fulfilments(of: key)
        #expect(fulfilments.allSatisfy { $0.state == .consumed }, "\(platform): \(fulfilments)")
    }

    /// Part of the order, then the rest. Pinduoduo ships whole orders only: the gateway refuses the partial before any
    /// call to the platform.
    func partialThenRest(_ f: ShipmentFixture) async throws {
        let platform = f.platform.rawValue
        let (key, lines) = try await f.paidOrder()
        let lineA = try #require(lines.first { $0.quantity == 2 })
        let lineB = try #require(lines.first { $0.quantity == 1 })
        let first: [(String, Int)] = Self.quantityLevel.contains(platform) ? [(lineA.lineId, 1)] : [(lineB.lineId, 1)]
        let firstTracking = Self.trackingNumber("SFA")
        if f.platform == .pinduoduo {
            let calls = f.shipCalls().count
            let (status, answer) = try await f.record(key, courier: Self.courier(platform), trackingNo: firstTracking, lines: first)
            #expect(status == 422, "\(answer)")
            #expect(
                (answer["error"] as? [String: Any])?["code"] as? String == "shipment_refused" || "\(answer)".contains("shipment_refused"),
                "\(answer)"
            )
            #expect(try await f.store.shipments(of: key).isEmpty)
            #expect(f.shipCalls().count == calls)
            #expect(f.truthShipments(key.platformOrderId).isEmpty)
            return
        }
        let firstId = try await f.recordAccepted(key, courier: Self.courier(platform), trackingNo: firstTracking, lines: first)
        let firstState = try await f.drive(firstId)
        #expect(firstState == .confirmed, "\(platform) partial: \(String(describing: firstState))")
        let afterFirst = f.truthShipments(key.platformOrderId)
        #expect(afterFirst.map(\.trackingNo) == [firstTracking], "\(platform): \(afterFirst)")
        let firstUnits = afterFirst.flatMap(\.lines).reduce(0) { $0 + $1.quantity }
        #expect(firstUnits == 1, "\(platform): the partial shipment carried \(firstUnits) units: \(afterFirst)")

        let restTracking = Self.trackingNumber("SFB")
        let restId = try await f.recordAccepted(key, courier: Self.courier(platform), trackingNo: restTracking)
        let restState = try await f.drive(restId)
        #expect(restState == .confirmed, "\(platform) rest: \(String(describing: restState))")
        let all = f.truthShipments(key.platformOrderId)
        #expect(all.map(\.trackingNo) == [firstTracking, restTracking], "\(platform): \(all)")
        #expect(f.truth(key.platformOrderId)?.status == "shipped", "\(platform): \(String(describing: f.truth(key.platformOrderId)))")
        let units = all.flatMap(\.lines).reduce(0) { $0 + $1.quantity }
        #expect(units == 3, "\(platform): \(all)")
        _ = try await f.harness.mock.deliverShipPushes(to: f.url)
    }

    /// The platform applies the shipment, then the answer is lost (504): one shipment on the platform, and the
    /// write-back is not a failure — confirmed by reading the tracking number back (Youzan, which cannot read back, goes
    /// to staff's queue to be checked on the platform: never sent twice, never left unknown).
    func lostAnswer(_ f: ShipmentFixture) async throws {
        let platform = f.platform.rawValue
        let (key, _) = try await f.paidOrder()
        f.harness.mock.setShipFaults(MockShipFaults(lostAnswers: 1, lostAnswerDelayMilliseconds: 100), shop: f.testShop.key)
        let tracking = Self.trackingNumber("SFL")
        let id = try await f.recordAccepted(key, courier: Self.courier(platform), trackingNo: tracking)
        if f.platform == .youzan {
            _ = try await EndToEndHarness.eventually(seconds: 20) { !f.truthShipments(key.platformOrderId).isEmpty }
            for _ in 0..<3 {
                try await f.sender.sendOnce()
                try await f.lateSender.sendOnce()
            }
            let state = try await f.store.writeBack(id: id)?.state
            #expect(state == .rejected(reason: WriteBackLifecycle.unverifiable), "youzan lost: \(String(describing: state))")
        } else {
            let state = try await f.drive(id)
            #expect(state == .confirmed, "\(platform) lost answer: \(String(describing: state))")
        }
        #expect(f.harness.mock.shipFaults(shop: f.testShop.key).lostAnswers == 0)
        let shipments = f.truthShipments(key.platformOrderId)
        #expect(shipments.map(\.trackingNo) == [tracking], "\(platform): \(shipments)")
        f.harness.mock.setShipFaults(.none, shop: f.testShop.key)
        _ = try await f.harness.mock.deliverShipPushes(to: f.url)
    }

    /// The platform refuses the tracking number: staff's queue shows the platform's message, a `shipment_rejected`
    /// exception opens; the corrected number is sent and confirmed, and the exception is resolved.
    func rejectedThenCorrected(_ f: ShipmentFixture) async throws {
        let platform = f.platform.rawValue
        let (key, _) = try await f.paidOrder()
        f.harness.mock.setShipFaults(MockShipFaults(rejections: 1), shop: f.testShop.key)
        let id = try await f.recordAccepted(key, courier: Self.courier(platform), trackingNo: Self.trackingNumber("BAD"))
        let state = try await f.drive(id)
        guard case .rejected(let reason) = state else {
            Issue.record("\(platform) rejection: \(String(describing: state))")
            return
        }
        let text = try #require(Self.rejectionText[platform])
        #expect(reason.contains(text), "\(platform): \(reason)")
        #expect(f.truthShipments(key.platformOrderId).isEmpty)

        let (status, queue) = try await EndToEndHarness.getJSON(f.url + "/api/v1/write-backs?needs_staff=true")
        #expect(status == 200)
        let item = (queue["items"] as? [[String: Any]] ?? []).first { ($0["id"] as? NSNumber)?.int64Value == id }
        #expect(item?["needs_staff"] as? Bool == true, "\(queue)")
        #expect((item?["detail"] as? String ?? "").contains(text), "\(platform): \(String(describing: item))")
        let query = ExceptionQuery(status: .open, kind: .shipmentRejected, order: key)
        let open = try await f.gateway.stores.inventory.exceptions(query)
        #expect(open.count == 1, "\(platform): \(open)")
        #expect(open.first?.message.contains(text) == true, "\(platform): \(open)")

        let fixed = Self.trackingNumber("SFC")
        let (corrected, answer) = try await f.post("/api/v1/write-backs/\(id)/correct", ["tracking_no": fixed])
        #expect(corrected == 200, "\(answer)")
        let after = try await f.drive(id)
        #expect(after == .confirmed, "\(platform) after the fix: \(String(describing: after))")
        #expect(f.truthShipments(key.platformOrderId).map(\.trackingNo) == [fixed], "\(platform): \(f.truthShipments(key.platformOrderId))")
        #expect(try await f.gateway.stores.inventory.exceptions(query).isEmpty, "\(platform): the exception stayed open")
        let resolved = try await f.gateway.stores.inventory.exceptions(ExceptionQuery(status: .resolved, kind: .shipmentRejected, order: key))
        #expect(resolved.count == 1, "\(platform): \(resolved)")
        f.harness.mock.setShipFaults(.none, shop: f.testShop.key)
    }

    /// Taobao (`sub_tid`) and Youzan (`oids`) ship whole lines: part of a line's units would be marked shipped entirely
    /// on the platform (and the rest then refused as already shipped), so the gateway refuses it before any call.
    func partOfALineIsRefused(_ f: ShipmentFixture) async throws {
        let platform = f.platform.rawValue
        let (key, lines) = try await f.paidOrder()
        let lineA = try #require(lines.first { $0.quantity == 2 })
        let calls = f.shipCalls().count
        let (status, answer) = try await f.record(
            key,
            courier: Self.courier(platform),
            trackingNo: Self.trackingNumber("SFP"),
            lines: [(lineA.lineId, 1)]
        )
        #expect(status == 422, "\(platform): \(answer)")
        #expect("\(answer)".contains("partial_quantity_not_supported"), "\(platform): \(answer)")
        #expect(try await f.store.shipments(of: key).isEmpty)
        #expect(f.shipCalls().count == calls)
        #expect(f.truthShipments(key.platformOrderId).isEmpty)
    }

    /// A confirmed whole-order shipment whose tracking number staff change: the platform's edit call replaces the
    /// number (still one parcel on the platform), and the write-back is confirmed again.
    func confirmedThenEdited(_ f: ShipmentFixture) async throws {
        let platform = f.platform.rawValue
        let (key, _) = try await f.paidOrder()
        let id = try await f.recordAccepted(key, courier: Self.courier(platform), trackingNo: Self.trackingNumber("SFE"))
        let state = try await f.drive(id)
        try #require(state == .confirmed, "\(platform) before the edit: \(String(describing: state))")
        let edited = Self.trackingNumber("SFN")
        let editCall = try #require(Self.editCalls[platform])
        let editsBefore = f.harness.mock.requestLog().filter { $0.method.contains(editCall) || $0.path.contains(editCall) }.count
        let (status, answer) = try await f.post("/api/v1/write-backs/\(id)/correct", ["tracking_no": edited])
        #expect(status == 200, "\(platform): \(answer)")
        let after = try await f.drive(id)
        let writeBack = try await f.store.writeBack(id: id)
        #expect(after == .confirmed, "\(platform) edit: \(String(describing: writeBack))")
        let shipments = f.truthShipments(key.platformOrderId)
        #expect(shipments.map(\.trackingNo) == [edited], "\(platform) edit: \(shipments)")
        let edits = f.harness.mock.requestLog().filter { $0.method.contains(editCall) || $0.path.contains(editCall) }.count - editsBefore
        #expect(edits == 1, "\(platform): \(edits) calls of \(editCall)")
        _ = try await f.harness.mock.deliverShipPushes(to: f.url)
    }

    /// Two senders on one database, racing over the same outbox (with the gateway's own sender running too): every
    /// shipment reaches the platform exactly once.
    @Test func twoSendersNeverSendOneShipmentTwice() async throws {
        let f = try await ShipmentFixture.start("douyin")
        do {
            var orders: [OrderKey] = []
            for _ in 0..<6 { orders.append(try await f.paidOrder().key) }
            let callsBefore = f.shipCalls().count
            var ids: [Int64] = []
            for key in orders { ids.append(try await f.recordAccepted(key, courier: "SF", trackingNo: Self.trackingNumber("SFD"))) }
            let senders = (0..<2).map { _ in
                ShipmentWriteBackSender(store: f.store, connectors: f.gateway.registry.connectors, logger: Logger(label: "e2e-racer"))
            }
            for _ in 0..<4 {
                async let one = senders[0].sendOnce()
                async let two = senders[1].sendOnce()
                _ = try await (one, two)
            }
            let confirmed = try await EndToEndHarness.eventually(seconds: 20) {
                for id in ids where try await f.store.writeBack(id: id)?.state != .confirmed { return false }
                return true
            }
            #expect(confirmed)
            #expect(f.shipCalls().count - callsBefore == orders.count, "\(f.shipCalls().suffix(12))")
            for key in orders { #expect(f.truthShipments(key.platformOrderId).count == 1) }
        } catch {
            await f.stop()
            throw error
        }
        await f.stop()
    }

    /// The enterprise SKU codes of the order's lines A (2 units) and B (1 unit).
    func skuCodes(_ f: ShipmentFixture, _ lines: [OrderLine]) throws -> [String] {
        let specs = ShipmentFixture.lines(enterprise: f.testShop.enterprise)
        return try specs.map { spec in
            _ = try #require(lines.first { $0.skuId == spec.skuId }, "no line of sku \(spec.skuId) in \(lines)")
            return spec.outSkuId
        }
    }
}

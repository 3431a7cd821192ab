import Foundation
import MockPlatformKit
import Testing

@Suite("Douyin ground truth")
struct DouyinTruthTests {
    static let fiveKilo = MockLineSpec(
        productId: "3656110990000000501",
        skuId: "1786000000000000501",
        outSkuId: "BJPG-5KG",
        title: "保靖椪柑 5kg",
        quantity: 2,
        unitPriceFen: 3990
    )
    static let tenKilo = MockLineSpec(
        productId: "3656110990000000501",
        skuId: "1786000000000000502",
        outSkuId: "BJPG-10KG",
        title: "保靖椪柑 10kg",
        quantity: 1,
        unitPriceFen: 6990
    )

    func data(_ message: DouyinPushMessage) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(message.data.utf8)) as? [String: Any])
    }

    @Test("truth follows an order through its life, and each change returns its push")
    func lifecycle() throws {
        let mock = MockPlatform(configuration: try TestConfiguration.load(), seed: 9)
        let shop = try #require(mock.douyin(shop: "yunlai-douyin"))
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        let id = shop.createOrder(lines: [Self.fiveKilo, Self.tenKilo], postageFen: 500, roomId: "7301882233445566778", authorId: "3871", at: t0)
        var truth = try #require(shop.truth(orderId: id))
        #expect(truth.status == "created" && truth.platformStatus == "1")
        #expect(truth.paidFen == 2 * 3990 + 6990 + 500 && truth.totalFen == truth.paidFen && truth.postageFen == 500)
        #expect(truth.lines.map(\.quantity) == [2, 1])
        #expect(truth.lines.map(\.paidFen) == [7980, 6990])
        #expect(truth.roomId == "7301882233445566778" && truth.authorId == "3871")
        #expect(truth.updateTime == 1_700_000_000)
        let created = try shop.createdMessage(orderId: id)
        #expect(created.tag == "100")
        #expect(try shop.createdMessage(orderId: id) == created, "the created message is recorded once")
        #expect(try data(created)["create_time"] as? NSNumber == 1_700_000_000)

        let priced = try shop.changePrice(orderId: id, newPaidFen: 13_500, at: t0.addingTimeInterval(5))
        #expect(priced.tag == "109")
        #expect((try data(priced)["total_amount"] as? NSNumber)?.int64Value == 13_500)
        truth = try #require(shop.truth(orderId: id))
        #expect(truth.paidFen == 13_500)
        #expect(truth.lines.map(\.paidFen).reduce(0, +) == 13_000)

        let paid = try shop.pay(orderId: id, at: t0.addingTimeInterval(10))
        #expect(paid.tag == "101")
        #expect(shop.truth(orderId: id)?.status == "paid")
        #expect(throws: MockPlatformError.self) { try shop.pay(orderId: id, at: t0) }
        #expect(throws: MockPlatformError.self) { try shop.changePrice(orderId: id, newPaidFen: 1, at: t0) }

        let address = try shop.changeAddress(orderId: id, province: "广东省", city: "深圳市", at: t0.addingTimeInterval(15))
        #expect(address.tag == "105")
        #expect(((try data(address)["receiver_msg"]) as? [String: Any])?["encrypt_tel"] is String)

        let lines = shop.lineIds(orderId: id)
        let refund = try shop.requestRefund(orderId: id, lineId: lines[1], at: t0.addingTimeInterval(20))
        #expect(refund.tag == "200")
        let refundData = try data(refund)
        #expect(refundData["s_id"] as? NSNumber == NSNumber(value: Int64(lines[1])!))
        #expect((refundData["refund_amount"] as? NSNumber)?.int64Value == shop.truth(orderId: id)?.lines[1].paidFen)
        #expect(shop.truth(orderId: id)?.lines.map(\.refundState) == ["none", "requested"])
        let closed = try shop.refundClosed(orderId: id, lineId: lines[1], at: t0.addingTimeInterval(25))
        #expect(closed.tag == "207")
        #expect(shop.truth(orderId: id)?.lines[1].refundState == "none")
        _ = try shop.requestRefund(orderId: id, lineId: lines[1], at: t0.addingTimeInterval(30))
        let refunded = try shop.refundSucceeded(orderId: id, lineId: lines[1], at: t0.addingTimeInterval(35))
        #expect(refunded.tag == "206")
        #expect(try data(refunded)["success_time"] as? NSNumber == 1_700_000_035)
        #expect(shop.truth(orderId: id)?.lines[1].refundState == "refunded")

        let shipped = try shop.ship(orderId: id, at: t0.addingTimeInterval(40))
        #expect(shipped.tag == "102")
        #expect(shop.truth(orderId: id)?.status == "shipped")
        #expect(throws: MockPlatformError.self) { try shop.cancel(orderId: id, at: t0) }
        let completed = try shop.complete(orderId: id, at: t0.addingTimeInterval(50))
        #expect(completed.tag == "103")
        truth = try #require(shop.truth(orderId: id))
        #expect(truth.status == "completed" && truth.platformStatus == "5" && truth.updateTime == 1_700_000_050)

        let messages = [created, priced, paid, address, refund, closed, refunded, shipped, completed]
        #expect(Set(messages.map(\.msgId)).count == messages.count)
        for message in messages {
            let fields = try data(message)
            #expect(fields["update_time"] is NSNumber, "tag \(message.tag) carries update_time")
            #expect(fields["shop_id"] as? NSNumber == 4_463_798)
            #expect(message.data.contains("\"p_id\":\(id)"))
        }

        let other = shop.createOrder(lines: [Self.fiveKilo], at: t0)
        let cancelled = try shop.cancel(orderId: other, reason: "不想要了", at: t0.addingTimeInterval(3))
        #expect(cancelled.tag == "106")
        #expect(try data(cancelled)["cancel_reason"] as? String == "不想要了")
        #expect(shop.truth(orderId: other)?.status == "cancelled")
        #expect(throws: MockPlatformError.self) { try shop.pay(orderId: "123", at: t0) }
        #expect(mock.truth().count == 2)
        #expect(mock.truth().allSatisfy { $0.platform == "douyin" && $0.shop == "yunlai-douyin" })
    }

    @Test("shops get distinct 19-digit ids and the same seed gives the same ids")
    func ids() throws {
        let configuration = try TestConfiguration.load()
        let first = MockPlatform(configuration: configuration, seed: 77)
        let second = MockPlatform(configuration: configuration, seed: 77)
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        let a = try #require(first.douyin(shop: "yunlai-douyin")).createOrder(lines: [Self.fiveKilo], at: t0)
        let b = try #require(second.douyin(shop: "yunlai-douyin")).createOrder(lines: [Self.fiveKilo], at: t0)
        let c = try #require(first.douyin(shop: "linyin-douyin")).createOrder(lines: [Self.fiveKilo], at: t0)
        #expect(a == b)
        #expect(a != c)
        #expect([a, c].allSatisfy { $0.count == 19 && Int64($0) != nil && Int64($0)! > 1 << 53 })
    }

    @Test("GET /_mock/truth serves the same truth as truth()")
    func servedTruth() async throws {
        let mock = MockPlatform(configuration: try TestConfiguration.load(), seed: 2)
        try await mock.start()
        let shop = try #require(mock.douyin(shop: "yunlai-douyin"))
        let id = shop.createOrder(lines: [Self.fiveKilo], roomId: "7301882233445566778", at: Date())
        _ = try shop.pay(orderId: id, at: Date())
        let served = try await DouyinTestClient(baseURL: mock.baseURL).mockGet("/_mock/truth")
        let orders = try #require(served["orders"] as? [[String: Any]])
        #expect(orders.count == 1)
        #expect(orders[0]["orderId"] as? String == id)
        #expect(orders[0]["status"] as? String == "paid")
        #expect(orders[0]["platformStatus"] as? String == "2")
        #expect((orders[0]["paidFen"] as? NSNumber)?.int64Value == 7980)
        let lines = try #require(orders[0]["lines"] as? [[String: Any]])
        #expect(lines.first?["refundState"] as? String == "none")
        #expect(lines.first?["lineId"] as? String == shop.lineIds(orderId: id).first)
        await mock.shutdown()
    }
}

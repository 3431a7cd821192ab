import Foundation
import GatewayCore
import GatewayRuntime
import GatewayStorage
import GatewayTesting
import MockPlatformKit
import Testing

@Suite(.serialized) struct DouyinEndToEndTests {
    static let ponkan = MockLineSpec(
        productId: "3600000000001",
        skuId: "1700000000001",
        outSkuId: "ponkan-5kg-a",
        title: "保靖椪柑 5kg 特级",
        quantity: 2,
        unitPriceFen: 2990
    )

    @Test func paidPushIsFetchedAndVisibleThroughTheStaffAPI() async throws {
        let harness = try await EndToEndHarness.startMock(poll: false)
        let (gateway, url) = try await harness.startGateway()
        let shop = try #require(harness.mock.douyin(shop: "yunlai-douyin"))
        let orderId = shop.createOrder(lines: [Self.ponkan], postageFen: 0, roomId: "7311223344556677001", authorId: "88990011", at: Date())
        let paid = try shop.pay(orderId: orderId, at: Date())
        let result = try await shop.push([paid], to: url, timeout: .seconds(60))
        #expect(result.acknowledged)

        let path = "\(url)/api/v1/orders/douyin/yunlai-douyin/\(orderId)"
        let arrived = try await EndToEndHarness.eventually {
            let (status, body) = try await EndToEndHarness.getJSON(path)
            return status == 200 && (body["lines"] as? [Any])?.isEmpty == false
        }
        #expect(arrived)
        let (_, order) = try await EndToEndHarness.getJSON(path)
        #expect(order["status"] as? String == "paid")
        #expect(order["paid_fen"] as? Int == 5980)
        #expect(order["platform_order_id"] as? String == orderId)
        #expect(order["live_room_id"] as? String == "7311223344556677001")
        let lines = order["lines"] as? [[String: Any]] ?? []
        #expect(lines.first?["quantity"] as? Int == 2)
        #expect(lines.first?["sku_id"] as? String == "1700000000001")
        let timeline = order["timeline"] as? [[String: Any]] ?? []
        #expect(timeline.map { $0["source"] as? String } == ["push", "detail"])
        // The mock saw correctly signed API calls only.
        let log = harness.mock.requestLog()
        #expect(!log.isEmpty)
        #expect(log.allSatisfy { $0.signatureValid })
        await gateway.shutdown()
        await harness.cleanUp()
    }

    @Test func samePushThreeTimesIsOneOrderWithTheDuplicatesOnItsTimeline() async throws {
        let harness = try await EndToEndHarness.startMock(poll: false)
        let (gateway, url) = try await harness.startGateway()
        let shop = try #require(harness.mock.douyin(shop: "yunlai-douyin"))
        let orderId = shop.createOrder(lines: [Self.ponkan], at: Date())
        let paid = try shop.pay(orderId: orderId, at: Date())
        for _ in 0..<3 {
            let result = try await shop.push([paid], to: url, timeout: .seconds(60))
            #expect(result.acknowledged)
        }
        let path = "\(url)/api/v1/orders/douyin/yunlai-douyin/\(orderId)"
        #expect(try await EndToEndHarness.eventually { try await EndToEndHarness.getJSON(path).0 == 200 })
        let (_, order) = try await EndToEndHarness.getJSON(path)
        let timeline = order["timeline"] as? [[String: Any]] ?? []
        let pushes = timeline.filter { $0["source"] as? String == "push" }
        #expect(pushes.count == 1)
        #expect(pushes.first?["received_count"] as? Int == 3)
        #expect(pushes.first?["duplicates_absorbed"] as? Int == 2)
        let (_, list) = try await EndToEndHarness.getJSON("\(url)/api/v1/orders?shop=yunlai-douyin")
        #expect((list["items"] as? [Any])?.count == 1)
        await gateway.shutdown()
        await harness.cleanUp()
    }

    @Test func cancelBeforePaidArrivingOutOfOrderEndsCancelled() async throws {
        let harness = try await EndToEndHarness.startMock(poll: false)
        let (gateway, url) = try await harness.startGateway()
        let shop = try #require(harness.mock.douyin(shop: "yunlai-douyin"))
        let start = Date()
        let orderId = shop.createOrder(lines: [Self.ponkan], at: start)
        let paid = try shop.pay(orderId: orderId, at: start.addingTimeInterval(5))
        let cancelled = try shop.cancel(orderId: orderId, reason: "买家取消", at: start.addingTimeInterval(60))
        #expect(try await shop.push([cancelled], to: url).acknowledged)
        let path = "\(url)/api/v1/orders/douyin/yunlai-douyin/\(orderId)"
        #expect(try await EndToEndHarness.eventually { try await EndToEndHarness.getJSON(path).1["status"] as? String == "cancelled" })
        #expect(try await shop.push([paid], to: url).acknowledged)
        #expect(
            try await EndToEndHarness.eventually {
                let timeline = try await EndToEndHarness.getJSON(path).1["timeline"] as? [[String: Any]] ?? []
                return timeline.contains { ($0["event"] as? String)?.contains("TradePaid") == true }
            }
        )
        let (_, order) = try await EndToEndHarness.getJSON(path)
        #expect(order["status"] as? String == "cancelled")
        let timeline = order["timeline"] as? [[String: Any]] ?? []
        let paidEntry = timeline.first { ($0["event"] as? String)?.contains("TradePaid") == true }
        #expect(paidEntry?["decision"] as? String != "applied" || paidEntry?["status_after"] as? String == "cancelled")
        await gateway.shutdown()
        await harness.cleanUp()
    }

    @Test func priceChangeShipmentAndAfterSaleLandOnTheOrderAndItsLines() async throws {
        let harness = try await EndToEndHarness.startMock(poll: false)
        let (gateway, url) = try await harness.startGateway()
        let shop = try #require(harness.mock.douyin(shop: "yunlai-douyin"))
        let start = Date()
        let second = MockLineSpec(
            productId: "3600000000002",
            skuId: "1700000000009",
            outSkuId: "kiwi-3kg",
            title: "猕猴桃 3kg",
            quantity: 1,
            unitPriceFen: 3900
        )
        let orderId = shop.createOrder(lines: [Self.ponkan, second], at: start)
        let lines = shop.lineIds(orderId: orderId)
        let messages = [
            try shop.changePrice(orderId: orderId, newPaidFen: 9000, at: start.addingTimeInterval(10)),
            try shop.pay(orderId: orderId, at: start.addingTimeInterval(20)),
            try shop.ship(orderId: orderId, at: start.addingTimeInterval(30)),
            try shop.requestRefund(orderId: orderId, lineId: lines[1], at: start.addingTimeInterval(40)),
            try shop.refundSucceeded(orderId: orderId, lineId: lines[1], at: start.addingTimeInterval(50)),
        ]
        for message in messages.reversed() { #expect(try await shop.push([message], to: url).acknowledged) }  // newest first
        let path = "\(url)/api/v1/orders/douyin/yunlai-douyin/\(orderId)"
        let truth = try #require(shop.truth(orderId: orderId))
        let settled = try await EndToEndHarness.eventually {
            let timeline = try await EndToEndHarness.getJSON(path).1["timeline"] as? [[String: Any]] ?? []
            return timeline.filter { $0["source"] as? String == "push" }.count == messages.count
        }
        #expect(settled)
        let (_, order) = try await EndToEndHarness.getJSON(path)
        #expect(order["status"] as? String == truth.status)
        #expect(order["paid_fen"] as? Int64 == truth.paidFen || order["paid_fen"] as? Int == Int(truth.paidFen))
        #expect(truth.paidFen == 9000)
        let refundStates = (order["lines"] as? [[String: Any]] ?? []).map { $0["refund_state"] as? String ?? "" }
        #expect(refundStates == truth.lines.map(\.refundState))
        #expect(refundStates.contains("refunded"))
        await gateway.shutdown()
        await harness.cleanUp()
    }

    @Test func pollingAloneRecoversOrdersWhosePushesNeverCame() async throws {
        let harness = try await EndToEndHarness.startMock(poll: true)
        let shop = try #require(harness.mock.douyin(shop: "linyin-douyin"))
        var ids: [String] = []
        for index in 0..<130 {
            let id = shop.createOrder(lines: [Self.ponkan], at: Date())
            if index % 3 != 0 { _ = try shop.pay(orderId: id, at: Date()) }
            ids.append(id)
        }
        let (gateway, url) = try await harness.startGateway()
        let complete = try await EndToEndHarness.eventually(seconds: 30) {
            let orders = try await EndToEndHarness.getJSON("\(url)/api/v1/orders?shop=linyin-douyin&limit=1000").1["items"] as? [[String: Any]] ?? []
            return orders.count == ids.count
        }
        #expect(complete)
        let truth = harness.mock.truth().filter { $0.shop == "linyin-douyin" }
        let orders = try await EndToEndHarness.getJSON("\(url)/api/v1/orders?shop=linyin-douyin&limit=1000").1["items"] as? [[String: Any]] ?? []
        let gatewayStatus = Dictionary(uniqueKeysWithValues: orders.map { ($0["platform_order_id"] as? String ?? "", $0["status"] as? String ?? "") })
        for order in truth {
            #expect(gatewayStatus[order.orderId] == order.status, "order \(order.orderId)")
        }
        await gateway.shutdown()
        await harness.cleanUp()
    }
}

import Foundation

/// A county-head ponkan livestream on one Douyin shop: orders pour in, most are paid, some are cancelled,
/// and every change is pushed to the gateway the way an imperfect platform pushes — some twice, some in
/// swapped order, some never (so only polling finds them).
///
/// All choices come from the seed: the same seed and rates against a fresh mock with the same mock seed
/// create the same orders, the same messages and the same delivery plan.
///
/// ```swift
/// let report = try await DouyinLivestream.run(mock: mock, shop: "yunlai-douyin", gatewayBaseURL: "http://127.0.0.1:8080",
///                                             orders: 500, ratePerSecond: 50, seed: 7) { print($0.ordersCreated) }
/// print(report)
/// ```
public enum DouyinLivestream {
    /// The SKUs on sale: 保靖椪柑 (Baojing ponkan) boxes. `outSkuId` is the merchant code the gateway maps.
    public static let catalog: [MockLineSpec] = [
        MockLineSpec(
            productId: "3656110990000000501",
            skuId: "1786000000000000501",
            outSkuId: "BJPG-5KG",
            title: "保靖椪柑 5kg 家庭装",
            quantity: 1,
            unitPriceFen: 3990
        ),
        MockLineSpec(
            productId: "3656110990000000501",
            skuId: "1786000000000000502",
            outSkuId: "BJPG-10KG",
            title: "保靖椪柑 10kg 整箱",
            quantity: 1,
            unitPriceFen: 6990
        ),
        MockLineSpec(
            productId: "3656110990000000777",
            skuId: "1786000000000000771",
            outSkuId: "BJPG-5KG-GIFT",
            title: "保靖椪柑 5kg 精品礼盒",
            quantity: 1,
            unitPriceFen: 5990
        ),
        MockLineSpec(
            productId: "3656110990000000777",
            skuId: "1786000000000000772",
            outSkuId: "BJPG-3KG-TRIAL",
            title: "保靖椪柑 3kg 尝鲜装",
            quantity: 1,
            unitPriceFen: 2590
        ),
    ]

    /// The live room of the scenario.
    public static let roomId = "7301882233445566778"
    /// The streamer (the county head's account) of the scenario.
    public static let authorId = "3871234567890123456"

    private static let destinations: [(String, String)] = [
        ("湖南省", "长沙市"), ("湖南省", "湘西土家族苗族自治州"), ("广东省", "深圳市"), ("广东省", "广州市"),
        ("浙江省", "杭州市"), ("上海市", "上海市"), ("北京市", "北京市"), ("湖北省", "武汉市"), ("四川省", "成都市"),
    ]

    /// Plays the livestream into a gateway.
    /// - Parameters:
    ///   - mock: the mock platform holding the shop.
    ///   - shop: a Douyin shop key.
    ///   - gatewayBaseURL: the gateway root; pushes go to `{gateway}/webhooks/douyin/{shop}`.
    ///   - orders: how many orders to create.
    ///   - ratePerSecond: orders created per second (0 or less: as fast as possible).
    ///   - seed: the scenario seed.
    ///   - duplicateRate: chance (0…1) that a pushed message is delivered a second time, after the order's other messages.
    ///   - outOfOrderRate: chance that an order's deliveries are swapped (e.g. "paid" before "created").
    ///   - dropRate: chance that a message is never pushed.
    ///   - cancelRate: chance that an order is cancelled (half before payment, half after).
    ///   - maxConcurrentPushes: orders whose pushes are in flight at once.
    ///   - pushTimeout: how long one push may take before it counts as a failure.
    ///   - progress: called after each order's deliveries finish (from any task).
    /// - Returns: the report.
    /// - Throws: ``MockPlatformError/unknownShop(_:)`` when the shop is not a Douyin shop of the mock.
    public static func run(
        mock: MockPlatform,
        shop: String,
        gatewayBaseURL: String,
        orders: Int,
        ratePerSecond: Double = 20,
        seed: UInt64 = 1,
        duplicateRate: Double = 0.1,
        outOfOrderRate: Double = 0.1,
        dropRate: Double = 0.05,
        cancelRate: Double = 0.1,
        maxConcurrentPushes: Int = 16,
        pushTimeout: Duration = .seconds(5),
        progress: @escaping @Sendable (LivestreamProgress) -> Void = { _ in }
    ) async throws -> LivestreamReport {
        guard let shopMock = mock.douyin(shop: shop) else { throw MockPlatformError.unknownShop(shop) }
        var generator = SeededGenerator(seed: seed)
        var report = LivestreamReport(shop: shop, seed: seed)
        let counters = LockedBox(LivestreamProgress(ordersPlanned: max(0, orders)))
        let started = ContinuousClock.now
        let interval: Duration = ratePerSecond > 0 ? .nanoseconds(Int64(1_000_000_000 / ratePerSecond)) : .zero

        try await withThrowingTaskGroup(of: Void.self) { group in
            var inFlight = 0
            for index in 0..<max(0, orders) {
                if interval > .zero {
                    let target = started + interval * index
                    if target > ContinuousClock.now { try await Task.sleep(until: target, clock: .continuous) }
                }
                let now = Date()
                let messages = try playOrder(shop: shopMock, at: now, cancelRate: cancelRate, generator: &generator, report: &report)
                let plan = deliveryPlan(
                    messages,
                    generator: &generator,
                    duplicateRate: duplicateRate,
                    outOfOrderRate: outOfOrderRate,
                    dropRate: dropRate,
                    report: &report
                )
                counters.withLock { $0.ordersCreated += 1 }
                if inFlight >= max(1, maxConcurrentPushes) {
                    try await group.next()
                    inFlight -= 1
                }
                inFlight += 1
                let (dropped, duplicates) = (messages.count - Set(plan.map(\.msgId)).count, plan.count - Set(plan.map(\.msgId)).count)
                group.addTask {
                    var acknowledged = 0
                    var failures = 0
                    for message in plan {
                        do {
                            let result = try await shopMock.push([message], to: gatewayBaseURL, timeout: pushTimeout)
                            if result.acknowledged { acknowledged += 1 } else { failures += 1 }
                        } catch {
                            failures += 1
                        }
                    }
                    let snapshot = counters.withLock { state in
                        state.ordersDelivered += 1
                        state.pushesSent += plan.count
                        state.acknowledged += acknowledged
                        state.failures += failures
                        state.dropped += dropped
                        state.duplicatesSent += duplicates
                        return state
                    }
                    progress(snapshot)
                }
            }
            try await group.waitForAll()
        }

        let final = counters.withLock { $0 }
        report.acknowledged = final.acknowledged
        report.failures = final.failures
        let elapsed = ContinuousClock.now - started
        report.elapsedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return report
    }

    /// Creates one order and moves it through its life; returns its messages in platform order.
    private static func playOrder(
        shop: DouyinShopMock,
        at now: Date,
        cancelRate: Double,
        generator: inout SeededGenerator,
        report: inout LivestreamReport
    ) throws -> [DouyinPushMessage] {
        var lines: [MockLineSpec] = []
        let lineCount = generator.chance(0.2) ? 2 : 1
        var available = catalog
        for _ in 0..<lineCount {
            var line = available.remove(at: generator.below(available.count))
            let roll = generator.unit()
            line.quantity = roll < 0.7 ? 1 : roll < 0.92 ? 2 : 3
            lines.append(line)
        }
        let destination = destinations[generator.below(destinations.count)]
        let postage: Int64 = generator.chance(0.1) ? 800 : 0
        let orderId = shop.createOrder(
            lines: lines,
            postageFen: postage,
            roomId: roomId,
            authorId: authorId,
            province: destination.0,
            city: destination.1,
            at: now
        )
        report.ordersCreated += 1
        report.orderIds.append(orderId)
        var messages = [try shop.createdMessage(orderId: orderId)]
        if generator.chance(cancelRate / 2) {
            messages.append(try shop.cancel(orderId: orderId, reason: "买家取消订单（未支付）", at: now))
            report.cancelledBeforePayment += 1
        } else if generator.chance(0.03) {
            report.unpaid += 1
        } else {
            messages.append(try shop.pay(orderId: orderId, at: now))
            report.ordersPaid += 1
            if generator.chance(cancelRate / 2) {
                messages.append(try shop.cancel(orderId: orderId, reason: "买家申请取消，商家同意退款", at: now))
                report.cancelledAfterPayment += 1
            }
        }
        return messages
    }

    /// Chooses which messages are pushed, in what order, and which twice.
    private static func deliveryPlan(
        _ messages: [DouyinPushMessage],
        generator: inout SeededGenerator,
        duplicateRate: Double,
        outOfOrderRate: Double,
        dropRate: Double,
        report: inout LivestreamReport
    ) -> [DouyinPushMessage] {
        report.messages += messages.count
        var plan: [DouyinPushMessage] = []
        var repeats: [DouyinPushMessage] = []
        for message in messages {
            if generator.chance(dropRate) {
                report.dropped += 1
                continue
            }
            plan.append(message)
            if generator.chance(duplicateRate) { repeats.append(message) }
        }
        if plan.count >= 2 && generator.chance(outOfOrderRate) {
            let first = generator.below(plan.count - 1)
            plan.swapAt(first, first + 1)
            report.outOfOrder += 1
        }
        report.duplicatesSent += repeats.count
        plan += repeats
        report.pushesSent += plan.count
        return plan
    }
}

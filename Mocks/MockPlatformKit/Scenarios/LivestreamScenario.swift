public import Foundation
public import GatewayCore
import Synchronization

/// A county-head livestream played on every shop of the mock platform at once.
///
/// Orders follow a livestream's shape — a warm-up, flash-sale spikes (秒杀) when the host announces a
/// price, a long tail — with buyers spread over China's provinces and SKUs from ``LivestreamCatalog``.
/// Each order lives a realistic life (paid or not, cancelled before or after payment, shipped,
/// completed, refunded after shipment) in real time, and its pushes misbehave the way platforms'
/// do: repeated, overtaken, never sent, sent after the livestream, while the platform APIs answer
/// with errors and slowly. A seed makes a run reproducible.
///
/// ```swift
/// let stats = try await LivestreamScenario(mock: mock, options: .init(orders: 300)).run(gatewayBaseURL: url) { progress in … }
/// ```
public struct LivestreamScenario: Sendable {
    /// The mock platform whose shops sell.
    public let mock: MockPlatform
    /// The livestream's settings.
    public let options: LivestreamOptions
    /// The shops that take part (every shop of the mock by default).
    public let shops: [any MockShop]
    /// What is sold and where buyers live.
    public let catalog: LivestreamCatalog

    /// Creates a scenario.
    public init(mock: MockPlatform, options: LivestreamOptions, catalog: LivestreamCatalog = .standard, shops: [any MockShop]? = nil) {
        self.mock = mock
        self.options = options
        self.catalog = catalog
        self.shops = shops ?? mock.shops
    }

    /// One planned step of one order.
    enum Step: Sendable {
        case place, pay, cancel, ship, complete, requestRefund, completeRefund
    }

    /// One step at a time offset from the start.
    struct Event: Sendable {
        var offset: Double
        var order: Int
        var step: Step
    }

    /// A push held back until the livestream ends.
    struct LatePush: Sendable {
        var shop: any MockShop
        var push: MockPush
    }

    /// One planned order.
    struct PlannedOrder: Sendable {
        var shop: Int
        var lines: [MockLineSpec]
        var province: String
        var city: String
    }

    /// Plays the livestream into a gateway in real time.
    /// - Parameters:
    ///   - gatewayBaseURL: where pushes go.
    ///   - progress: called with the counts per platform (raw value) whenever they change notably.
    /// - Returns: the counts per platform.
    public func run(
        gatewayBaseURL: String,
        progress: @escaping @Sendable ([String: LivestreamStats]) -> Void = { _ in }
    ) async throws -> [String: LivestreamStats] {
        guard !shops.isEmpty else { return [:] }
        let (orders, events) = plan()
        let board = StatsBoard()
        for order in orders { board.update(shops[order.shop].platform) { $0.ordersPlanned += 1 } }
        let previousFaults = mock.faults
        mock.faults = MockFaults(
            errorRate: options.errorRate,
            slowRate: options.slowRate,
            slowMilliseconds: 800,
            rateLimitPerSecond: options.apiRateLimitPerSecond
        )
        defer { mock.faults = previousFaults }

        var deliveryRandom = SeededGenerator(seed: SeededGenerator.derive(options.seed, 0xD311_7E4E))
        let ids = LockedBox<[Int: String]>([:])
        let late = LockedBox<[LatePush]>([])
        let start = ContinuousClock.now
        let gate = PushGate(limit: options.maxConcurrentPushes)

        try await withThrowingTaskGroup(of: Void.self) { group in
            for event in events {
                try await ContinuousClock().sleep(until: start + .milliseconds(Int(event.offset * 1000)))
                let planned = orders[event.order]
                let shop = shops[planned.shop]
                guard let push = try perform(event, planned: planned, shop: shop, ids: ids, board: board) else { continue }
                // Decide how this push misbehaves. A platform without an order API (Youzan) keeps retrying
                // instead of dropping: nothing else could ever bring the order to the gateway.
                let dropDraw = deliveryRandom.chance(options.dropRate)
                if dropDraw && shop.hasOrderAPI {
                    board.update(shop.platform) { $0.dropped += 1 }
                    continue
                }
                if deliveryRandom.chance(options.lateRate) {
                    late.withLock { $0.append(LatePush(shop: shop, push: push)) }
                    board.update(shop.platform) { $0.late += 1 }
                    continue
                }
                var delay = 0.0
                if deliveryRandom.chance(options.outOfOrderRate) {
                    delay = 1.5 + deliveryRandom.unit() * 2.5
                    board.update(shop.platform) { $0.outOfOrder += 1 }
                }
                let repeatAfter: Double? = deliveryRandom.chance(options.duplicateRate) ? delay + 0.2 + deliveryRandom.unit() * 1.5 : nil
                group.addTask {
                    try await Task.sleep(for: .milliseconds(Int(delay * 1000)))
                    await Self.deliver(push, via: shop, to: gatewayBaseURL, gate: gate, board: board)
                }
                if let repeatAfter {
                    board.update(shop.platform) { $0.duplicatesSent += 1 }
                    group.addTask {
                        try await Task.sleep(for: .milliseconds(Int(repeatAfter * 1000)))
                        await Self.deliver(push, via: shop, to: gatewayBaseURL, gate: gate, board: board)
                    }
                }
                progress(board.snapshot())
            }
            try await group.waitForAll()
        }
        // "Hours late": after the livestream has ended.
        for held in late.withLock({ $0 }) {
            await Self.deliver(held.push, via: held.shop, to: gatewayBaseURL, gate: gate, board: board)
        }
        progress(board.snapshot())
        return board.snapshot()
    }

    /// Performs one step on the platform; returns the push it produced, if any.
    private func perform(
        _ event: Event,
        planned: PlannedOrder,
        shop: any MockShop,
        ids: LockedBox<[Int: String]>,
        board: StatsBoard
    ) throws -> MockPush? {
        let now = Date()
        if event.step == .place {
            let (id, push) = try shop.placeOrder(
                lines: planned.lines,
                postageFen: 0,
                roomId: catalog.roomId,
                authorId: catalog.authorId,
                province: planned.province,
                city: planned.city,
                at: now
            )
            ids.withLock { $0[event.order] = id }
            board.update(shop.platform) { $0.ordersPlaced += 1 }
            return push
        }
        guard let id = ids.withLock({ $0[event.order] }) else { return nil }
        switch event.step {
        case .place:
            return nil
        case .pay:
            board.update(shop.platform) { $0.ordersPaid += 1 }
            return try shop.payOrder(orderId: id, at: now)
        case .cancel:
            board.update(shop.platform) { $0.ordersCancelled += 1 }
            return try shop.cancelOrder(orderId: id, at: now)
        case .ship:
            return try shop.shipOrder(orderId: id, at: now)
        case .complete:
            return try shop.completeOrder(orderId: id, at: now)
        case .requestRefund:
            guard let line = shop.orderLineIds(orderId: id).first else { return nil }
            return try shop.requestLineRefund(orderId: id, lineId: line, at: now)
        case .completeRefund:
            guard let line = shop.orderLineIds(orderId: id).first else { return nil }
            board.update(shop.platform) { $0.refunds += 1 }
            return try shop.completeLineRefund(orderId: id, lineId: line, at: now)
        }
    }

    /// Sends a push as the platform does, retrying with back-off when it is not acknowledged: twice on
    /// platforms the gateway can also poll, for up to about a minute on push-only platforms.
    private static func deliver(_ push: MockPush, via shop: any MockShop, to url: String, gate: PushGate, board: StatsBoard) async {
        await gate.acquire()
        defer { Task { await gate.release() } }
        let attempts = shop.hasOrderAPI ? 3 : 30
        for attempt in 0..<attempts {
            board.update(shop.platform) { $0.pushesSent += 1 }
            if let result = try? await shop.deliver([push], to: url, timeout: .seconds(5)), result.acknowledged {
                board.update(shop.platform) { $0.acknowledged += 1 }
                return
            }
            try? await Task.sleep(for: .milliseconds(min(300 << min(attempt, 3), 2000)))
        }
        board.update(shop.platform) { $0.failures += 1 }
    }

    /// The order placement times the scenario would use, in seconds from the start (for tests of its shape).
    public func plannedArrivalsForTesting() -> [Double] {
        plan().1.filter { $0.step == .place }.map(\.offset)
    }

    /// The orders and their steps, in time order.
    func plan() -> ([PlannedOrder], [Event]) {
        var random = SeededGenerator(seed: SeededGenerator.derive(options.seed, 0x11FE))
        let duration = options.effectiveDuration
        let arrivals = Self.arrivalOffsets(count: options.orders, duration: duration, random: &random)
        let shopWeights = shops.map { $0.platform == .douyin ? 3 : ($0.platform == .kuaishou ? 2 : 1) }
        var orders: [PlannedOrder] = []
        var events: [Event] = []
        for (index, placedAt) in arrivals.enumerated() {
            let shop = Self.pick(weights: shopWeights, random: &random)
            var lines: [MockLineSpec] = []
            let lineCount = random.chance(0.2) ? 2 : 1
            var available = catalog.items
            for _ in 0..<lineCount {
                let chosen = Self.pick(weights: available.map(\.weight), random: &random)
                var line = available.remove(at: chosen).line
                line.quantity = random.chance(0.75) ? 1 : 2 + random.below(2)
                lines.append(line)
            }
            let destination = catalog.destinations[Self.pick(weights: catalog.destinations.map(\.weight), random: &random)]
            orders.append(PlannedOrder(shop: shop, lines: lines, province: destination.province, city: destination.city))
            events.append(Event(offset: placedAt, order: index, step: .place))
            var t = placedAt
            func next(_ low: Double, _ high: Double) -> Double {
                t += low + random.unit() * (high - low)
                return t
            }
            if random.chance(options.cancelRate / 2) {
                events.append(Event(offset: next(1, 6), order: index, step: .cancel))  // cancelled before payment
                continue
            }
            if random.chance(0.05) { continue }  // never paid
            events.append(Event(offset: next(0.5, 4), order: index, step: .pay))
            if random.chance(options.cancelRate / 2) {
                events.append(Event(offset: next(1, 5), order: index, step: .cancel))  // cancelled after payment
                continue
            }
            guard random.chance(options.shipRate) else { continue }
            events.append(Event(offset: next(2, 8), order: index, step: .ship))
            if random.chance(options.refundRate / max(options.shipRate, 0.01)) {
                events.append(Event(offset: next(1, 4), order: index, step: .requestRefund))
                events.append(Event(offset: next(1, 3), order: index, step: .completeRefund))
            } else if random.chance(0.4) {
                events.append(Event(offset: next(1, 4), order: index, step: .complete))
            }
        }
        events.sort { ($0.offset, $0.order) < ($1.offset, $1.order) }
        return (orders, events)
    }

    /// Order arrival times shaped like a livestream: a warm-up at 40% pace, three flash-sale spikes at
    /// four times the pace, and a tail that fades; stratified sampling of the inverse distribution.
    static func arrivalOffsets(count: Int, duration: Double, random: inout SeededGenerator) -> [Double] {
        guard count > 0 else { return [] }
        let bins = 400
        let intensity: [Double] = (0..<bins).map { bin in
            let u = (Double(bin) + 0.5) / Double(bins)
            if u < 0.12 { return 0.4 }
            if [0.25, 0.5, 0.72].contains(where: { abs(u - $0) < 0.025 }) { return 4 }
            if u > 0.8 { return max(0.25, 1 - (u - 0.8) * 3.5) }
            return 1
        }
        var cumulative: [Double] = []
        var sum = 0.0
        for value in intensity {
            sum += value
            cumulative.append(sum)
        }
        return (0..<count).map { index in
            let target = (Double(index) + random.unit()) / Double(count) * sum
            let bin = cumulative.firstIndex { $0 >= target } ?? bins - 1
            let before = bin == 0 ? 0 : cumulative[bin - 1]
            let within = (target - before) / intensity[bin]
            return (Double(bin) + min(max(within, 0), 1)) / Double(bins) * duration
        }
    }

    static func pick(weights: [Int], random: inout SeededGenerator) -> Int {
        let total = weights.reduce(0, +)
        guard total > 0 else { return 0 }
        var roll = random.below(total)
        for (index, weight) in weights.enumerated() {
            if roll < weight { return index }
            roll -= weight
        }
        return weights.count - 1
    }
}

/// Per-platform counts shared by the delivery tasks.
final class StatsBoard: Sendable {
    private let stats = Mutex<[String: LivestreamStats]>([:])

    func update(_ platform: Platform, _ change: (inout LivestreamStats) -> Void) {
        stats.withLock { change(&$0[platform.rawValue, default: LivestreamStats()]) }
    }

    func snapshot() -> [String: LivestreamStats] { stats.withLock { $0 } }
}

/// Bounds the pushes in flight.
actor PushGate {
    private let limit: Int
    private var inFlight = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = max(1, limit) }

    func acquire() async {
        if inFlight < limit {
            inFlight += 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            inFlight -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}

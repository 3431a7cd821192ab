import GatewayCore
import Testing

/// Random interleavings and repeats of pay, cancel, ship and refund observations for many orders,
/// merged and planned one by one exactly as the storage does, leave reservations and stock exactly
/// as the final order states imply.
@Suite struct FulfilmentPropertyTests {
    let data = InventoryFixtures.masterData

    /// One order's true history as observations (full snapshots and thin status events).
    func history(_ id: String, rng: inout SplitMix64) -> [OrderObservation] {
        let key = OrderKey(platform: .douyin, shop: "shop", platformOrderId: id)
        let skus = ["p-pg5a", "p-tea", "p-gift"]
        let lines = (0..<Int.random(in: 1...2, using: &rng)).map { index in
            (sku: skus.randomElement(using: &rng)!, quantity: Int.random(in: 1...3, using: &rng), index: index)
        }
        let province = ["湖南省", "北京市"].randomElement(using: &rng)!
        var time: Int64 = 1_000
        var observations: [OrderObservation] = []
        func snapshot(_ status: OrderStatus, refunded: Set<Int>, afterShipment: Bool = false) -> OrderObservation {
            time += 1
            let orderLines = lines.map { line in
                OrderLine(
                    lineId: "\(line.index)",
                    productId: "p",
                    skuId: line.sku,
                    title: line.sku,
                    quantity: line.quantity,
                    paidFen: 100,
                    refundState: refunded.contains(line.index) ? .refunded : .none,
                    refundedAfterShipment: afterShipment && refunded.contains(line.index)
                )
            }
            let snap = OrderSnapshot(
                status: status,
                platformStatus: status.rawValue,
                totalFen: 100,
                paidFen: 100,
                createdAt: Timestamp(millisecondsSince1970: 1_000),
                lines: orderLines,
                buyer: BuyerInfo(province: province)
            )
            return OrderObservation(
                key: key,
                source: .detail,
                event: status.rawValue,
                platformUpdatedAt: Timestamp(millisecondsSince1970: time * 1000),
                snapshot: snap
            )
        }
        observations.append(snapshot(.created, refunded: []))
        let path = Int.random(in: 0..<6, using: &rng)
        if path == 0 {
            observations.append(snapshot(.cancelled, refunded: []))
            return observations
        }
        observations.append(snapshot(.paid, refunded: []))
        switch path {
        case 1: observations.append(snapshot(.cancelled, refunded: []))
        case 2: observations.append(snapshot(.paid, refunded: [0]))
        case 3:
            observations.append(snapshot(.shipped, refunded: []))
            observations.append(snapshot(.completed, refunded: []))
        case 4:
            // Pinduoduo/Taobao: closed as refunded after the goods were sent; `shipped` never observed.
            observations.append(snapshot(.cancelled, refunded: Set(lines.map(\.index)), afterShipment: true))
        default:
            observations.append(snapshot(.shipped, refunded: []))
            observations.append(snapshot(.shipped, refunded: [0]))
        }
        return observations
    }

    struct World {
        var orders: [OrderKey: CanonicalOrder] = [:]
        var fulfilments: [OrderKey: [String: LineFulfilment]] = [:]
        var stock: StockBook

        mutating func apply(_ observation: OrderObservation, data: MasterData) {
            let result = OrderMerger.merge(observation, into: orders[observation.key])
            orders[observation.key] = result.order
            guard result.decision == .applied else { return }
            let plan = FulfilmentPlanner.plan(order: result.order, current: fulfilments[observation.key] ?? [:], masterData: data, stock: &stock)
            for change in plan.changed { fulfilments[observation.key, default: [:]][change.lineId] = change }
        }
    }

    func run(orderCount: Int, stock: StockBook, seed: UInt64, shuffle: Bool) -> World {
        var rng = SplitMix64(seed: seed)
        var streams = (0..<orderCount).map { history("o\($0)", rng: &rng) }
        var world = World(stock: stock)
        var shuffler = SplitMix64(seed: seed &* 31 &+ 7)
        while !streams.isEmpty {
            let index = shuffle ? Int.random(in: 0..<streams.count, using: &shuffler) : 0
            var observations = streams[index]
            // Anything already seen may come again (repeats) and newer ones may overtake older ones.
            let pick = shuffle ? Int.random(in: 0..<observations.count, using: &shuffler) : 0
            let observation = observations.remove(at: pick)
            world.apply(observation, data: data)
            if shuffle && Bool.random(using: &shuffler) { world.apply(observation, data: data) }
            if observations.isEmpty { streams.remove(at: index) } else { streams[index] = observations }
        }
        return world
    }

    func checkInvariants(_ world: World, initial: StockBook) {
        var reserved: [StockKey: Int] = [:]
        var consumed: [StockKey: Int] = [:]
        for (key, lines) in world.fulfilments {
            let order = world.orders[key]!
            for (lineId, fulfilment) in lines {
                let line = order.lines.first { $0.lineId == lineId }!
                let target = FulfilmentPlanner.target(status: order.status, line: line)
                switch fulfilment.state {
                case .reserved:
                    #expect(target == .reserved, "line \(key) \(lineId) reserved but target \(target)")
                    for part in fulfilment.reservations { reserved[part.key, default: 0] += part.quantity }
                case .consumed:
                    #expect(
                        target == .consumed || order.status == .shipped || order.status == .completed,
                        "consumed line on a \(order.status) order"
                    )
                    for part in fulfilment.reservations { consumed[part.key, default: 0] += part.quantity }
                case .released: #expect(target == .released || target == .none || line.refundState == .refunded)
                case .held: #expect(target == .reserved || target == .consumed)
                case .dismissed: Issue.record("nothing dismisses in this test")
                }
            }
        }
        for (key, start) in initial.levels {
            let end = world.stock.level(key)!
            #expect(end.reserved == reserved[key, default: 0], "reserved at \(key)")
            #expect(start.onHand - end.onHand == consumed[key, default: 0], "consumed at \(key)")
            #expect(end.onHand - end.reserved - end.safety >= 0, "available below zero at \(key)")
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func anyInterleavingEndsWhereTheInOrderRunEnds(seed: UInt64) {
        let ample = InventoryFixtures.stock(pg5aChangsha: 10_000, pg5aBaojing: 10_000, kiwi: 10_000, tea: 10_000, safety: 3)
        let inOrder = run(orderCount: 150, stock: ample, seed: seed, shuffle: false)
        let shuffled = run(orderCount: 150, stock: ample, seed: seed, shuffle: true)
        checkInvariants(shuffled, initial: ample)
        #expect(shuffled.orders.mapValues(\.status) == inOrder.orders.mapValues(\.status))
        #expect(shuffled.orders.mapValues(\.snapshot) == inOrder.orders.mapValues(\.snapshot))
        #expect(shuffled.stock.levels == inOrder.stock.levels)
        // A line that never held stock and one that held it and gave it back are the same for stock.
        func holding(_ world: World) -> [OrderKey: [String: FulfilmentState]] {
            world.fulfilments.mapValues { $0.mapValues(\.state).filter { $0.value != .released } }.filter { !$0.value.isEmpty }
        }
        #expect(holding(shuffled) == holding(inOrder))
    }

    @Test(arguments: [UInt64(11), 12, 13, 14])
    func scarceStockNeverGoesNegativeAndReservationsMatch(seed: UInt64) {
        let scarce = InventoryFixtures.stock(pg5aChangsha: 15, pg5aBaojing: 20, kiwi: 12, tea: 10, safety: 2)
        let world = run(orderCount: 120, stock: scarce, seed: seed, shuffle: true)
        checkInvariants(world, initial: scarce)
        #expect(world.fulfilments.values.contains { $0.values.contains { $0.state == .held } }, "the test should oversell")
    }
}

import GatewayCore
import GatewayPipeline
import GatewayTesting
import Synchronization
import Testing

/// Issue #14 target 5: a poll row whose order already holds what it says (learnt from a push and its detail fetch, not
/// from this poller) never reaches the inbox (``HeldSnapshot/holds(_:)``).
@Suite struct PollSchedulerHeldRowsTests {
    static let now: Int64 = 100_000

    /// Holds order `id` as a detail fetch (or another source) saw it at `seconds`.
    static func hold(_ id: String, status: OrderStatus, at seconds: Int64, source: ObservationSource, in stores: InMemoryStores) async throws {
        let observation = OrderObservation(
            key: OrderKey(platform: .douyin, shop: "s", platformOrderId: id),
            source: source,
            event: "held",
            platformUpdatedAt: Timestamp(secondsSince1970: seconds),
            snapshot: FakeConnector.snapshot(status)
        )
        _ = try await stores.commit(
            [
                ProcessedDelivery(
                    inboxId: -Int64(id.unicodeScalars.reduce(0) { $0 * 31 + Int($1.value) } % 1_000_000_007),
                    deliveryId: "held:\(id)",
                    observations: [PreparedObservation(observation: observation, rawPayload: "")]
                )
            ],
            at: Timestamp(secondsSince1970: now)
        )
    }

    static func scheduler(_ connector: FakeConnector, _ stores: InMemoryStores, orders: Bool = true) -> PollScheduler {
        PollScheduler(
            targets: [.init(connector: connector, intervalSeconds: 30, lookbackSeconds: 600)],
            inbox: stores,
            cursors: stores,
            orders: orders ? stores : nil,
            clock: { Timestamp(secondsSince1970: now) }
        )
    }

    @Test func rowsAtOrBeforeTheHeldDetailAreDroppedNewerOnesKept() async throws {
        let stores = InMemoryStores()
        let connector = FakeConnector(shop: "s")
        connector.platformOrders.withLock {
            $0["older"] = (.paid, Self.now - 50)
            $0["same"] = (.paid, Self.now - 40)
            $0["newer"] = (.shipped, Self.now - 30)
            $0["unknown"] = (.paid, Self.now - 20)
        }
        try await Self.hold("older", status: .shipped, at: Self.now - 45, source: .detail, in: stores)
        try await Self.hold("same", status: .paid, at: Self.now - 40, source: .detail, in: stores)
        try await Self.hold("newer", status: .paid, at: Self.now - 35, source: .detail, in: stores)

        let report = try await Self.scheduler(connector, stores).pollOnce(shop: "s")
        #expect(report.ordersSeen == 4)
        #expect(report.rowsSkipped == 2)
        #expect(report.ordersNew == 2)
        let appended = Set(try await stores.pending(limit: 100, now: Timestamp(secondsSince1970: Self.now)).map(\.delivery.deliveryId))
        #expect(appended == ["poll:newer:\(Self.now - 30)", "poll:unknown:\(Self.now - 20)"])
    }

    /// At the same update time only a row with the same content is held: two changes within one second stay two.
    @Test func aRowOfTheSameTimeIsDroppedOnlyWithTheSameContent() async throws {
        let stores = InMemoryStores()
        let connector = FakeConnector(shop: "s")
        connector.platformOrders.withLock {
            $0["same"] = (.paid, Self.now - 40)
            $0["changed"] = (.shipped, Self.now - 40)
        }
        try await Self.hold("same", status: .paid, at: Self.now - 40, source: .detail, in: stores)
        try await Self.hold("changed", status: .paid, at: Self.now - 40, source: .detail, in: stores)
        let report = try await Self.scheduler(connector, stores).pollOnce(shop: "s")
        #expect(report.rowsSkipped == 1)
        #expect(
            try await stores.pending(limit: 100, now: Timestamp(secondsSince1970: Self.now)).map(\.delivery.deliveryId) == [
                "poll:changed:\(Self.now - 40)"
            ]
        )
    }

    /// Without an order store (as before this change) every row goes to the inbox.
    @Test func withoutAnOrderStoreEveryRowIsAppended() async throws {
        let stores = InMemoryStores()
        let connector = FakeConnector(shop: "s")
        connector.platformOrders.withLock { $0["same"] = (.paid, Self.now - 40) }
        try await Self.hold("same", status: .paid, at: Self.now - 40, source: .detail, in: stores)
        let report = try await Self.scheduler(connector, stores, orders: false).pollOnce(shop: "s")
        #expect(report.rowsSkipped == 0)
        #expect(report.ordersNew == 1)
    }
}

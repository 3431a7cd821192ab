import GatewayCore
import GatewayPipeline
import GatewayTesting
import Synchronization
import Testing

/// Issue #14 target 5: a thin push about an order already held through its time merges without a detail fetch; a
/// newer one, or one about an order not held, is fetched as before (``DetailFetchRule``).
@Suite struct InboxProcessorDetailSkipTests {
    func push(_ text: String, id: String) -> InboxDelivery {
        InboxDelivery(platform: .douyin, shop: "s", deliveryId: id, kind: .push, receivedAt: Timestamp(secondsSince1970: 1), text: text)
    }

    func processor(_ stores: InMemoryStores, _ connector: FakeConnector) -> InboxProcessor {
        InboxProcessor(inbox: stores, orders: stores, connectors: ["s": connector], clock: { Timestamp(secondsSince1970: 100) })
    }

    @Test func aThinPushAboutAHeldTimeIsMergedWithoutFetchingTheDetail() async throws {
        let stores = InMemoryStores()
        let connector = FakeConnector(shop: "s")
        connector.platformOrders.withLock { $0["o1"] = (.paid, 30) }
        let key = OrderKey(platform: .douyin, shop: "s", platformOrderId: "o1")
        // The first push of a new order is fetched: the order is created with its lines.
        _ = try await stores.append([push("o1|created|20|thin", id: "m1")])
        #expect(try await processor(stores, connector).processBatch() == 1)
        #expect(connector.fetches.withLock { $0 } == 1)
        #expect(try await stores.order(key)?.status == .paid)
        // A push about a state older than the fetched detail (created at 20; the detail showed paid at 30) is not fetched.
        _ = try await stores.append([push("o1|created|20|thin", id: "m2")])
        #expect(try await processor(stores, connector).processBatch() == 1)
        #expect(connector.fetches.withLock { $0 } == 1)
        // One of the detail's own second is fetched: another change may have come within that second.
        _ = try await stores.append([push("o1|paid|30|thin", id: "m3")])
        #expect(try await processor(stores, connector).processBatch() == 1)
        #expect(connector.fetches.withLock { $0 } == 2)
        let timeline = try await stores.timeline(key)
        #expect(timeline.map(\.source) == [.push, .detail, .push, .push, .detail])
        #expect(timeline.suffix(3).allSatisfy { $0.decision != .applied })
        // A push about a later change is fetched.
        connector.platformOrders.withLock { $0["o1"] = (.shipped, 40) }
        _ = try await stores.append([push("o1|shipped|40|thin", id: "m4")])
        #expect(try await processor(stores, connector).processBatch() == 1)
        #expect(connector.fetches.withLock { $0 } == 3)
        #expect(try await stores.order(key)?.status == .shipped)
    }

}

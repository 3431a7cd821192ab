import GatewayCore
import GatewayPipeline
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
        // The pushes of the states the fetched detail already showed (paid at 30; created at 20) are not fetched again.
        _ = try await stores.append([push("o1|paid|30|thin", id: "m2"), push("o1|created|20|thin", id: "m3")])
        #expect(try await processor(stores, connector).processBatch() == 2)
        #expect(connector.fetches.withLock { $0 } == 1)
        let timeline = try await stores.timeline(key)
        #expect(timeline.map(\.source) == [.push, .detail, .push, .push])
        #expect(timeline.suffix(2).allSatisfy { $0.decision != .applied })
        // A push about a later change is fetched.
        connector.platformOrders.withLock { $0["o1"] = (.shipped, 40) }
        _ = try await stores.append([push("o1|shipped|40|thin", id: "m4")])
        #expect(try await processor(stores, connector).processBatch() == 1)
        #expect(connector.fetches.withLock { $0 } == 2)
        #expect(try await stores.order(key)?.status == .shipped)
    }

    @Test func theRule() {
        let thin = OrderObservation(
            key: OrderKey(platform: .douyin, shop: "s", platformOrderId: "o1"),
            source: .push,
            event: "e",
            platformUpdatedAt: Timestamp(secondsSince1970: 30),
            status: .paid,
            needsDetail: true
        )
        #expect(DetailFetchRule.needsFetch(thin, heldThrough: nil))
        #expect(DetailFetchRule.needsFetch(thin, heldThrough: Timestamp(millisecondsSince1970: 29_999)))
        #expect(!DetailFetchRule.needsFetch(thin, heldThrough: Timestamp(secondsSince1970: 30)))
        var full = thin
        full.needsDetail = false
        #expect(!DetailFetchRule.needsFetch(full, heldThrough: nil))
    }
}

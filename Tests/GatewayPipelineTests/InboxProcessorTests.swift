import GatewayCore
import GatewayPipeline
import Synchronization
import Testing

@Suite struct InboxProcessorTests {
    func push(_ text: String, id: String) -> InboxDelivery {
        InboxDelivery(platform: .douyin, shop: "s", deliveryId: id, kind: .push, receivedAt: Timestamp(secondsSince1970: 1), text: text)
    }

    @Test func thinPushIsCompletedByADetailFetch() async throws {
        let stores = InMemoryStores()
        let connector = FakeConnector(shop: "s")
        connector.platformOrders.withLock { $0["o1"] = (.paid, 20) }
        _ = try await stores.append([push("o1|paid|20|thin", id: "m1"), push("o1|paid|20|thin", id: "m2")])
        let processor = InboxProcessor(inbox: stores, orders: stores, connectors: ["s": connector], clock: { Timestamp(secondsSince1970: 100) })
        #expect(try await processor.drain() == 2)
        let order = try #require(try await stores.order(OrderKey(platform: .douyin, shop: "s", platformOrderId: "o1")))
        #expect(order.status == .paid)
        #expect(order.lines.count == 1)
        let timeline = try await stores.timeline(order.key)
        // m1's thin push, then the one detail fetch for the batch, then m2's push repeats the same state.
        #expect(timeline.map(\.source) == [.push, .detail, .push])
        #expect(timeline.map(\.decision) == [.applied, .applied, .duplicate])
    }

    @Test func failingDetailDefersThenMergesThePushAloneAfterMaxAttempts() async throws {
        let stores = InMemoryStores()
        let connector = FakeConnector(shop: "s")
        connector.failing.withLock { $0 = true }
        _ = try await stores.append([push("o1|cancelled|30|thin", id: "m1")])
        let clock = ManualClock(start: 100)
        let processor = InboxProcessor(
            inbox: stores,
            orders: stores,
            connectors: ["s": connector],
            settings: .init(maxAttempts: 3),
            clock: { clock.now() }
        )
        #expect(try await processor.processBatch() == 0)  // deferred (attempt 1)
        #expect(try await stores.counts().unprocessed == 1)
        clock.advance(seconds: 60)
        #expect(try await processor.processBatch() == 0)  // deferred (attempt 2)
        clock.advance(seconds: 60)
        #expect(try await processor.processBatch() == 1)  // attempt 3: merged from the push alone
        let order = try #require(try await stores.order(OrderKey(platform: .douyin, shop: "s", platformOrderId: "o1")))
        #expect(order.status == .cancelled)
        #expect(await stores.failures[1]?.contains("detail fetch failed") == true)
    }

    @Test func unreadableDeliveryIsRecordedNotRetriedForever() async throws {
        let stores = InMemoryStores()
        _ = try await stores.append([push("garbage", id: "m1"), push("x|paid|1|thin", id: "m2")])
        let processor = InboxProcessor(inbox: stores, orders: stores, connectors: [:], clock: { Timestamp(secondsSince1970: 100) })
        #expect(try await processor.drain() == 2)
        #expect(await stores.failures.count == 2)
        #expect(try await stores.counts().unprocessed == 0)
    }
}

/// A clock tests move by hand.
final class ManualClock: Sendable {
    private let seconds: Mutex<Int64>
    init(start: Int64) { seconds = Mutex(start) }
    func now() -> Timestamp { Timestamp(secondsSince1970: seconds.withLock { $0 }) }
    func advance(seconds delta: Int64) { seconds.withLock { $0 += delta } }
}

import GatewayCore
import GatewayPipeline
import GatewayTesting
import Synchronization
import Testing

@Suite struct PollSchedulerTests {
    @Test func firstPollCatchesUpInPlatformSizedWindowsAndSavesTheCursor() async throws {
        let stores = InMemoryStores()
        let connector = FakeConnector(shop: "s")
        let now: Int64 = 100_000
        connector.platformOrders.withLock {
            $0["a"] = (.paid, now - 10_000)
            $0["b"] = (.shipped, now - 100)
            $0["c"] = (.paid, now - 50_000)  // older than the lookback: not listed
        }
        let scheduler = PollScheduler(
            targets: [.init(connector: connector, intervalSeconds: 30, lookbackSeconds: 4 * 3600)],
            inbox: stores,
            cursors: stores,
            clock: { Timestamp(secondsSince1970: now) }
        )
        let report = try await scheduler.pollOnce(shop: "s")
        #expect(report.ordersNew == 2)
        let windows = connector.windows.withLock { $0 }
        #expect(windows.count == 5)  // 4 h + 60 s overlap in windows of at most one hour
        #expect(windows.allSatisfy { $1.secondsSince1970 - $0.secondsSince1970 <= 3600 })
        #expect(windows.last?.1 == Timestamp(secondsSince1970: now))
        #expect(try await stores.pollCursor(shop: "s") == Timestamp(secondsSince1970: now))
        // The next poll starts one overlap before the cursor, and sees nothing new.
        let again = try await scheduler.pollOnce(shop: "s")
        #expect(again.windows == 1)
        #expect(again.ordersNew == 0)
        #expect(connector.windows.withLock { $0.last?.0 } == Timestamp(secondsSince1970: now - 60))
    }

    /// Rows an overlapping window lists again are not sent to the inbox again; an order listed at a new update time is.
    @Test func rowsAlreadyStoredAreNotAppendedAgain() async throws {
        let stores = InMemoryStores()
        let connector = FakeConnector(shop: "s")
        let now: Int64 = 100_000
        connector.platformOrders.withLock {
            $0["a"] = (.paid, now - 30)
            $0["b"] = (.paid, now - 20)
        }
        let scheduler = PollScheduler(
            targets: [.init(connector: connector, intervalSeconds: 30, lookbackSeconds: 600)],
            inbox: stores,
            cursors: stores,
            clock: { Timestamp(secondsSince1970: now) }
        )
        let first = try await scheduler.pollOnce(shop: "s")
        #expect(first.ordersNew == 2 && first.rowsSkipped == 0)
        connector.platformOrders.withLock { $0["b"] = (.shipped, now - 10) }
        let second = try await scheduler.pollOnce(shop: "s")
        #expect(second.ordersSeen == 2)  // both listed again by the overlap
        #expect(second.rowsSkipped == 1)  // a, unchanged, was not appended again
        #expect(second.ordersNew == 1)  // b at its new update time was
        let counts = try await stores.counts()
        #expect(counts.total == 3)
        #expect(counts.duplicatesAbsorbed == 0)
    }

    @Test func unknownShopIsAnError() async throws {
        let stores = InMemoryStores()
        let scheduler = PollScheduler(targets: [], inbox: stores, cursors: stores)
        await #expect(throws: PipelineError.self) { try await scheduler.pollOnce(shop: "nope") }
    }
}

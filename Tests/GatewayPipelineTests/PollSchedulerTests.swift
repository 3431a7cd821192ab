import GatewayCore
import GatewayPipeline
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

    @Test func unknownShopIsAnError() async throws {
        let stores = InMemoryStores()
        let scheduler = PollScheduler(targets: [], inbox: stores, cursors: stores)
        await #expect(throws: PipelineError.self) { try await scheduler.pollOnce(shop: "nope") }
    }
}

import Foundation
import GatewayCore
import GatewayRuntime
import GatewayStorage
import GatewayTesting
import MockPlatformKit
import Testing

/// The livestream scenario on every platform — repeats, overtaken, dropped and late pushes, failing
/// and slow platform APIs, cancellations and refunds — with the gateway killed (SIGKILL) and
/// restarted twice during the burst. The gateway must still end equal to the platforms' truth.
@Suite(.serialized) struct LivestreamKillTests {
    static let options = LivestreamOptions(
        orders: 240,
        ratePerSecond: 40,
        seed: 7,
        duplicateRate: 0.15,
        outOfOrderRate: 0.15,
        dropRate: 0.1,
        lateRate: 0.03,
        errorRate: 0.05,
        slowRate: 0.03,
        apiRateLimitPerSecond: 15,
        cancelRate: 0.15,
        refundRate: 0.05
    )

    /// The seeded scenario against an in-process gateway that stays up.
    @Test func livestreamOnEveryPlatformEndsEqualToTheTruth() async throws {
        let harness = try await EndToEndHarness.startMock(poll: true, yaml: EndToEndHarness.allPlatformsYAML)
        let (gateway, url) = try await harness.startGateway()
        let stats = try await LivestreamScenario(mock: harness.mock, options: Self.options).run(gatewayBaseURL: url)
        var total = LivestreamStats()
        for value in stats.values { total.add(value) }
        #expect(total.dropped > 0 && total.duplicatesSent > 0 && total.outOfOrder > 0 && total.late > 0)
        #expect(Set(stats.keys).count == 6)
        var comparison = TruthComparison.compare(truth: harness.mock.truth(), orders: [])
        let converged = try await EndToEndHarness.eventually(seconds: 60) {
            comparison = TruthComparison.compare(
                truth: harness.mock.truth(),
                orders: try await gateway.stores.orders.orders(matching: OrderQuery(limit: 100_000))
            )
            return comparison.allEqual
        }
        #expect(converged, "\(comparison.differences.count) differences, e.g. \(comparison.differences.prefix(8))")
        #expect(comparison.compared == 240)
        // The platforms did answer with their rate-limit errors (Douyin 50002, Kuaishou 2006, PDD 70031,
        // Taobao 7, WeChat 45011), and the gateway still converged.
        let rateLimited = harness.mock.requestLog().filter { [50002, 2006, 70031, 7, 45011].contains($0.code) }.count
        #expect(rateLimited > 0)
        await gateway.shutdown()
        await harness.cleanUp()
    }

    @Test func livestreamWithTheGatewayKilledTwiceEndsEqualToTheTruth() async throws {
        let harness = try await EndToEndHarness.startMock(poll: true, yaml: EndToEndHarness.allPlatformsYAML)
        let port = try freeLoopbackPort()
        var child = try ChildGateway(configPath: harness.configPath, adminToken: EndToEndHarness.adminToken, port: port)
        let scenario = LivestreamScenario(mock: harness.mock, options: Self.options)
        let url = "http://127.0.0.1:\(port)"
        let run = Task { try await scenario.run(gatewayBaseURL: url) }
        var generator = SeededRandom(seed: 99)
        for _ in 0..<2 {
            try await Task.sleep(for: .milliseconds(Int.random(in: 1200...2500, using: &generator)))
            child.kill9()
            child = try ChildGateway(configPath: harness.configPath, adminToken: EndToEndHarness.adminToken, port: port)
        }
        let stats = try await run.value
        var total = LivestreamStats()
        for value in stats.values { total.add(value) }
        #expect(total.ordersPlaced == 240)
        #expect(total.dropped > 0 && total.duplicatesSent > 0 && total.outOfOrder > 0)

        let store = try SQLiteDatabase.open(path: harness.databasePath, synchronous: "normal", keys: try EndToEndHarness.dataKeys)
        var comparison = TruthComparison.compare(truth: harness.mock.truth(), orders: [])
        let converged = try await EndToEndHarness.eventually(seconds: 90) {
            comparison = TruthComparison.compare(truth: harness.mock.truth(), orders: try await store.orders(matching: OrderQuery(limit: 100_000)))
            return comparison.allEqual
        }
        #expect(converged, "\(comparison.differences.count) differences, e.g. \(comparison.differences.prefix(8))")
        #expect(comparison.compared == 240)
        child.stop()
        await harness.cleanUp()
    }
}

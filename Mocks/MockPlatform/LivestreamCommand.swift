import ArgumentParser
import Foundation
import MockPlatformKit

/// `mock-platform livestream`: play a county-head livestream on every configured shop into a
/// gateway, then keep serving for its polls (and `/_mock/truth`) until Ctrl-C.
struct LivestreamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "livestream",
        abstract: "Play a county-head livestream on every configured shop into a gateway, then keep serving until Ctrl-C."
    )

    @OptionGroup var options: MockOptions

    @Option(name: .long, help: "The gateway root URL, e.g. http://127.0.0.1:8080.")
    var gateway: String
    @Option(name: .long, help: "Orders in all.") var orders: Int = 600
    @Option(name: .long, help: "Average orders per second (flash-sale peaks run about four times higher).") var rate: Double = 20
    @Option(name: .long, help: "Length in seconds (default: orders ÷ rate).") var duration: Double?
    @Option(name: .long, help: "The scenario seed (same seed, same livestream).") var seed: UInt64 = 2019
    @Option(name: .long, help: "Share (0…1) of pushes delivered twice.") var duplicates: Double = 0.1
    @Option(name: .customLong("out-of-order"), help: "Share (0…1) of pushes overtaken by later ones.") var outOfOrder: Double = 0.1
    @Option(name: .long, help: "Share (0…1) of pushes never sent (polling must find them).") var drop: Double = 0.05
    @Option(name: .long, help: "Share (0…1) of pushes sent only after the livestream.") var late: Double = 0.02
    @Option(name: .long, help: "Share (0…1) of platform API calls answered with an error.") var errors: Double = 0.02
    @Option(name: .long, help: "Share (0…1) of platform API calls answered slowly.") var slow: Double = 0.02
    @Option(name: .long, help: "Platform API calls allowed per second per app key (rate-limit errors above it).") var rateLimit: Int?
    @Option(name: .long, help: "Share (0…1) of orders cancelled (half before, half after payment).") var cancel: Double = 0.1
    @Option(name: .long, help: "Share (0…1) of orders refunded after shipment.") var refund: Double = 0.04
    @Option(name: .long, help: "What the livestream sells (products, buyers' regions).") var catalog: String = "config/livestream.yaml"
    @Flag(name: .customLong("exit"), help: "Stop right after the livestream instead of serving until Ctrl-C.") var exitAfter = false

    func validate() throws {
        let shares = [
            ("duplicates", duplicates), ("out-of-order", outOfOrder), ("drop", drop), ("late", late), ("errors", errors), ("slow", slow),
            ("cancel", cancel), ("refund", refund),
        ]
        for (name, value) in shares where !(0...1).contains(value) {
            throw ValidationError("--\(name) must be between 0 and 1")
        }
        guard orders >= 0 else { throw ValidationError("--orders must not be negative") }
        guard rate > 0 else { throw ValidationError("--rate must be positive") }
    }

    func run() async throws {
        let configuration = try options.loadConfiguration()
        let products = try LivestreamCatalog.load(path: catalog)
        let mock = MockPlatform(configuration: configuration, seed: options.mockSeed, logger: options.makeLogger())
        let port = try await mock.start(host: options.host, port: options.port)
        let scenario = LivestreamScenario(
            mock: mock,
            options: LivestreamOptions(
                orders: orders,
                ratePerSecond: rate,
                durationSeconds: duration,
                seed: seed,
                duplicateRate: duplicates,
                outOfOrderRate: outOfOrder,
                dropRate: drop,
                lateRate: late,
                errorRate: errors,
                slowRate: slow,
                apiRateLimitPerSecond: rateLimit,
                cancelRate: cancel,
                refundRate: refund
            ),
            catalog: products
        )
        print("mock-platform listening on http://\(options.host):\(port)")
        print("playing \(orders) orders over \(Int(scenario.options.effectiveDuration)) s on \(scenario.shops.count) shops into \(gateway)")
        let printer = ProgressPrinter()
        let stats = try await scenario.run(gatewayBaseURL: gateway) { stats in printer.maybePrint(stats) }
        for platform in stats.keys.sorted() {
            guard let p = stats[platform] else { continue }
            let pushes: String = "\(p.pushesSent) pushes (\(p.acknowledged) acked, \(p.failures) failed)"
            let misbehaviour: String = "\(p.duplicatesSent) repeated, \(p.outOfOrder) overtaken, \(p.dropped) dropped, \(p.late) late"
            print("\(platform): \(p.ordersPlaced) orders, \(pushes), \(misbehaviour)")
        }
        print("ground truth: http://\(options.host):\(port)/_mock/truth")
        if exitAfter {
            await mock.shutdown()
            return
        }
        print("serving for the gateway's polls at http://\(options.host):\(port) — Ctrl-C to stop")
        await SignalWaiter.waitForTermination()
        await mock.shutdown()
    }
}

/// Prints progress about once a second.
final class ProgressPrinter: @unchecked Sendable {
    private let lock = NSLock()
    private var last = Date.distantPast

    func maybePrint(_ stats: [String: LivestreamStats]) {
        lock.lock()
        defer { lock.unlock() }
        guard Date().timeIntervalSince(last) >= 1 else { return }
        last = Date()
        var total = LivestreamStats()
        for value in stats.values { total.add(value) }
        print(
            "  \(total.ordersPlaced)/\(total.ordersPlanned) orders placed, \(total.pushesSent) pushes, \(total.acknowledged) acked, \(total.failures) failed"
        )
    }
}

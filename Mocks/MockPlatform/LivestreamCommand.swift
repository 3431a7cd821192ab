import ArgumentParser
import Foundation
import MockPlatformKit

/// `mock-platform livestream`: play a Douyin livestream into a gateway, then keep serving for its polls.
struct LivestreamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "livestream",
        abstract: "Play a county-head ponkan livestream on a Douyin shop into a gateway, then keep serving until Ctrl-C."
    )

    @OptionGroup var options: MockOptions

    @Option(name: .long, help: "The gateway root URL, e.g. http://127.0.0.1:8080.")
    var gateway: String

    @Option(name: .long, help: "The Douyin shop key (default: the first Douyin shop in the configuration).")
    var shop: String?

    @Option(name: .long, help: "Orders to create.")
    var orders: Int = 200

    @Option(name: .long, help: "Orders per second (0: as fast as possible).")
    var rate: Double = 20

    @Option(name: .long, help: "The scenario seed.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Chance (0…1) that a push is delivered twice.")
    var duplicates: Double = 0.1

    @Option(name: .customLong("out-of-order"), help: "Chance (0…1) that an order's pushes arrive in swapped order.")
    var outOfOrder: Double = 0.1

    @Option(name: .long, help: "Chance (0…1) that a push is never sent (polling must find it).")
    var drop: Double = 0.05

    @Option(name: .long, help: "Chance (0…1) that an order is cancelled (half before, half after payment).")
    var cancel: Double = 0.1

    @Flag(name: .customLong("exit"), help: "Stop right after the livestream instead of serving until Ctrl-C.")
    var exitAfter = false

    func validate() throws {
        for (name, value) in [("duplicates", duplicates), ("out-of-order", outOfOrder), ("drop", drop), ("cancel", cancel)]
        where !(0...1).contains(value) {
            throw ValidationError("--\(name) must be between 0 and 1")
        }
        guard orders >= 0 else { throw ValidationError("--orders must not be negative") }
    }

    func run() async throws {
        let configuration = try options.loadConfiguration()
        let mock = MockPlatform(configuration: configuration, seed: options.mockSeed, logger: options.makeLogger())
        guard let shopKey = shop ?? mock.douyinShopMocks.first?.shopKey else {
            throw ValidationError("the configuration has no Douyin shop")
        }
        guard mock.douyin(shop: shopKey) != nil else { throw ValidationError("\(shopKey) is not a Douyin shop of the configuration") }
        let port = try await mock.start(host: options.host, port: options.port)
        print("mock-platform listening on http://\(options.host):\(port)")
        print("playing \(orders) orders at \(rate)/s on \(shopKey) into \(gateway)")
        let report = try await DouyinLivestream.run(
            mock: mock,
            shop: shopKey,
            gatewayBaseURL: gateway,
            orders: orders,
            ratePerSecond: rate,
            seed: seed,
            duplicateRate: duplicates,
            outOfOrderRate: outOfOrder,
            dropRate: drop,
            cancelRate: cancel
        ) { progress in
            if progress.ordersDelivered % 25 == 0 || progress.ordersDelivered == progress.ordersPlanned {
                print(
                    "  \(progress.ordersDelivered)/\(progress.ordersPlanned) orders, \(progress.pushesSent) pushes, "
                        + "\(progress.acknowledged) acked, \(progress.failures) failed, \(progress.dropped) dropped"
                )
            }
        }
        print(report)
        if exitAfter {
            await mock.shutdown()
            return
        }
        print("serving for the gateway's polls at http://\(options.host):\(port) — Ctrl-C to stop")
        await SignalWaiter.waitForTermination()
        await mock.shutdown()
    }
}

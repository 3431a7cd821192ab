import ArgumentParser
import MockPlatformKit

/// `mock-platform serve`: serve the platform APIs until Ctrl-C.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve every configured shop's platform API and ground truth until Ctrl-C."
    )

    @OptionGroup var options: MockOptions

    func run() async throws {
        let configuration = try options.loadConfiguration()
        let mock = MockPlatform(configuration: configuration, seed: options.mockSeed, logger: options.makeLogger())
        let port = try await mock.start(host: options.host, port: options.port)
        print("mock-platform listening on http://\(options.host):\(port)")
        for shop in mock.douyinShopMocks {
            print("  douyin shop \(shop.shopKey) (app_key \(shop.appKey), shop_id \(shop.shopId))")
        }
        print("ground truth: http://\(options.host):\(port)/_mock/truth — Ctrl-C to stop")
        await SignalWaiter.waitForTermination()
        print("stopping")
        await mock.shutdown()
    }
}

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
        for shop in mock.pinduoduoShopMocks { print("  pinduoduo shop \(shop.shopKey) (client_id \(shop.clientId)): POST /api/router") }
        for shop in mock.taobaoShopMocks { print("  taobao shop \(shop.shopKey) (app_key \(shop.appKey)): POST /router/rest") }
        for shop in mock.kuaishouShopMocks {
            print("  kuaishou shop \(shop.shopKey) (appkey \(shop.appKey)): /open/order/cursor/list, /oauth2/access_token")
        }
        for shop in mock.wechatChannelsShopMocks {
            print("  wechat-channels shop \(shop.shopKey) (appid \(shop.appId)): /cgi-bin/token, /channels/ec/…")
        }
        for shop in mock.youzanShopMocks { print("  youzan shop \(shop.shopKey) (client_id \(shop.clientId)): pushes only") }
        print("ground truth: http://\(options.host):\(port)/_mock/truth — Ctrl-C to stop")
        await SignalWaiter.waitForTermination()
        print("stopping")
        await mock.shutdown()
    }
}

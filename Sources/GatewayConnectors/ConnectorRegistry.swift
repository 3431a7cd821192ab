import AsyncHTTPClient
public import GatewayConfig
public import GatewayCore
import Logging

/// Every configured shop's connector and push receiver, built from the configuration.
public struct ConnectorRegistry: Sendable {
    /// Connectors by shop key.
    public let connectors: [String: any PlatformConnector]
    /// Push receivers by shop key (shops whose platform pushes over HTTP).
    public let receivers: [String: any PushReceiver]
    /// Shop configurations by key.
    public let shops: [String: ShopConfiguration]

    /// Builds connectors for every shop in a configuration.
    /// - Parameters:
    ///   - configuration: the loaded configuration.
    ///   - http: the HTTP client connectors call platform APIs with.
    /// - Throws: ``ConnectorError`` for a shop that cannot be set up (e.g. a malformed secret).
    public init(configuration: GatewayConfiguration, http: HTTPClient, logger: Logger = Logger(label: "connectors")) throws {
        var connectors: [String: any PlatformConnector] = [:]
        var receivers: [String: any PushReceiver] = [:]
        var shops: [String: ShopConfiguration] = [:]
        for shop in configuration.shops {
            shops[shop.key] = shop
            let limiter = RateLimiter(ratePerSecond: shop.rateLimit.requestsPerSecond, burst: shop.rateLimit.burst)
            switch shop.platform {
            case .douyin:
                let api = DouyinAPIClient(
                    baseURL: shop.apiBase ?? "https://openapi-fxg.jinritemai.com",
                    appKey: shop.credential("app_key"),
                    appSecret: shop.credential("app_secret"),
                    shopId: shop.credential("shop_id"),
                    http: http,
                    limiter: limiter,
                    logger: logger
                )
                connectors[shop.key] = DouyinConnector(shop: shop.key, api: api)
                receivers[shop.key] = DouyinPushReceiver(shop: shop.key, appKey: shop.credential("app_key"), appSecret: shop.credential("app_secret"))
            case .standard:
                let connector = try StandardConnector(shop: shop.key, secret: shop.credential("secret"))
                connectors[shop.key] = connector
                receivers[shop.key] = connector
            case .kuaishou, .pinduoduo, .taobao, .wechatChannels, .youzan:
                logger.warning("no connector for \(shop.platform.rawValue) yet; shop \(shop.key) is ignored")
            }
        }
        self.connectors = connectors
        self.receivers = receivers
        self.shops = shops
    }

    /// The connector for a shop.
    public func connector(shop: String) -> (any PlatformConnector)? { connectors[shop] }
}

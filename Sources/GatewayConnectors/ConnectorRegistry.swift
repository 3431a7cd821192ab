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
            case .pinduoduo:
                let api = PinduoduoAPIClient(
                    baseURL: shop.apiBase ?? "https://gw-api.pinduoduo.com",
                    clientId: shop.credential("client_id"),
                    clientSecret: shop.credential("client_secret"),
                    accessToken: shop.credential("access_token"),
                    http: http,
                    limiter: limiter,
                    logger: logger
                )
                connectors[shop.key] = PinduoduoConnector(shop: shop.key, api: api)
            case .taobao:
                let signMethodName = shop.credentials["sign_method"] ?? "md5"
                guard let signMethod = TaobaoSigner.Method(rawValue: signMethodName) else {
                    throw ConnectorError("shop \(shop.key): taobao sign_method must be md5 or hmac, not \(signMethodName)")
                }
                let api = TaobaoAPIClient(
                    baseURL: shop.apiBase ?? "https://eco.taobao.com",
                    appKey: shop.credential("app_key"),
                    appSecret: shop.credential("app_secret"),
                    session: shop.credential("session"),
                    signMethod: signMethod,
                    http: http,
                    limiter: limiter,
                    logger: logger
                )
                connectors[shop.key] = TaobaoConnector(shop: shop.key, api: api)
            case .kuaishou:
                let signMethodName = shop.credentials["sign_method"] ?? "HMAC_SHA256"
                guard let signMethod = KuaishouSigner.Method(rawValue: signMethodName) else {
                    throw ConnectorError("shop \(shop.key): kuaishou sign_method must be HMAC_SHA256 or MD5, not \(signMethodName)")
                }
                let api = KuaishouAPIClient(
                    baseURL: shop.apiBase ?? "https://openapi.kwaixiaodian.com",
                    appKey: shop.credential("app_key"),
                    signSecret: shop.credential("sign_secret"),
                    appSecret: shop.credential("app_secret"),
                    accessToken: shop.credentials["access_token"],
                    signMethod: signMethod,
                    transport: .asyncHTTPClient(http, logger: logger),
                    limiter: limiter
                )
                connectors[shop.key] = KuaishouConnector(shop: shop.key, api: api)
                do {
                    receivers[shop.key] = try KuaishouPushReceiver(
                        shop: shop.key,
                        appKey: shop.credential("app_key"),
                        messageKey: shop.credential("message_key")
                    )
                } catch {
                    throw ConnectorError("shop \(shop.key): \(error)")
                }
            case .wechatChannels:
                let api = WeChatChannelsAPIClient(
                    baseURL: shop.apiBase ?? "https://api.weixin.qq.com",
                    appId: shop.credential("app_id"),
                    appSecret: shop.credential("app_secret"),
                    transport: .asyncHTTPClient(http, logger: logger),
                    limiter: limiter
                )
                connectors[shop.key] = WeChatChannelsConnector(shop: shop.key, api: api)
                do {
                    receivers[shop.key] = try WeChatChannelsPushReceiver(
                        shop: shop.key,
                        appId: shop.credential("app_id"),
                        token: shop.credential("token"),
                        encodingAESKey: shop.credential("encoding_aes_key")
                    )
                } catch {
                    throw ConnectorError("shop \(shop.key): \(error)")
                }
            case .youzan:
                let connector = YouzanConnector(
                    shop: shop.key,
                    clientId: shop.credential("client_id"),
                    clientSecret: shop.credential("client_secret")
                )
                connectors[shop.key] = connector
                receivers[shop.key] = connector
            }
        }
        self.connectors = connectors
        self.receivers = receivers
        self.shops = shops
    }

    /// The connector for a shop.
    public func connector(shop: String) -> (any PlatformConnector)? { connectors[shop] }
}

public import AsyncHTTPClient
public import GatewayCore
public import Logging

extension ConnectorFactory {
    /// Douyin: credentials `app_key`, `app_secret`, `shop_id`; pushes signed with the app secret.
    /// - Parameters:
    ///   - http: the HTTP client for the Douyin open API.
    ///   - clock: the gateway's clock (signing timestamps, token expiry, poll receipt times).
    ///   - logger: the connector's logger.
    /// - Returns: the Douyin factory.
    public static func douyin(http: HTTPClient, clock: GatewayClock, logger: Logger) -> ConnectorFactory {
        ConnectorFactory { shop in
            let api = DouyinAPIClient(
                baseURL: shop.apiBase ?? "https://openapi-fxg.jinritemai.com",
                appKey: shop.credential("app_key"),
                appSecret: shop.credential("app_secret"),
                shopId: shop.credential("shop_id"),
                http: http,
                limiter: shop.limiter,
                clock: clock,
                logger: logger
            )
            return ConnectedShop(
                connector: DouyinConnector(shop: shop.shop, api: api),
                receiver: DouyinPushReceiver(shop: shop.shop, appKey: shop.credential("app_key"), appSecret: shop.credential("app_secret"))
            )
        }
    }

    /// Standard webhooks: credential `secret` (`whsec_…`); the connector is its own receiver.
    /// - Returns: the standard-webhook factory.
    public static func standard() -> ConnectorFactory {
        ConnectorFactory { shop in
            let connector = try StandardConnector(shop: shop.shop, secret: shop.credential("secret"))
            return ConnectedShop(connector: connector, receiver: connector)
        }
    }

    /// Pinduoduo: credentials `client_id`, `client_secret`, `access_token`; no pushes.
    /// - Parameters:
    ///   - http: the HTTP client for the Pinduoduo router.
    ///   - clock: the gateway's clock (signing timestamps, token expiry, poll receipt times).
    ///   - logger: the connector's logger.
    /// - Returns: the Pinduoduo factory.
    public static func pinduoduo(http: HTTPClient, clock: GatewayClock, logger: Logger) -> ConnectorFactory {
        ConnectorFactory { shop in
            let api = PinduoduoAPIClient(
                baseURL: shop.apiBase ?? "https://gw-api.pinduoduo.com",
                clientId: shop.credential("client_id"),
                clientSecret: shop.credential("client_secret"),
                accessToken: shop.credential("access_token"),
                http: http,
                limiter: shop.limiter,
                clock: clock,
                logger: logger
            )
            return ConnectedShop(connector: PinduoduoConnector(shop: shop.shop, api: api))
        }
    }

    /// Taobao: credentials `app_key`, `app_secret`, `session`, optional `sign_method` (`md5`, `hmac`); no pushes.
    /// - Parameters:
    ///   - http: the HTTP client for the TOP router.
    ///   - clock: the gateway's clock (signing timestamps, token expiry, poll receipt times).
    ///   - logger: the connector's logger.
    /// - Returns: the Taobao factory.
    public static func taobao(http: HTTPClient, clock: GatewayClock, logger: Logger) -> ConnectorFactory {
        ConnectorFactory { shop in
            let signMethodName = shop.credentials["sign_method"] ?? "md5"
            guard let signMethod = TaobaoSigner.Method(rawValue: signMethodName) else {
                throw ConnectorError("shop \(shop.shop): taobao sign_method must be md5 or hmac, not \(signMethodName)")
            }
            let api = TaobaoAPIClient(
                baseURL: shop.apiBase ?? "https://eco.taobao.com",
                appKey: shop.credential("app_key"),
                appSecret: shop.credential("app_secret"),
                session: shop.credential("session"),
                signMethod: signMethod,
                http: http,
                limiter: shop.limiter,
                clock: clock,
                logger: logger
            )
            return ConnectedShop(connector: TaobaoConnector(shop: shop.shop, api: api))
        }
    }

    /// Kuaishou: credentials `app_key`, `app_secret`, `sign_secret`, `message_key`, optional `access_token` and
    /// `sign_method` (`HMAC_SHA256`, `MD5`); pushes encrypted with the message key.
    /// - Parameters:
    ///   - http: the HTTP client for the Kuaishou open API.
    ///   - clock: the gateway's clock (signing timestamps, token expiry, poll receipt times).
    ///   - logger: the connector's logger.
    /// - Returns: the Kuaishou factory.
    public static func kuaishou(http: HTTPClient, clock: GatewayClock, logger: Logger) -> ConnectorFactory {
        ConnectorFactory { shop in
            let signMethodName = shop.credentials["sign_method"] ?? "HMAC_SHA256"
            guard let signMethod = KuaishouSigner.Method(rawValue: signMethodName) else {
                throw ConnectorError("shop \(shop.shop): kuaishou sign_method must be HMAC_SHA256 or MD5, not \(signMethodName)")
            }
            let api = KuaishouAPIClient(
                baseURL: shop.apiBase ?? "https://openapi.kwaixiaodian.com",
                appKey: shop.credential("app_key"),
                signSecret: shop.credential("sign_secret"),
                appSecret: shop.credential("app_secret"),
                accessToken: shop.credentials["access_token"],
                signMethod: signMethod,
                transport: .asyncHTTPClient(http, logger: logger),
                limiter: shop.limiter,
                clock: clock
            )
            do {
                let receiver = try KuaishouPushReceiver(
                    shop: shop.shop,
                    appKey: shop.credential("app_key"),
                    messageKey: shop.credential("message_key")
                )
                return ConnectedShop(connector: KuaishouConnector(shop: shop.shop, api: api), receiver: receiver)
            } catch {
                throw ConnectorError("shop \(shop.shop): \(error)")
            }
        }
    }

    /// WeChat Channels: credentials `app_id`, `app_secret`, `token`, `encoding_aes_key`; pushes encrypted and signed.
    /// - Parameters:
    ///   - http: the HTTP client for the WeChat API.
    ///   - clock: the gateway's clock (signing timestamps, token expiry, poll receipt times).
    ///   - logger: the connector's logger.
    /// - Returns: the WeChat Channels factory.
    public static func wechatChannels(http: HTTPClient, clock: GatewayClock, logger: Logger) -> ConnectorFactory {
        ConnectorFactory { shop in
            let api = WeChatChannelsAPIClient(
                baseURL: shop.apiBase ?? "https://api.weixin.qq.com",
                appId: shop.credential("app_id"),
                appSecret: shop.credential("app_secret"),
                transport: .asyncHTTPClient(http, logger: logger),
                limiter: shop.limiter,
                clock: clock
            )
            do {
                let receiver = try WeChatChannelsPushReceiver(
                    shop: shop.shop,
                    appId: shop.credential("app_id"),
                    token: shop.credential("token"),
                    encodingAESKey: shop.credential("encoding_aes_key")
                )
                return ConnectedShop(connector: WeChatChannelsConnector(shop: shop.shop, api: api), receiver: receiver)
            } catch {
                throw ConnectorError("shop \(shop.shop): \(error)")
            }
        }
    }

    /// Youzan: credentials `client_id`, `client_secret`, optional `access_token` (for the shipment write-back); the
    /// connector is its own receiver. Youzan reads no clock: pushes carry their receipt time and the write-back signs
    /// nothing.
    /// - Parameters:
    ///   - http: the HTTP client for the Youzan Cloud API.
    ///   - logger: the connector's logger.
    /// - Returns: the Youzan factory.
    public static func youzan(http: HTTPClient, logger: Logger) -> ConnectorFactory {
        ConnectorFactory { shop in
            let api = YouzanAPIClient(
                baseURL: shop.apiBase ?? "https://open.youzanyun.com",
                accessToken: shop.credentials["access_token"],
                transport: .asyncHTTPClient(http, logger: logger),
                limiter: shop.limiter
            )
            let connector = YouzanConnector(
                shop: shop.shop,
                clientId: shop.credential("client_id"),
                clientSecret: shop.credential("client_secret"),
                api: api
            )
            return ConnectedShop(connector: connector, receiver: connector)
        }
    }
}

extension ShopConnection {
    /// A fresh token-bucket limiter for the shop's API calls.
    fileprivate var limiter: RateLimiter { RateLimiter(ratePerSecond: requestsPerSecond, burst: burst) }
}

public import GatewayConfig
public import GatewayConnectors

extension ShopConfiguration {
    /// The plain values a connector needs (shop key, platform, API root, credentials, rate limit).
    public var connection: ShopConnection {
        ShopConnection(
            shop: key,
            platform: platform,
            apiBase: apiBase,
            credentials: credentials,
            requestsPerSecond: rateLimit.requestsPerSecond,
            burst: rateLimit.burst
        )
    }
}

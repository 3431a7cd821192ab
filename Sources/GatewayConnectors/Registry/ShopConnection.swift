public import GatewayCore

/// What a connector needs to know about one shop, as plain values: no configuration types.
///
/// The composition root (`GatewayRuntime`) builds one from each configured shop; tests build them directly.
///
/// ```swift
/// let shop = ShopConnection(shop: "yunlai-douyin", platform: .douyin, apiBase: "http://127.0.0.1:9090",
///                           credentials: ["app_key": "k", "app_secret": "s", "shop_id": "1"])
/// ```
public struct ShopConnection: Sendable, Hashable {
    /// The shop key (the `{shop}` in webhook paths).
    public var shop: String
    /// The shop's platform.
    public var platform: Platform
    /// The platform API root; `nil` for the platform's public default.
    public var apiBase: String?
    /// Credentials by name (per platform: ``GatewayCore/Platform/requiredCredentials``).
    public var credentials: [String: String]
    /// Sustained API requests per second for the shop's token.
    public var requestsPerSecond: Double
    /// API requests allowed in a burst.
    public var burst: Int

    /// Creates a shop connection.
    /// - Parameters:
    ///   - shop: the shop key.
    ///   - platform: the platform.
    ///   - apiBase: the platform API root (`nil`: the platform's public default).
    ///   - credentials: credentials by name.
    ///   - requestsPerSecond: sustained API rate.
    ///   - burst: API burst size.
    public init(
        shop: String,
        platform: Platform,
        apiBase: String? = nil,
        credentials: [String: String],
        requestsPerSecond: Double = 10,
        burst: Int = 20
    ) {
        self.shop = shop
        self.platform = platform
        self.apiBase = apiBase
        self.credentials = credentials
        self.requestsPerSecond = requestsPerSecond
        self.burst = burst
    }

    /// A credential value; empty when not given.
    /// - Parameter name: the credential's name, e.g. `app_secret`.
    /// - Returns: the value or `""`.
    public func credential(_ name: String) -> String { credentials[name] ?? "" }
}

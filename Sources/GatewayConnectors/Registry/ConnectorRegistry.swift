public import GatewayCore

/// Every shop's connector and push receiver, built from plain shop values by a table of per-platform factories.
///
/// The composition root (`GatewayRuntime`'s `buildConnectorRegistry`) turns the configuration into ``ShopConnection``s
/// and picks the factories (``ConnectorFactory/builtIn(http:clock:logger:)``, or fakes in tests).
///
/// ```swift
/// let registry = try ConnectorRegistry(shops: shops, factories: ConnectorFactory.builtIn(http: .shared, clock: clock))
/// let connector = registry.connector(shop: "yunlai-douyin")
/// ```
public struct ConnectorRegistry: Sendable {
    /// Connectors by shop key.
    public let connectors: [String: any PlatformConnector]
    /// Push receivers by shop key (shops whose platform pushes over HTTP).
    public let receivers: [String: any PushReceiver]
    /// Platforms by shop key.
    public let platforms: [String: Platform]

    /// Builds every shop's connector with its platform's factory.
    /// - Parameters:
    ///   - shops: the shops.
    ///   - factories: a factory per platform.
    /// - Throws: ``ConnectorError`` for a shop that cannot be set up (e.g. a malformed secret, or no factory for its platform).
    public init(shops: [ShopConnection], factories: [Platform: ConnectorFactory]) throws {
        var connectors: [String: any PlatformConnector] = [:]
        var receivers: [String: any PushReceiver] = [:]
        var platforms: [String: Platform] = [:]
        for shop in shops {
            guard let factory = factories[shop.platform] else {
                throw ConnectorError("shop \(shop.shop): no connector for platform \(shop.platform.rawValue)")
            }
            let built = try factory.build(shop)
            platforms[shop.shop] = shop.platform
            connectors[shop.shop] = built.connector
            receivers[shop.shop] = built.receiver
        }
        self.connectors = connectors
        self.receivers = receivers
        self.platforms = platforms
    }

    /// The connector for a shop.
    /// - Parameter shop: the shop key.
    /// - Returns: the connector, or `nil` for an unknown shop.
    public func connector(shop: String) -> (any PlatformConnector)? { connectors[shop] }
}

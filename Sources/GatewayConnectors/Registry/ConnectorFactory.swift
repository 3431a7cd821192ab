public import AsyncHTTPClient
public import GatewayCore
public import Logging

/// Builds the connector (and push receiver) of one shop of one platform.
///
/// The composition root keeps a table `[Platform: ConnectorFactory]` (``builtIn(http:clock:logger:)`` for every platform
/// this module speaks) and may replace an entry, e.g. with a fake connector in tests.
///
/// ```swift
/// var factories = ConnectorFactory.builtIn(http: .shared, clock: clock, logger: logger)
/// factories[.standard] = ConnectorFactory { shop in ConnectedShop(connector: FakeConnector(shop: shop.shop)) }
/// let registry = try ConnectorRegistry(shops: shops, factories: factories)
/// ```
public struct ConnectorFactory: Sendable {
    /// Builds one shop's connector; throws ``ConnectorError`` for a shop that cannot be set up.
    public let build: @Sendable (ShopConnection) throws -> ConnectedShop

    /// Creates a factory from a closure.
    /// - Parameter build: builds one shop's connector and receiver.
    public init(_ build: @escaping @Sendable (ShopConnection) throws -> ConnectedShop) {
        self.build = build
    }

    /// A factory for every platform this module speaks.
    /// - Parameters:
    ///   - http: the HTTP client connectors call platform APIs with.
    ///   - clock: the gateway's clock, the only "now" the connectors read (signing timestamps, token expiry, poll
    ///     receipt times).
    ///   - logger: the connectors' logger.
    /// - Returns: a factory per ``GatewayCore/Platform``.
    public static func builtIn(http: HTTPClient, clock: GatewayClock, logger: Logger = Logger(label: "connectors")) -> [Platform: ConnectorFactory] {
        [
            .douyin: douyin(http: http, clock: clock, logger: logger),
            .kuaishou: kuaishou(http: http, clock: clock, logger: logger),
            .pinduoduo: pinduoduo(http: http, clock: clock, logger: logger),
            .taobao: taobao(http: http, clock: clock, logger: logger),
            .wechatChannels: wechatChannels(http: http, clock: clock, logger: logger),
            .youzan: youzan(http: http, logger: logger),
            .standard: standard(),
        ]
    }
}

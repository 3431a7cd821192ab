public import AsyncHTTPClient
public import GatewayConfig
public import GatewayConnectors
public import GatewayCore
public import Logging

/// Builds every configured shop's connector and push receiver: the configuration becomes plain
/// ``GatewayConnectors/ShopConnection`` values, and each platform's factory comes from a table.
///
/// ## Configuration keys
/// `shops[]`: `key`, `platform`, `api_base`, `credentials`, `rate_limit.requests_per_second`, `rate_limit.burst`.
///
/// ```swift
/// let registry = try buildConnectorRegistry(configuration: configuration, http: .shared, clock: .system)
/// ```
/// - Parameters:
///   - configuration: the loaded configuration.
///   - http: the HTTP client connectors call platform APIs with.
///   - clock: the gateway's clock, handed to every connector.
///   - logger: the connectors' logger.
///   - factories: replaces the built-in factory of a platform (e.g. a fake connector in tests).
/// - Returns: the registry.
/// - Throws: ``GatewayConnectors/ConnectorError`` for a shop that cannot be set up.
public func buildConnectorRegistry(
    configuration: GatewayConfiguration,
    http: HTTPClient = .shared,
    clock: GatewayClock,
    logger: Logger = Logger(label: "connectors"),
    factories: [Platform: ConnectorFactory] = [:]
) throws -> ConnectorRegistry {
    let table = ConnectorFactory.builtIn(http: http, clock: clock, logger: logger).merging(factories) { _, override in override }
    return try ConnectorRegistry(shops: configuration.shops.map(\.connection), factories: table)
}

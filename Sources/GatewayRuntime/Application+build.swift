public import GatewayConfig
public import GatewayHTTP
public import Hummingbird
public import Logging

/// Builds the gateway's HTTP application (hummingbird-examples' `buildApplication`): the router over the gateway's
/// stores, receivers and clock, behind the configured server limits. `gateway serve`, `gateway demo` and the in-process
/// tests get it through ``buildServiceGroup(_:runPipeline:gracefulShutdownSignals:onRunning:)``.
///
/// ## Configuration keys
/// - `server.host`, `server.port`: where it listens (`0` picks a free port).
/// - `server.max_body_bytes`, `server.idle_timeout_seconds`, `server.request_timeout_seconds`, `server.max_connections`:
///   the limits.
/// - `pipeline.ready_max_lag_seconds`, `pipeline.ready_max_parked`: when `/readyz` says not ready.
///
/// - Parameters:
///   - gateway: the assembled gateway.
///   - onRunning: called with the bound port once the server listens.
/// - Returns: the application (a `Service`).
/// - Throws: when the reconciliation store cannot be opened.
public func buildApplication(
    _ gateway: GatewayServer,
    onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    try buildApplication(
        gateway.httpDependencies(),
        server: gateway.configuration.server,
        logger: gateway.logger,
        onRunning: onRunning
    )
}

/// Builds the gateway's HTTP application over given dependencies — the same router and server limits as
/// ``buildApplication(_:onRunning:)`` without a whole ``GatewayServer`` (the HTTP tests use it over in-memory stores).
///
/// - Parameters:
///   - dependencies: stores, receivers and settings.
///   - server: `server.*` settings (host, port, limits); by default `127.0.0.1` on a free port.
///   - logger: where rejected requests and the server's events are reported.
///   - onRunning: called with the bound port once the server listens.
/// - Returns: the application (a `Service`).
public func buildApplication(
    _ dependencies: GatewayHTTPDependencies,
    server: ServerSettings = ServerSettings(port: 0),
    logger: Logger = Logger(label: "gateway"),
    onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = buildGatewayRouter(dependencies, logger: logger)
    let limits = HTTPServerLimits(
        idleTimeoutSeconds: server.idleTimeoutSeconds,
        requestTimeoutSeconds: server.requestTimeoutSeconds,
        maxConnections: server.maxConnections
    )
    return Application(
        router: router,
        server: limits.serverBuilder,
        configuration: .init(
            address: .hostname(server.host, port: server.port),
            serverName: "livestream-order-gateway",
            availableConnectionsDelegate: limits.connectionLimit
        ),
        onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
        logger: logger
    )
}

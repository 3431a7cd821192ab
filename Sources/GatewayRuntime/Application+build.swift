import GatewayConfig
public import GatewayHTTP
public import Hummingbird
import Logging

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
    let configuration = gateway.configuration
    let router = buildGatewayRouter(try gateway.httpDependencies(), logger: gateway.logger)
    let limits = HTTPServerLimits(
        idleTimeoutSeconds: configuration.server.idleTimeoutSeconds,
        requestTimeoutSeconds: configuration.server.requestTimeoutSeconds,
        maxConnections: configuration.server.maxConnections
    )
    return Application(
        router: router,
        server: limits.serverBuilder,
        configuration: .init(
            address: .hostname(configuration.server.host, port: configuration.server.port),
            serverName: "livestream-order-gateway",
            availableConnectionsDelegate: limits.connectionLimit
        ),
        onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
        logger: gateway.logger
    )
}

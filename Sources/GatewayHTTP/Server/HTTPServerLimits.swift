public import Hummingbird
public import HummingbirdCore
import NIOCore

/// The listener's protection against slow and numerous clients: how long an idle or slowly-sent request head may
/// hold a connection, how long one request may take to arrive, and how many connections are open at most.
///
/// ## Configuration keys
/// - `server.idle_timeout_seconds` (default `30`): a connection with no request in progress — idle keep-alive, or a
///   request head still arriving — is closed after this long.
/// - `server.request_timeout_seconds` (default `30`): a request whose body has not fully arrived this long after its
///   head is cut (the connection is closed).
/// - `server.max_connections` (default `4096`): past it, new connections wait in the kernel's accept queue until one
///   closes (the process's open-file limit must be higher).
public struct HTTPServerLimits: Sendable, Hashable {
    /// Seconds an idle connection (or one whose request head is still arriving) stays open.
    public var idleTimeoutSeconds: Int
    /// Seconds a request may take from its head to its last body byte.
    public var requestTimeoutSeconds: Int
    /// Most connections open at once.
    public var maxConnections: Int

    /// Creates limits (values below 1 become 1).
    public init(idleTimeoutSeconds: Int = 30, requestTimeoutSeconds: Int = 30, maxConnections: Int = 4096) {
        self.idleTimeoutSeconds = max(1, idleTimeoutSeconds)
        self.requestTimeoutSeconds = max(1, requestTimeoutSeconds)
        self.maxConnections = max(1, maxConnections)
    }

    /// The HTTP/1.1 server with the idle timeout and the per-request deadline.
    public var serverBuilder: HTTPServerBuilder {
        let requestTimeout = TimeAmount.seconds(Int64(requestTimeoutSeconds))
        return .http1(
            configuration: HTTP1Channel.Configuration(
                additionalChannelHandlers: [RequestDeadlineHandler(timeout: requestTimeout)],
                idleTimeout: .seconds(Int64(idleTimeoutSeconds))
            )
        )
    }

    /// The connection cap, for `ApplicationConfiguration.availableConnectionsDelegate`.
    public var connectionLimit: any AvailableConnectionsDelegate { MaximumAvailableConnections(maxConnections) }
}

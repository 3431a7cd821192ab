public import GatewayCore
public import Hummingbird
public import NIOCore

/// The gateway's request context.
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's core context storage.
    public var coreContext: CoreRequestContextStorage
    /// The authenticated staff member, set by ``StaffAuthenticationMiddleware`` (`nil` on public routes).
    public var principal: StaffPrincipal?
    /// The console session behind ``principal`` when it came from the `gw_session` cookie (holds the CSRF token).
    public var session: StaffSession?
    /// The console language (Simplified Chinese unless `?lang=en` or the `gw_lang` cookie says otherwise).
    public var language: ConsoleLanguage
    /// The connection the request came on (its peer address keys the sign-in throttle).
    private let channel: (any Channel)?

    /// Creates a context for a request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.principal = nil
        self.session = nil
        self.language = .zh
        self.channel = source.channel
    }

    /// The peer's address (`nil` in router tests without a connection).
    public var remoteAddress: SocketAddress? { channel?.remoteAddress }

    /// The peer's IP address as text, the key of the per-client throttle (`"local"` without a connection).
    ///
    /// `X-Forwarded-For` is not trusted: behind a reverse proxy every client shares the proxy's address, which
    /// makes the throttle stricter, never weaker.
    public var clientAddress: String { remoteAddress?.ipAddress ?? "local" }

    /// Request bodies decoded by Hummingbird helpers are capped; webhook bodies are capped by configuration.
    public var maxUploadSize: Int { 4 << 20 }
}

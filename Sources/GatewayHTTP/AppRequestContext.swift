public import GatewayCore
public import Hummingbird

/// The gateway's request context.
public struct AppRequestContext: RequestContext {
    /// Hummingbird's core context storage.
    public var coreContext: CoreRequestContextStorage
    /// The authenticated staff member, set by ``StaffAuthenticationMiddleware`` (`nil` on public routes).
    public var principal: StaffPrincipal?
    /// The console session behind ``principal`` when it came from the `gw_session` cookie (holds the CSRF token).
    public var session: StaffSession?
    /// The console language (Simplified Chinese unless `?lang=en` or the `gw_lang` cookie says otherwise).
    public var language: ConsoleLanguage

    /// Creates a context for a request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.principal = nil
        self.session = nil
        self.language = .zh
    }

    /// Request bodies decoded by Hummingbird helpers are capped; webhook bodies are capped by configuration.
    public var maxUploadSize: Int { 4 << 20 }
}

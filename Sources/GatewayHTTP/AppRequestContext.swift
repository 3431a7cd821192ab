public import Hummingbird

/// The gateway's request context.
public struct AppRequestContext: RequestContext {
    /// Hummingbird's core context storage.
    public var coreContext: CoreRequestContextStorage

    /// Creates a context for a request.
    public init(source: ApplicationRequestContextSource) { self.coreContext = .init(source: source) }

    /// Request bodies decoded by Hummingbird helpers are capped; webhook bodies are capped by configuration.
    public var maxUploadSize: Int { 4 << 20 }
}

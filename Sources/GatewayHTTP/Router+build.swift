public import Hummingbird
import Logging

/// Builds the gateway's router: webhooks, health, metrics and the staff API.
///
/// - Parameters:
///   - dependencies: stores, receivers and settings.
///   - logger: where rejected requests are reported (rate-limited).
/// - Returns: a router ready for `Application(router:)`.
public func buildGatewayRouter(_ dependencies: GatewayHTTPDependencies, logger: Logger) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    WebhookController(
        receivers: dependencies.receivers,
        platforms: dependencies.platforms,
        inbox: dependencies.inbox,
        rejections: RejectionRecorder(logger: logger),
        maxBodyBytes: dependencies.maxBodyBytes,
        clock: dependencies.clock
    ).addRoutes(to: router)
    HealthController(inbox: dependencies.inbox, registry: dependencies.metricsRegistry, clock: dependencies.clock).addRoutes(to: router)
    let api = router.group("/api/v1").add(middleware: BearerTokenMiddleware(tokens: dependencies.apiTokens))
    StaffAPIController(orders: dependencies.orders).addRoutes(to: api)
    return router
}

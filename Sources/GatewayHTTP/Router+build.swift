public import Hummingbird
import Logging

/// Builds the gateway's router: webhooks, health, metrics, the staff API and the console.
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
    HealthController(inbox: dependencies.inbox, registry: dependencies.metricsRegistry, clock: dependencies.clock, readiness: dependencies.readiness)
        .addRoutes(to: router)
    // Every error under /api/v1 in one shape (also unknown routes and methods there), then the public document.
    let document = OpenAPIDocument.bundled
    router.add(middleware: APIErrorMiddleware(operations: document.operations, logger: logger))
    OpenAPIController(document: document).addRoutes(to: router)
    let authenticator = StaffAuthenticator(directory: dependencies.staff, bootstrapTokens: dependencies.apiTokens, clock: dependencies.clock)
    let throttle = SignInThrottle(settings: dependencies.access)
    let api = router.group("/api/v1").add(middleware: StaffAuthenticationMiddleware(authenticator: authenticator, mode: .api, throttle: throttle))
    StaffAPIController(
        orders: dependencies.orders,
        shopEnterprises: dependencies.shopEnterprises,
        audit: dependencies.audit,
        inventory: dependencies.inventory,
        supply: dependencies.supply
    )
    .addRoutes(to: api)
    if let inventory = dependencies.inventory {
        InventoryAPIController(inventory: inventory, shopEnterprises: dependencies.shopEnterprises, clock: dependencies.clock).addRoutes(to: api)
        if let supply = dependencies.supply {
            SupplyAPIController(supply: supply, inventory: inventory, clock: dependencies.clock).addRoutes(to: api)
        }
    }
    if let reconciliation = dependencies.reconciliation {
        ReconciliationAPIController(
            service: reconciliation,
            shopEnterprises: dependencies.shopEnterprises,
            platforms: dependencies.platforms,
            audit: AuditRecorder(log: dependencies.audit, clock: dependencies.clock)
        ).addRoutes(to: api)
    }
    if let shipments = dependencies.shipments {
        ShipmentAPIController(
            shipments: shipments,
            shopEnterprises: dependencies.shopEnterprises,
            platforms: dependencies.platforms,
            clock: dependencies.clock
        ).addRoutes(to: api)
    }
    if let supply = dependencies.supply {
        TraceController(supply: supply).addRoutes(to: router)
    }
    addConsoleRoutes(to: router, dependencies: dependencies, renderer: ConsoleRenderer(), throttle: throttle)
    return router
}

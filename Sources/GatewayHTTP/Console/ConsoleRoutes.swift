import GatewayCore
import Hummingbird

/// Mounts the console under `/console`.
///
/// Layers, outermost first: language (`?lang=`, `gw_lang`), HTML error pages, then
/// - public: `GET/POST /console/login` (CSRF-checked against the login cookie);
/// - signed in (`gw_session`, otherwise `303` to the login page), CSRF-checked on every POST: everything else.
///
/// ## Adding a page (one controller file + one template)
/// 1. `Console/Templates/ConsoleTemplates+Stock.swift`: `extension ConsoleTemplates { static let stock = ConsoleTemplate(name: "stock", source: …) }`,
///    and add it to ``ConsoleTemplates/all``. Texts go in ``ConsoleStrings`` (`stock.title` → `{{t.stock_title}}`).
/// 2. `Console/ConsoleStockController.swift`: a struct with `addRoutes(to: RouterGroup<AppRequestContext>)` whose handlers call
///    `try context.requireRead(enterprise:)` / `requireWrite(enterprise:)`, filter lists with
///    `principal.readableShops(shopEnterprises)`, record changes with ``AuditRecorder``, and return
///    `renderer.page("stock", titleKey: "stock.title", active: "inventory", data: […], request:, context:)`.
///    Forms must include `<input type="hidden" name="_csrf" value="{{csrf}}">`.
/// 3. Register the controller below and add its entry to ``ConsoleNavigation``.
func addConsoleRoutes(
    to router: Router<AppRequestContext>,
    dependencies: GatewayHTTPDependencies,
    renderer: ConsoleRenderer,
    throttle: SignInThrottle
) {
    let authenticator = StaffAuthenticator(directory: dependencies.staff, bootstrapTokens: [], clock: dependencies.clock)
    let audit = AuditRecorder(log: dependencies.audit, clock: dependencies.clock)
    let console = router.group("/console")
        .add(middleware: ConsoleLanguageMiddleware(settings: dependencies.access))
        .add(middleware: ConsoleErrorMiddleware(renderer: renderer))
    let auth = ConsoleAuthController(
        directory: dependencies.staff,
        audit: audit,
        settings: dependencies.access,
        renderer: renderer,
        authenticator: authenticator,
        throttle: throttle,
        clock: dependencies.clock
    )
    auth.addLoginRoutes(to: console.group().add(middleware: ConsoleCSRFMiddleware(source: .loginCookie)))

    let signedIn = console.group()
        .add(middleware: StaffAuthenticationMiddleware(authenticator: authenticator, mode: .console, throttle: throttle))
        .add(middleware: ConsoleCSRFMiddleware(source: .session))
    signedIn.get("") { _, _ in ConsoleRenderer.redirect("/console/orders") }
    auth.addSessionRoutes(to: signedIn)
    ConsoleOrdersController(
        orders: dependencies.orders,
        shopEnterprises: dependencies.shopEnterprises,
        platforms: dependencies.platforms,
        renderer: renderer,
        inventory: dependencies.inventory,
        supply: dependencies.supply,
        shipments: dependencies.shipments
    ).addRoutes(to: signedIn)
    ConsoleExceptionsController(
        inventory: dependencies.inventory,
        shopEnterprises: dependencies.shopEnterprises,
        platforms: dependencies.platforms,
        renderer: renderer,
        clock: dependencies.clock
    ).addRoutes(to: signedIn)
    ConsoleInventoryController(inventory: dependencies.inventory, renderer: renderer, clock: dependencies.clock).addRoutes(to: signedIn)
    ConsoleBoardController(inventory: dependencies.inventory, shopEnterprises: dependencies.shopEnterprises, renderer: renderer)
        .addRoutes(to: signedIn)
    ConsoleReconciliationController(
        service: dependencies.reconciliation,
        shopEnterprises: dependencies.shopEnterprises,
        platforms: dependencies.platforms,
        audit: audit,
        renderer: renderer
    ).addRoutes(to: signedIn)
    ConsolePackingController(
        packing: dependencies.packing,
        inventory: dependencies.inventory,
        shopEnterprises: dependencies.shopEnterprises,
        renderer: renderer,
        clock: dependencies.clock
    ).addRoutes(to: signedIn)
    ConsoleLabelsController(
        packing: dependencies.packing,
        inventory: dependencies.inventory,
        shopEnterprises: dependencies.shopEnterprises,
        traceBaseURL: dependencies.traceBaseURL,
        renderer: renderer
    ).addRoutes(to: signedIn)
    ConsoleShippingController(
        shipments: dependencies.shipments,
        packing: dependencies.packing,
        inventory: dependencies.inventory,
        shopEnterprises: dependencies.shopEnterprises,
        platforms: dependencies.platforms,
        renderer: renderer,
        clock: dependencies.clock
    ).addRoutes(to: signedIn)
    ConsoleHouseholdsController(supply: dependencies.supply, inventory: dependencies.inventory, renderer: renderer).addRoutes(to: signedIn)
    ConsoleAPIReferenceController(document: OpenAPIDocument.bundled, renderer: renderer).addRoutes(to: signedIn)
}

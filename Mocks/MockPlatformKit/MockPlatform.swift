import Foundation
public import GatewayConfig
import GatewayCore
import Hummingbird
public import Logging
import NIOCore
import Synchronization

/// The mock platform: every configured platform shop's API, pushes and ground truth on one port.
///
/// It reads the same configuration as the gateway and uses each shop's credentials as the shared
/// secrets, so the two agree by construction (design.md §5). Each platform is one ``PlatformMockModule``.
///
/// ```swift
/// let configuration = try ConfigurationLoader().load(path: "config/gateway.yaml")
/// let mock = MockPlatform(configuration: configuration, seed: 42)
/// let port = try await mock.start()               // port 0: any free port
/// let shop = mock.douyin(shop: "yunlai-douyin")!
/// // … point the gateway's api_base at mock.baseURL, create orders, push them …
/// let truth = mock.truth()
/// await mock.shutdown()
/// ```
///
/// HTTP routes: every platform's API — Douyin (`POST /token/create`, `/token/refresh`, `/order/orderDetail`,
/// `/order/searchList`, `/sku/syncStock`, and the ship APIs `/order/logisticsAdd`, `/order/logisticsAddMultiPack`,
/// `/order/logisticsEdit`, `/order/logisticsEditByPack`, `/order/logisticsCompanyList`), Kuaishou (`/oauth2/…`,
/// `/open/order/…`, `/open/item/…`, `/open/seller/order/goods/deliver`, `/open/order/goods/split/deliver`,
/// `/open/seller/order/logistics/update`), Pinduoduo (`/api/router`), Taobao (`/router/rest`), WeChat Channels
/// (`GET /cgi-bin/token`, `POST /channels/ec/…` including `order/delivery/send` and `order/deliveryinfo/update`),
/// Youzan (`POST /auth/token`, `/api/youzan.logistics.…/3.0.0`); the modules' `/_mock/{platform}/…` control routes,
/// and `GET /_mock/truth` (each order's `shipments` included), `/_mock/stock`, `/_mock/requests`, `/_mock/health`,
/// `GET|POST /_mock/ship-faults` (``MockShipFaults``), `GET /_mock/ship-pushes` (the ship APIs' pushes not sent yet) and
/// `POST /_mock/ship-pushes?to=GATEWAY_URL` (sends them, oldest first, and forgets them). The ship APIs' choices are in `SHIPPING-CHOICES.md`.
public final class MockPlatform: Sendable {
    /// The configuration the mock was built from.
    public let configuration: GatewayConfiguration
    /// The seed every random choice of the mock derives from.
    public let seed: UInt64
    let logger: Logger
    let control: MockControl
    let modules: [any PlatformMockModule]
    private let server: Mutex<ServerState>

    private struct ServerState {
        var running: BackgroundServer?
    }

    /// Creates a mock platform for the shops of a configuration.
    /// - Parameters:
    ///   - configuration: the gateway configuration; each shop's credentials are the shared secrets.
    ///   - seed: the seed for ids, buyers and injected faults (same seed, same run).
    ///   - logger: where the mock logs.
    public init(configuration: GatewayConfiguration, seed: UInt64 = 1, logger: Logger = Logger(label: "mock-platform")) {
        self.configuration = configuration
        self.seed = seed
        self.logger = logger
        self.control = MockControl(seed: seed)
        let context = PlatformMockContext(configuration: configuration, control: control, seed: seed, logger: logger)
        self.modules = Self.moduleFactories.map { $0(context) }
        self.server = Mutex(ServerState())
    }

    /// Every platform's module, one entry per platform; add new platforms here.
    static let moduleFactories: [@Sendable (PlatformMockContext) -> any PlatformMockModule] = [
        { DouyinMockModule(context: $0) },
        { KuaishouMockModule(context: $0) },
        { WechatChannelsMockModule(context: $0) },
        { YouzanMockModule(context: $0) },
        { RouterMockModule<PinduoduoRouterDialect>(context: $0) },
        { RouterMockModule<TaobaoTopDialect>(context: $0) },
    ]

    // MARK: - Server

    /// Starts the HTTP server in a background task and returns once it listens.
    /// - Parameters:
    ///   - host: the interface to bind.
    ///   - port: the port; 0 picks a free one.
    /// - Returns: the bound port.
    /// - Throws: ``MockPlatformError/serverNotStarted(_:)`` when binding fails or the server already runs.
    @discardableResult
    public func start(host: String = "127.0.0.1", port: Int = 0) async throws -> Int {
        if server.withLock({ $0.running != nil }) { throw MockPlatformError.serverNotStarted("it is already running") }
        let running = try await BackgroundServer.start(
            router: buildRouter(),
            host: host,
            port: port,
            serverName: "mock-platform",
            logger: logger
        )
        let bound = running.port
        server.withLock { $0.running = running }
        logger.info("mock platform listening on http://\(host):\(bound)")
        return bound
    }

    /// Stops the HTTP server (no-op when it is not running).
    public func shutdown() async {
        let running = server.withLock { state in
            defer { state.running = nil }
            return state.running
        }
        await running?.stop()
    }

    /// The bound port, once started.
    public var port: Int? { server.withLock { $0.running?.port } }

    /// The root URL of the running server, e.g. `http://127.0.0.1:9090` (empty before ``start(host:port:)``).
    public var baseURL: String {
        guard let port else { return "" }
        return "http://127.0.0.1:\(port)"
    }

    // MARK: - Shops

    /// Every shop of every platform, in module order, for scenarios that drive all platforms alike.
    public var shops: [any MockShop] { modules.flatMap(\.mockShops) }

    /// Every shop mock of one type, in configuration order.
    func shopMocks<Shop: MockShop>(_ type: Shop.Type = Shop.self) -> [Shop] {
        shops.compactMap { $0 as? Shop }
    }

    /// The shop mock of one type with a shop key, if any.
    func shopMock<Shop: MockShop>(_ shopKey: String) -> Shop? {
        shopMocks(Shop.self).first { $0.shopKey == shopKey }
    }

    // MARK: - Truth and records

    /// The ground truth of every order on every platform: shop by shop in configuration order, each
    /// shop's orders by order id.
    public func truth() -> [MockOrderTruth] {
        modules.flatMap { $0.truth() }
    }

    /// The latest stock written back by the gateway, for every shop.
    public func stockLevels() -> [MockStockLevel] {
        modules.flatMap { $0.stockLevels() }
    }

    /// Every API request received so far, oldest first.
    public func requestLog() -> [MockRequestRecord] {
        control.requestLog()
    }

    /// Forgets the request log.
    public func clearRequestLog() {
        control.clearRequestLog()
    }

    // MARK: - Knobs

    /// The faults injected into API answers (thread-safe; takes effect for the next request).
    public var faults: MockFaults {
        get { control.faults }
        set { control.faults = newValue }
    }

    /// Sets (replaces) the ship faults of one shop (``MockShipFaults``); ``MockShipFaults/none`` clears them.
    public func setShipFaults(_ faults: MockShipFaults, shop: String) {
        control.setShipFaults(faults, shop: shop)
    }

    /// The ship faults left for one shop.
    public func shipFaults(shop: String) -> MockShipFaults {
        control.shipFaults[shop] ?? .none
    }

    /// The pushes the platforms' ship APIs made (a shipped or partly-shipped order, a changed tracking number)
    /// and that were not delivered yet, oldest first: the mock records them instead of sending them, as it does
    /// for every push (deliver them with ``deliverShipPushes(to:timeout:)`` or ``MockShop/deliver(_:to:timeout:)``).
    public func pendingShipPushes() -> [MockPush] {
        control.pendingShipPushes()
    }

    /// Delivers every pending ship push to a gateway, each through its shop (one request per push), and forgets them.
    /// Pushes of platforms without HTTP pushes (Pinduoduo, Taobao) are never recorded.
    /// - Returns: each push with the gateway's answer.
    /// - Throws: transport errors from the first push that could not be sent.
    @discardableResult
    public func deliverShipPushes(
        to gatewayBaseURL: String,
        timeout: Duration = .seconds(5)
    ) async throws -> [(push: MockPush, result: MockPushResult)] {
        var results: [(push: MockPush, result: MockPushResult)] = []
        for push in control.takeShipPushes() {
            guard let shop = shops.first(where: { $0.platform == push.platform && $0.shopKey == push.shop }) else { continue }
            results.append((push, try await shop.deliver([push], to: gatewayBaseURL, timeout: timeout)))
        }
        return results
    }

    /// Whether a Douyin `param_json` must be canonical (compact, keys sorted recursively) for the
    /// signature to count as valid. Default true: the gateway must send exactly what it signs, in the
    /// form the SDKs produce. Set false to check the signature over the raw body only.
    public var requireCanonicalParamJSON: Bool {
        get { control.requireCanonicalParamJSON }
        set { control.requireCanonicalParamJSON = newValue }
    }

    /// How far a request `timestamp` may be from the mock's clock, in seconds (default 600).
    public var timestampToleranceSeconds: Int64 {
        get { control.timestampToleranceSeconds }
        set { control.timestampToleranceSeconds = newValue }
    }

    /// Expires every access token issued so far; refresh tokens keep working.
    public func expireTokens() {
        for module in modules { module.expireTokens() }
    }
}

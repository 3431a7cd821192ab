import GatewayConfig
import Hummingbird
import Logging

/// One platform's part of the mock platform: its API routes, its orders (the truth) and the stock
/// the gateway wrote back to it.
///
/// To add a platform: write a type conforming to this protocol in its own folder (for a router-style API,
/// a ``RouterDialect`` served by ``RouterMockModule``), keep its shops' state in a ``MockShopLedger``, add its
/// factory to ``MockPlatform/moduleFactories``, and add a public accessor in `MockPlatform+<Platform>.swift`.
protocol PlatformMockModule: Sendable {
    /// Adds the platform's API routes.
    func addRoutes(to router: Router<BasicRequestContext>)
    /// Every order the platform holds, as ground truth.
    func truth() -> [MockOrderTruth]
    /// The latest stock the gateway wrote back.
    func stockLevels() -> [MockStockLevel]
    /// Expires every access token issued so far (tests of token refresh).
    func expireTokens()
    /// The module's shops, driven alike by scenarios.
    var mockShops: [any MockShop] { get }
}

/// What a platform module's factory receives.
struct PlatformMockContext: Sendable {
    /// The whole configuration (each module picks its own platform's shops).
    var configuration: GatewayConfiguration
    /// Shared faults, rate limits, request log.
    var control: MockControl
    /// The seed.
    var seed: UInt64
    /// The logger.
    var logger: Logger
}

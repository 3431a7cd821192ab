import Foundation
import GatewayConfig

/// A shop of a router-style platform (Pinduoduo, Taobao), as ``RouterAPI`` and ``RouterMockModule`` use it.
protocol RouterShop: MockShop {
    /// Creates the mock of a configured shop.
    /// - Parameters:
    ///   - shop: the shop configuration.
    ///   - index: the shop's position among the mock's shops of its platform (keeps ids distinct).
    ///   - seed: the platform seed.
    init(shop: ShopConfiguration, index: Int, seed: UInt64)
    /// The app's key (`client_id` on Pinduoduo, `app_key` on Taobao); several shops may share an app.
    var appKey: String { get }
    /// The app's secret, which signs every call.
    var appSecret: String { get }
    /// The ground truth of one order, if it exists.
    func truth(orderId: String) -> MockOrderTruth?
    /// The latest stock levels the gateway wrote.
    func stockLevels() -> [MockStockLevel]
    /// Creates one order in each interesting state, all changed within the two minutes before `at`.
    /// - Returns: each case name with its order id.
    func seedDemoOrders(at: Date) throws -> [(name: String, orderId: String)]
}

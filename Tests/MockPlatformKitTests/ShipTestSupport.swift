import Foundation
import GatewayConfig
import MockPlatformKit
import NIOHTTP1

/// What the ship API tests of every platform share: a running mock, a paid two-line order (2 + 1 units), and the
/// ship fault control route.
enum ShipTestSupport {
    /// Runs a body against a fresh mock server.
    static func withMock(_ configuration: GatewayConfiguration, seed: UInt64 = 23, _ body: (MockPlatform) async throws -> Void) async throws {
        let mock = MockPlatform(configuration: configuration, seed: seed)
        try await mock.start()
        do {
            try await body(mock)
        } catch {
            await mock.shutdown()
            throw error
        }
        await mock.shutdown()
    }

    /// Places the two-line order of ``DouyinAPITests/lines`` on a shop and pays it unless told otherwise.
    /// - Returns: the order id and its line ids.
    static func order(on shop: any MockShop, pay: Bool = true) throws -> (id: String, lines: [String]) {
        let placed = try shop.placeOrder(
            lines: DouyinAPITests.lines,
            postageFen: 0,
            roomId: nil,
            authorId: nil,
            province: "湖南省",
            city: "长沙市",
            at: Date()
        )
        if pay { _ = try shop.payOrder(orderId: placed.orderId, at: Date()) }
        return (placed.orderId, shop.orderLineIds(orderId: placed.orderId))
    }

    /// Sets a shop's ship faults through `POST /_mock/ship-faults`.
    static func setFaults(_ mock: MockPlatform, shop: String, _ query: String) async throws {
        _ = try await TestHTTPCall.send(.POST, mock.baseURL + "/_mock/ship-faults?shop=\(shop)&" + query)
    }

    /// The tracking numbers of an order in the truth served at `GET /_mock/truth`.
    static func servedTrackingNumbers(_ mock: MockPlatform, orderId: String) async throws -> [String] {
        let reply = try await TestHTTPCall.send(.GET, mock.baseURL + "/_mock/truth")
        let orders = reply.object["orders"] as? [[String: Any]] ?? []
        let shipments = orders.first { $0["orderId"] as? String == orderId }?["shipments"] as? [[String: Any]] ?? []
        return shipments.compactMap { $0["trackingNo"] as? String }
    }
}

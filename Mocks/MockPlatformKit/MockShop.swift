public import Foundation
public import GatewayCore

/// One shop on one platform in the mock, with the same verbs on every platform, so that scenarios
/// (a livestream across all platforms) drive every platform alike. The verbs have names of their
/// own (`placeOrder`, `payOrder`, …) so that each platform's richer API (`pay(orderId:at:)` returning
/// its own message type) can sit beside them.
///
/// Each state change updates the platform's truth and returns the push the platform would send for
/// it — or `nil` on platforms without HTTP pushes (Pinduoduo, Taobao: the gateway polls them) or for
/// changes the platform does not push. ``deliver(_:to:timeout:)`` sends pushes exactly as the platform does.
public protocol MockShop: Sendable {
    /// The platform.
    var platform: Platform { get }
    /// The configured shop key.
    var shopKey: String { get }

    /// Places an order (unpaid); returns its platform order id and the "created" push, if any.
    func placeOrder(_ order: MockOrderPlacement) throws -> (orderId: String, push: MockPush?)
    /// Applies a change every platform knows and returns the push the platform sends for it, if any (the
    /// verbs ``payOrder(orderId:at:)``, ``shipOrder(orderId:at:)``, … call it).
    func apply(_ change: MockOrderChange, orderId: String, at: Date) throws -> MockPush?
    /// The platform's line ids of an order.
    func orderLineIds(orderId: String) -> [String]
    /// Sends pushes to a gateway as the platform does (one request per push, or batched where the platform batches).
    func deliver(_ pushes: [MockPush], to gatewayBaseURL: String, timeout: Duration) async throws -> MockPushResult
    /// The shop's orders as ground truth.
    func orderTruth() -> [MockOrderTruth]
    /// Whether the platform has an order API the gateway can poll (Youzan's is not researched: push only).
    var hasOrderAPI: Bool { get }
}

extension MockShop {
    /// Most platforms have an order API.
    public var hasOrderAPI: Bool { true }

    /// Places an order (unpaid) from its parts (``placeOrder(_:)``).
    public func placeOrder(
        lines: [MockLineSpec],
        postageFen: Int64,
        roomId: String?,
        authorId: String?,
        province: String,
        city: String,
        at: Date
    ) throws -> (orderId: String, push: MockPush?) {
        try placeOrder(
            MockOrderPlacement(lines: lines, postageFen: postageFen, roomId: roomId, authorId: authorId, province: province, city: city, at: at)
        )
    }

    /// The buyer pays.
    public func payOrder(orderId: String, at: Date) throws -> MockPush? {
        try apply(.pay, orderId: orderId, at: at)
    }

    /// The merchant ships every line.
    public func shipOrder(orderId: String, at: Date) throws -> MockPush? {
        try apply(.ship, orderId: orderId, at: at)
    }

    /// The buyer confirms receipt / the trade completes.
    public func completeOrder(orderId: String, at: Date) throws -> MockPush? {
        try apply(.complete, orderId: orderId, at: at)
    }

    /// The order is cancelled (before or after payment, before shipment).
    public func cancelOrder(orderId: String, at: Date) throws -> MockPush? {
        try apply(.cancel, orderId: orderId, at: at)
    }

    /// The buyer asks for a refund of one line.
    public func requestLineRefund(orderId: String, lineId: String, at: Date) throws -> MockPush? {
        try apply(.requestRefund(lineId: lineId), orderId: orderId, at: at)
    }

    /// The refund of one line succeeds.
    public func completeLineRefund(orderId: String, lineId: String, at: Date) throws -> MockPush? {
        try apply(.completeRefund(lineId: lineId), orderId: orderId, at: at)
    }
}

/// A push a platform would send, opaque to scenarios: the shop that made it knows how to deliver it.
public struct MockPush: Sendable, Hashable {
    /// The platform.
    public var platform: Platform
    /// The shop key.
    public var shop: String
    /// The platform's message id (or the synthesised key where the platform has none).
    public var id: String
    /// The platform's order id the push is about.
    public var orderId: String
    /// The message as the platform would put it in the request (before any envelope, signature or encryption).
    public var message: String

    /// Creates a push.
    public init(platform: Platform, shop: String, id: String, orderId: String, message: String) {
        self.platform = platform
        self.shop = shop
        self.id = id
        self.orderId = orderId
        self.message = message
    }
}

import Foundation
import GatewayCore

extension PinduoduoShopMock: MockShop {
    /// Always ``GatewayCore/Platform/pinduoduo``.
    public var platform: Platform { .pinduoduo }

    /// Creates an unpaid order; Pinduoduo pushes nothing over HTTP, so the push is nil.
    public func placeOrder(_ order: MockOrderPlacement) throws -> (orderId: String, push: MockPush?) {
        (order.make { createOrder(lines: $0, postageFen: $1, roomId: $2, authorId: $3, province: $4, city: $5, at: $6) }, nil)
    }

    /// pay: pays and forms the group at once (a single-buy order; see ``pay(orderId:grouped:at:)`` for a group still
    /// forming); ship; complete: the buyer signs for it; cancel. Pinduoduo's after-sales are per order (one
    /// `refund_status` for the whole order on the wire), so a line refund refunds every line of the order.
    /// Pinduoduo pushes nothing over HTTP: always nil.
    public func apply(_ change: MockOrderChange, orderId: String, at: Date) throws -> MockPush? {
        switch change {
        case .pay: try pay(orderId: orderId, grouped: true, at: at)
        case .ship: try ship(orderId: orderId, at: at)
        case .complete: try confirmReceipt(orderId: orderId, at: at)
        case .cancel: try cancel(orderId: orderId, at: at)
        case .requestRefund:
            for line in lineIds(orderId: orderId) { try requestRefund(orderId: orderId, lineId: line, at: at) }
        case .completeRefund:
            for line in lineIds(orderId: orderId) { try refundSucceeded(orderId: orderId, lineId: line, at: at) }
        }
        return nil
    }

    /// The line ids of the order.
    public func orderLineIds(orderId: String) -> [String] { lineIds(orderId: orderId) }

    /// Pinduoduo pushes over a WebSocket, which the mock does not serve: nothing is sent.
    public func deliver(_ pushes: [MockPush], to gatewayBaseURL: String, timeout: Duration) async throws -> MockPushResult {
        MockPushResult(status: 0, body: "pinduoduo has no HTTP push: nothing was sent (\(pushes.count) push(es) ignored)", acknowledged: false)
    }

    /// ``truth()``.
    public func orderTruth() -> [MockOrderTruth] { truth() }
}

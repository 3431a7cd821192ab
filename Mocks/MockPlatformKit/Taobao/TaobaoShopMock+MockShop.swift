import Foundation
import GatewayCore

extension TaobaoShopMock: MockShop {
    /// Always ``GatewayCore/Platform/taobao``.
    public var platform: Platform { .taobao }

    /// Creates an unpaid trade (`WAIT_BUYER_PAY`); Taobao pushes nothing over HTTP, so the push is nil.
    public func placeOrder(_ order: MockOrderPlacement) throws -> (orderId: String, push: MockPush?) {
        (order.make { createTrade(lines: $0, postageFen: $1, roomId: $2, authorId: $3, province: $4, city: $5, at: $6) }, nil)
    }

    /// pay → `WAIT_SELLER_SEND_GOODS`, ship → `WAIT_BUYER_CONFIRM_GOODS`, complete → `TRADE_FINISHED`, cancel →
    /// `TRADE_CLOSED_BY_TAOBAO` (unpaid) or `TRADE_CLOSED` (paid); line refunds (`lineId` = `oid`). Taobao pushes
    /// nothing over HTTP: always nil.
    public func apply(_ change: MockOrderChange, orderId: String, at: Date) throws -> MockPush? {
        switch change {
        case .pay: try pay(orderId: orderId, at: at)
        case .ship: try ship(orderId: orderId, at: at)
        case .complete: try finish(orderId: orderId, at: at)
        case .cancel: try close(orderId: orderId, at: at)
        case .requestRefund(let lineId): try requestRefund(orderId: orderId, lineId: lineId, at: at)
        case .completeRefund(let lineId): try refundSucceeded(orderId: orderId, lineId: lineId, at: at)
        }
        return nil
    }

    /// The `oid`s of the trade.
    public func orderLineIds(orderId: String) -> [String] { lineIds(orderId: orderId) }

    /// Taobao pushes through TMC over a WebSocket, which the mock does not serve: nothing is sent.
    public func deliver(_ pushes: [MockPush], to gatewayBaseURL: String, timeout: Duration) async throws -> MockPushResult {
        MockPushResult(status: 0, body: "taobao has no HTTP push: nothing was sent (\(pushes.count) push(es) ignored)", acknowledged: false)
    }

    /// ``truth()``.
    public func orderTruth() -> [MockOrderTruth] { truth() }
}

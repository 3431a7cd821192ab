import Foundation
import GatewayCore

extension KuaishouShopMock: MockShop {
    /// Always ``GatewayCore/Platform/kuaishou``.
    public var platform: Platform { .kuaishou }

    /// Creates an order (status 10); the push is `kwaishop_order_addOrder`.
    public func placeOrder(
        lines: [MockLineSpec],
        postageFen: Int64,
        roomId: String?,
        authorId: String?,
        province: String,
        city: String,
        at: Date
    ) throws -> (orderId: String, push: MockPush?) {
        let oid = createOrder(lines: lines, postageFen: postageFen, roomId: roomId, authorId: authorId, province: province, city: city, at: at)
        return (oid, wrap(try createdMessage(orderId: oid), orderId: oid))
    }

    /// pay 10 → 30 (`kwaishop_order_paySuccess`), ship 30 → 40 (`kwaishop_order_delivering`), complete 40/50 → 70
    /// (订单成功, `kwaishop_order_orderSuccess`), cancel 10/30 → 80 (订单失败, `kwaishop_order_orderFail`); line refunds
    /// (`lineId` = `skuId`) set refund status 10 (`kwaishop_aftersales_addRefund`), then 60 (`kwaishop_aftersales_refundSuccess`).
    public func apply(_ change: MockOrderChange, orderId: String, at: Date) throws -> MockPush? {
        let message =
            switch change {
            case .pay: try pay(orderId: orderId, at: at)
            case .ship: try ship(orderId: orderId, at: at)
            case .complete: try succeed(orderId: orderId, at: at)
            case .cancel: try cancel(orderId: orderId, at: at)
            case .requestRefund(let lineId): try requestRefund(orderId: orderId, lineId: lineId, at: at)
            case .completeRefund(let lineId): try refundSucceeded(orderId: orderId, lineId: lineId, at: at)
            }
        return wrap(message, orderId: orderId)
    }

    /// The `skuId`s of the order's lines.
    public func orderLineIds(orderId: String) -> [String] { lineIds(orderId: orderId) }

    /// One encrypted POST per push (``push(_:to:timeout:)``); `MockPush.message` is the message JSON.
    public func deliver(_ pushes: [MockPush], to gatewayBaseURL: String, timeout: Duration) async throws -> MockPushResult {
        var results: [MockPushResult] = []
        for push in pushes {
            results.append(try await send(plaintext: push.message, to: gatewayBaseURL, timeout: timeout))
        }
        return PushTransport.combine(results)
    }

    /// ``truth()``.
    public func orderTruth() -> [MockOrderTruth] { truth() }

    func wrap(_ message: KuaishouPushMessage, orderId: String) -> MockPush {
        MockPush(platform: .kuaishou, shop: shopKey, id: message.eventId, orderId: orderId, message: message.json)
    }
}

import Foundation
import GatewayCore

extension KuaishouShopMock: MockShop {
    /// Always ``GatewayCore/Platform/kuaishou``.
    public var platform: Platform { .kuaishou }

    /// Creates an order (status 10); the push is `kwaishop_order_addOrder`.
    public func placeOrder(_ order: MockOrderPlacement) throws -> (orderId: String, push: MockPush?) {
        let oid = order.make(with: createOrder(lines:postageFen:roomId:authorId:province:city:at:))
        return (oid, wrap(try createdMessage(orderId: oid), orderId: oid))
    }

    /// pay 10 → 30 (`kwaishop_order_paySuccess`), ship 30 → 40 (`kwaishop_order_delivering`), complete 40/50 → 70
    /// (订单成功, `kwaishop_order_orderSuccess`), cancel 10/30 → 80 (订单失败, `kwaishop_order_orderFail`); line refunds
    /// (`lineId` = `skuId`) set refund status 10 (`kwaishop_aftersales_addRefund`), then 60 (`kwaishop_aftersales_refundSuccess`).
    public func apply(_ change: MockOrderChange, orderId: String, at: Date) throws -> MockPush? {
        let verbs = MockOrderVerbs(
            pay: pay(orderId:at:),
            ship: ship(orderId:at:),
            complete: succeed(orderId:at:),
            cancel: cancel(orderId:at:),
            requestRefund: requestRefund(orderId:lineId:at:),
            completeRefund: refundSucceeded(orderId:lineId:at:)
        )
        let message = try change.run(verbs, orderId: orderId, at: at)
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

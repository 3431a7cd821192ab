import Foundation
import GatewayCore

extension WechatChannelsShopMock: MockShop {
    /// Always ``GatewayCore/Platform/wechatChannels``.
    public var platform: Platform { .wechatChannels }

    /// Creates an order (status 10); the push is `channels_ec_order_new`.
    public func placeOrder(_ order: MockOrderPlacement) throws -> (orderId: String, push: MockPush?) {
        let id = order.make(with: createOrder(lines:postageFen:roomId:authorId:province:city:at:))
        return (id, wrap(try createdEvent(orderId: id)))
    }

    /// pay 10 → 20 (`channels_ec_order_pay`), ship 20 → 30 (`channels_ec_order_deliver`), complete 30 → 100
    /// (`channels_ec_order_confirm`), cancel 10/20 → 250 (`channels_ec_order_cancel`); line refunds (`lineId` =
    /// `sku_id`) open an after-sale, then pay it (`channels_ec_aftersale_update` both times).
    public func apply(_ change: MockOrderChange, orderId: String, at: Date) throws -> MockPush? {
        let verbs = MockOrderVerbs(
            pay: pay(orderId:at:),
            ship: ship(orderId:at:),
            complete: confirm(orderId:at:),
            cancel: cancel(orderId:at:),
            requestRefund: requestRefund(orderId:lineId:at:),
            completeRefund: refundSucceeded(orderId:lineId:at:)
        )
        let event = try change.run(verbs, orderId: orderId, at: at)
        return wrap(event)
    }

    /// The `sku_id`s of the order's products.
    public func orderLineIds(orderId: String) -> [String] { lineIds(orderId: orderId) }

    /// One encrypted, signed POST per push; `MockPush.message` is the event JSON.
    public func deliver(_ pushes: [MockPush], to gatewayBaseURL: String, timeout: Duration) async throws -> MockPushResult {
        var results: [MockPushResult] = []
        for push in pushes { results.append(try await send(json: push.message, to: gatewayBaseURL, timeout: timeout)) }
        return PushTransport.combine(results)
    }

    /// ``truth()``.
    public func orderTruth() -> [MockOrderTruth] { truth() }

    func wrap(_ event: WechatChannelsEvent) -> MockPush {
        MockPush(platform: .wechatChannels, shop: shopKey, id: event.deliveryKey, orderId: event.orderId, message: event.json)
    }
}

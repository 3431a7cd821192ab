import Foundation
import GatewayCore

extension WechatChannelsShopMock: MockShop {
    /// Always ``GatewayCore/Platform/wechatChannels``.
    public var platform: Platform { .wechatChannels }

    /// Creates an order (status 10); the push is `channels_ec_order_new`.
    public func placeOrder(
        lines: [MockLineSpec],
        postageFen: Int64,
        roomId: String?,
        authorId: String?,
        province: String,
        city: String,
        at: Date
    ) throws -> (orderId: String, push: MockPush?) {
        let id = createOrder(lines: lines, postageFen: postageFen, roomId: roomId, authorId: authorId, province: province, city: city, at: at)
        return (id, wrap(try createdEvent(orderId: id)))
    }

    /// 10 → 20, `channels_ec_order_pay`.
    public func payOrder(orderId: String, at: Date) throws -> MockPush? { wrap(try pay(orderId: orderId, at: at)) }

    /// 20 → 30, `channels_ec_order_deliver`.
    public func shipOrder(orderId: String, at: Date) throws -> MockPush? { wrap(try ship(orderId: orderId, at: at)) }

    /// 30 → 100, `channels_ec_order_confirm`.
    public func completeOrder(orderId: String, at: Date) throws -> MockPush? { wrap(try confirm(orderId: orderId, at: at)) }

    /// 10/20 → 250, `channels_ec_order_cancel`.
    public func cancelOrder(orderId: String, at: Date) throws -> MockPush? { wrap(try cancel(orderId: orderId, at: at)) }

    /// An after-sale on the line (`lineId` = `sku_id`), `channels_ec_aftersale_update`.
    public func requestLineRefund(orderId: String, lineId: String, at: Date) throws -> MockPush? {
        wrap(try requestRefund(orderId: orderId, lineId: lineId, at: at))
    }

    /// The line's refund paid, `channels_ec_aftersale_update`.
    public func completeLineRefund(orderId: String, lineId: String, at: Date) throws -> MockPush? {
        wrap(try refundSucceeded(orderId: orderId, lineId: lineId, at: at))
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

    private func wrap(_ event: WechatChannelsEvent) -> MockPush {
        MockPush(platform: .wechatChannels, shop: shopKey, id: event.deliveryKey, orderId: event.orderId, message: event.json)
    }
}

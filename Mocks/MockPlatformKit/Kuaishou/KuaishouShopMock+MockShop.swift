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

    /// 10 → 30, `kwaishop_order_paySuccess`.
    public func payOrder(orderId: String, at: Date) throws -> MockPush? { wrap(try pay(orderId: orderId, at: at), orderId: orderId) }

    /// 30 → 40, `kwaishop_order_delivering`.
    public func shipOrder(orderId: String, at: Date) throws -> MockPush? { wrap(try ship(orderId: orderId, at: at), orderId: orderId) }

    /// 40/50 → 70 (订单成功), `kwaishop_order_orderSuccess`.
    public func completeOrder(orderId: String, at: Date) throws -> MockPush? { wrap(try succeed(orderId: orderId, at: at), orderId: orderId) }

    /// 10/30 → 80 (订单失败), `kwaishop_order_orderFail`.
    public func cancelOrder(orderId: String, at: Date) throws -> MockPush? { wrap(try cancel(orderId: orderId, at: at), orderId: orderId) }

    /// Refund status 10 on the line (`lineId` = `skuId`), `kwaishop_aftersales_addRefund`.
    public func requestLineRefund(orderId: String, lineId: String, at: Date) throws -> MockPush? {
        wrap(try requestRefund(orderId: orderId, lineId: lineId, at: at), orderId: orderId)
    }

    /// Refund status 60 on the line, `kwaishop_aftersales_refundSuccess`.
    public func completeLineRefund(orderId: String, lineId: String, at: Date) throws -> MockPush? {
        wrap(try refundSucceeded(orderId: orderId, lineId: lineId, at: at), orderId: orderId)
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

    private func wrap(_ message: KuaishouPushMessage, orderId: String) -> MockPush {
        MockPush(platform: .kuaishou, shop: shopKey, id: message.eventId, orderId: orderId, message: message.json)
    }
}

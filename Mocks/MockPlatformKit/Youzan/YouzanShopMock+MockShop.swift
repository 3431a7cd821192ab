import Foundation
import GatewayCore

extension YouzanShopMock: MockShop {
    /// Youzan has no researched order API (platforms.md §6): what its pushes miss, nothing recovers.
    public var hasOrderAPI: Bool { false }

    /// Always ``GatewayCore/Platform/youzan``.
    public var platform: Platform { .youzan }

    /// Creates a trade (`WAIT_BUYER_PAY`); the push is `trade_TradeCreate`.
    public func placeOrder(_ order: MockOrderPlacement) throws -> (orderId: String, push: MockPush?) {
        let tid = createTrade(order)
        return (tid, wrap(try createdMessage(tid: tid), tid: tid))
    }

    /// pay → `WAIT_SELLER_SEND_GOODS` (`trade_TradePaid`), ship → `WAIT_BUYER_CONFIRM_GOODS` (`trade_TradeSellerShip`),
    /// complete → `TRADE_SUCCESS` (`trade_TradeSuccess`), cancel → `TRADE_CLOSE` (`trade_TradeClose`); line refunds
    /// (`lineId` = `oid`) set `refund_state` 11 (`trade_refund_BuyerCreated`), then 12 (`trade_refund_RefundSuccess`).
    public func apply(_ change: MockOrderChange, orderId: String, at: Date) throws -> MockPush? {
        let verbs = MockOrderVerbs(
            pay: pay(tid:at:),
            ship: ship(tid:at:),
            complete: succeed(tid:at:),
            cancel: close(tid:at:),
            requestRefund: requestRefund(tid:lineId:at:),
            completeRefund: refundSucceeded(tid:lineId:at:)
        )
        let message = try change.run(verbs, orderId: orderId, at: at)
        return wrap(message, tid: orderId)
    }

    /// The `oid`s of the trade's lines.
    public func orderLineIds(orderId: String) -> [String] { lineIds(tid: orderId) }

    /// One signed POST per push; `MockPush.message` is `{"id","type","status","msg" (decoded),"version","test"}`.
    public func deliver(_ pushes: [MockPush], to gatewayBaseURL: String, timeout: Duration) async throws -> MockPushResult {
        let messages = try pushes.map { push -> YouzanPushMessage in
            guard let value = try? JSONParser.parse(push.message).value, let id = value["id"]?.textValue, let type = value["type"]?.textValue else {
                throw MockPlatformError.invalidTransition("push \(push.id) is not a Youzan message")
            }
            return YouzanPushMessage(
                id: id,
                type: type,
                status: value["status"]?.textValue ?? "",
                message: value["msg"]?.textValue ?? "",
                version: value["version"]?.int64Value ?? 0,
                test: value["test"]?.boolValue ?? false
            )
        }
        return try await push(messages, to: gatewayBaseURL, timeout: timeout)
    }

    /// ``truth()``.
    public func orderTruth() -> [MockOrderTruth] { truth() }

    func wrap(_ message: YouzanPushMessage, tid: String) -> MockPush {
        let value: JSONValue = [
            "id": .string(message.id),
            "type": .string(message.type),
            "status": .string(message.status),
            "msg": .string(message.message),
            "version": .int(message.version),
            "test": .bool(message.test),
        ]
        return MockPush(platform: .youzan, shop: shopKey, id: message.id, orderId: tid, message: value.serialized)
    }
}

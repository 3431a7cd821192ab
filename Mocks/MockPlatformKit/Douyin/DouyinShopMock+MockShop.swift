import Foundation
import GatewayCore

extension DouyinShopMock: MockShop {
    /// Always ``GatewayCore/Platform/douyin``.
    public var platform: Platform { .douyin }

    /// Creates an order (status 1); the push is the tag 100 message.
    public func placeOrder(_ order: MockOrderPlacement) throws -> (orderId: String, push: MockPush?) {
        let id = order.make(with: createOrder(lines:postageFen:roomId:authorId:province:city:at:))
        return (id, wrap(try createdMessage(orderId: id), orderId: id))
    }

    /// pay 1 → 2 (tag 101), ship → 3 (tag 102), complete 3 → 5 (tag 103), cancel → 4 (tag 106); line refunds
    /// (`lineId` = the sku order id) open an after-sale (tag 200), then refund it (tag 206).
    public func apply(_ change: MockOrderChange, orderId: String, at: Date) throws -> MockPush? {
        let verbs = MockOrderVerbs(
            pay: pay(orderId:at:),
            ship: ship(orderId:at:),
            complete: complete(orderId:at:),
            cancel: { try self.cancel(orderId: $0, at: $1) },
            requestRefund: requestRefund(orderId:lineId:at:),
            completeRefund: refundSucceeded(orderId:lineId:at:)
        )
        let message = try change.run(verbs, orderId: orderId, at: at)
        return wrap(message, orderId: orderId)
    }

    /// The sku order ids of the order.
    public func orderLineIds(orderId: String) -> [String] { lineIds(orderId: orderId) }

    /// Douyin batches messages into one JSON array per request.
    public func deliver(_ pushes: [MockPush], to gatewayBaseURL: String, timeout: Duration) async throws -> MockPushResult {
        let messages = try pushes.map { push -> DouyinPushMessage in
            guard let message = try? JSONDecoder().decode(DouyinPushMessage.self, from: Data(push.message.utf8)) else {
                throw MockPlatformError.invalidTransition("push \(push.id) is not a Douyin message")
            }
            return message
        }
        return try await push(messages, to: gatewayBaseURL, timeout: timeout)
    }

    /// ``truth()``.
    public func orderTruth() -> [MockOrderTruth] { truth() }

    func wrap(_ message: DouyinPushMessage, orderId: String) -> MockPush {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = (try? encoder.encode(message)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return MockPush(platform: .douyin, shop: shopKey, id: message.msgId, orderId: orderId, message: text)
    }
}

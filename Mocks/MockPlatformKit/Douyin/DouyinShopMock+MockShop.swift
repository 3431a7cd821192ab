import Foundation
import GatewayCore

extension DouyinShopMock: MockShop {
    public var platform: Platform { .douyin }

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
        return (id, wrap(try createdMessage(orderId: id), orderId: id))
    }

    public func payOrder(orderId: String, at: Date) throws -> MockPush? { wrap(try pay(orderId: orderId, at: at), orderId: orderId) }

    public func shipOrder(orderId: String, at: Date) throws -> MockPush? { wrap(try ship(orderId: orderId, at: at), orderId: orderId) }

    public func completeOrder(orderId: String, at: Date) throws -> MockPush? { wrap(try complete(orderId: orderId, at: at), orderId: orderId) }

    public func cancelOrder(orderId: String, at: Date) throws -> MockPush? { wrap(try cancel(orderId: orderId, at: at), orderId: orderId) }

    public func requestLineRefund(orderId: String, lineId: String, at: Date) throws -> MockPush? {
        wrap(try requestRefund(orderId: orderId, lineId: lineId, at: at), orderId: orderId)
    }

    public func completeLineRefund(orderId: String, lineId: String, at: Date) throws -> MockPush? {
        wrap(try refundSucceeded(orderId: orderId, lineId: lineId, at: at), orderId: orderId)
    }

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

    public func orderTruth() -> [MockOrderTruth] { truth() }

    private func wrap(_ message: DouyinPushMessage, orderId: String) -> MockPush {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = (try? encoder.encode(message)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return MockPush(platform: .douyin, shop: shopKey, id: message.msgId, orderId: orderId, message: text)
    }
}

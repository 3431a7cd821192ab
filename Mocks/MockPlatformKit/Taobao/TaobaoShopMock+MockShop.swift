import Foundation
import GatewayCore

extension TaobaoShopMock: MockShop {
    public var platform: Platform { .taobao }

    public func placeOrder(
        lines: [MockLineSpec],
        postageFen: Int64,
        roomId: String?,
        authorId: String?,
        province: String,
        city: String,
        at: Date
    ) throws -> (orderId: String, push: MockPush?) {
        (createTrade(lines: lines, postageFen: postageFen, roomId: roomId, authorId: authorId, province: province, city: city, at: at), nil)
    }

    public func payOrder(orderId: String, at: Date) throws -> MockPush? {
        try pay(orderId: orderId, at: at)
        return nil
    }

    public func shipOrder(orderId: String, at: Date) throws -> MockPush? {
        try ship(orderId: orderId, at: at)
        return nil
    }

    public func completeOrder(orderId: String, at: Date) throws -> MockPush? {
        try finish(orderId: orderId, at: at)
        return nil
    }

    public func cancelOrder(orderId: String, at: Date) throws -> MockPush? {
        try close(orderId: orderId, at: at)
        return nil
    }

    public func requestLineRefund(orderId: String, lineId: String, at: Date) throws -> MockPush? {
        try requestRefund(orderId: orderId, lineId: lineId, at: at)
        return nil
    }

    public func completeLineRefund(orderId: String, lineId: String, at: Date) throws -> MockPush? {
        try refundSucceeded(orderId: orderId, lineId: lineId, at: at)
        return nil
    }

    public func orderLineIds(orderId: String) -> [String] { lineIds(orderId: orderId) }

    /// Taobao pushes through TMC over a WebSocket, which the mock does not serve: nothing is sent.
    public func deliver(_ pushes: [MockPush], to gatewayBaseURL: String, timeout: Duration) async throws -> MockPushResult {
        MockPushResult(status: 0, body: "taobao has no HTTP push: nothing was sent (\(pushes.count) push(es) ignored)", acknowledged: false)
    }

    public func orderTruth() -> [MockOrderTruth] { truth() }
}

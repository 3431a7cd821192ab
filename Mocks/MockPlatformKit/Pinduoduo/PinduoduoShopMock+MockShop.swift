import Foundation
import GatewayCore

extension PinduoduoShopMock: MockShop {
    public var platform: Platform { .pinduoduo }

    public func placeOrder(
        lines: [MockLineSpec],
        postageFen: Int64,
        roomId: String?,
        authorId: String?,
        province: String,
        city: String,
        at: Date
    ) throws -> (orderId: String, push: MockPush?) {
        (createOrder(lines: lines, postageFen: postageFen, roomId: roomId, authorId: authorId, province: province, city: city, at: at), nil)
    }

    /// Pays and forms the group at once (a single-buy order); see ``pay(orderId:grouped:at:)`` for a group still forming.
    public func payOrder(orderId: String, at: Date) throws -> MockPush? {
        try pay(orderId: orderId, grouped: true, at: at)
        return nil
    }

    public func shipOrder(orderId: String, at: Date) throws -> MockPush? {
        try ship(orderId: orderId, at: at)
        return nil
    }

    public func completeOrder(orderId: String, at: Date) throws -> MockPush? {
        try confirmReceipt(orderId: orderId, at: at)
        return nil
    }

    public func cancelOrder(orderId: String, at: Date) throws -> MockPush? {
        try cancel(orderId: orderId, at: at)
        return nil
    }

    /// Pinduoduo's after-sales are per order (one `refund_status` for the whole order on the wire), so a
    /// scenario's line refund becomes a refund of the whole order here.
    public func requestLineRefund(orderId: String, lineId: String, at: Date) throws -> MockPush? {
        for line in lineIds(orderId: orderId) { try requestRefund(orderId: orderId, lineId: line, at: at) }
        return nil
    }

    /// See ``requestLineRefund(orderId:lineId:at:)``: the whole order is refunded.
    public func completeLineRefund(orderId: String, lineId: String, at: Date) throws -> MockPush? {
        for line in lineIds(orderId: orderId) { try refundSucceeded(orderId: orderId, lineId: line, at: at) }
        return nil
    }

    public func orderLineIds(orderId: String) -> [String] { lineIds(orderId: orderId) }

    /// Pinduoduo pushes over a WebSocket, which the mock does not serve: nothing is sent.
    public func deliver(_ pushes: [MockPush], to gatewayBaseURL: String, timeout: Duration) async throws -> MockPushResult {
        MockPushResult(status: 0, body: "pinduoduo has no HTTP push: nothing was sent (\(pushes.count) push(es) ignored)", acknowledged: false)
    }

    public func orderTruth() -> [MockOrderTruth] { truth() }
}

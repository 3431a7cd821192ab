import AsyncHTTPClient
import Foundation
import GatewayCore
import Logging

/// The Douyin shop connector: decodes stored pushes and poll rows, fetches details, polls `order.searchList`.
public struct DouyinConnector: PlatformConnector {
    public let platform = Platform.douyin
    public let shop: String
    /// Douyin's `searchList` window limits are undocumented ([U]); one hour by update time, one minute overlap.
    public let pollPolicy = PollPolicy(maxWindowSeconds: 3600, settleSeconds: 0, overlapSeconds: 60)
    let api: DouyinAPIClient
    private static let pageSize = 100

    /// Creates a connector over an API client.
    public init(shop: String, api: DouyinAPIClient) {
        self.shop = shop
        self.api = api
    }

    public func observations(from entry: InboxEntry) throws -> [OrderObservation] {
        let payload = Data(entry.delivery.payload)
        switch entry.delivery.kind {
        case .poll:
            let order = try JSONDecoder().decode(DouyinShopOrder.self, from: payload)
            return [try observation(of: order, source: .poll, event: "douyin searchList order_status \(order.order_status.value)")]
        case .push:
            let message = try JSONDecoder().decode(DouyinPushMessage.self, from: payload)
            guard let tag = Int(message.tag.value) else { throw ConnectorError("douyin push tag \(message.tag.value) is not a number") }
            guard DouyinMapping.isOrderTag(tag) else { return [] }
            let data = try JSONDecoder().decode(DouyinPushData.self, from: Data(message.data.utf8))
            guard let orderId = data.p_id?.value, !orderId.isEmpty else {
                throw ConnectorError("douyin push tag \(tag) carries no p_id")
            }
            let eventSeconds = data.eventTime ?? entry.delivery.receivedAt.secondsSince1970
            return [
                OrderObservation(
                    key: OrderKey(platform: .douyin, shop: shop, platformOrderId: orderId),
                    source: .push,
                    event: "douyin tag \(tag) \(DouyinMapping.tagName(tag))",
                    platformUpdatedAt: Timestamp(secondsSince1970: eventSeconds),
                    status: DouyinMapping.status(tag: tag),
                    needsDetail: true
                )
            ]
        }
    }

    public func fetchOrder(platformOrderId: String) async throws -> PreparedObservation {
        let (order, raw) = try await api.orderDetail(shopOrderId: platformOrderId)
        let observation = try observation(of: order, source: .detail, event: "douyin orderDetail order_status \(order.order_status.value)")
        return PreparedObservation(observation: observation, rawPayload: raw)
    }

    public func poll(from: Timestamp, to: Timestamp) async throws -> [InboxDelivery] {
        var deliveries: [InboxDelivery] = []
        var page = 0
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let now = Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000))
        while true {
            let result = try await api.searchList(
                updateStart: from.secondsSince1970,
                updateEnd: to.secondsSince1970,
                page: page,
                size: Self.pageSize
            )
            let orders = result.shop_order_list ?? []
            for order in orders {
                deliveries.append(
                    InboxDelivery(
                        platform: .douyin,
                        shop: shop,
                        deliveryId: "poll:\(order.order_id.value):\(order.update_time?.value ?? 0)",
                        kind: .poll,
                        receivedAt: now,
                        payload: Array(try encoder.encode(order))
                    )
                )
            }
            page += 1
            if orders.isEmpty || page * Self.pageSize >= Int(result.total.value) { break }
        }
        return deliveries
    }

    private func observation(of order: DouyinShopOrder, source: ObservationSource, event: String) throws -> OrderObservation {
        let snapshot = try DouyinMapping.snapshot(order)
        return OrderObservation(
            key: OrderKey(platform: .douyin, shop: shop, platformOrderId: order.order_id.value),
            source: source,
            event: event,
            platformUpdatedAt: Timestamp(secondsSince1970: order.update_time?.value ?? order.create_time?.value ?? 0),
            snapshot: snapshot
        )
    }
}

import Foundation
import GatewayCore

/// The WeChat Channels shop connector: decodes stored pushes and poll rows, fetches `/channels/ec/order/get`,
/// polls `/channels/ec/order/list/get` by update time.
///
/// Pushes are thin (event + order id), so each asks for the order's detail. The list API returns order ids
/// only, so a poll fetches each listed order's detail and stores the full order, keyed by id and update time.
public struct WeChatChannelsConnector: PlatformConnector {
    public let platform = Platform.wechatChannels
    public let shop: String
    /// `update_time_range` may span at most 7 days ([V-3p]); one day per request with a minute of overlap.
    public let pollPolicy = PollPolicy(maxWindowSeconds: 86_400, settleSeconds: 0, overlapSeconds: 60)
    let api: WeChatChannelsAPIClient
    /// [U] `page_size` maximum is undocumented (platforms.md §9); 100 is the common ceiling.
    private static let pageSize = 100
    private static let maxPages = 10_000
    private static let detailConcurrency = 4

    /// Creates a connector over an API client.
    public init(shop: String, api: WeChatChannelsAPIClient) {
        self.shop = shop
        self.api = api
    }

    public func observations(from entry: InboxEntry) throws -> [OrderObservation] {
        let payload = Data(entry.delivery.payload)
        switch entry.delivery.kind {
        case .poll:
            let order = try JSONDecoder().decode(WeChatOrder.self, from: payload)
            return [try observation(of: order, source: .poll, event: "wechat-channels order/list/get status \(order.status.value)")]
        case .push:
            let event = try JSONDecoder().decode(WeChatChannelsEvent.self, from: payload)
            let name = event.Event ?? ""
            guard WeChatChannelsMapping.isKnownEvent(name) else { return [] }
            guard let orderId = WeChatChannelsPushReceiver.orderId(of: event) else {
                throw ConnectorError("wechat-channels \(name) event carries no order_id")
            }
            let seconds = event.CreateTime?.value ?? entry.delivery.receivedAt.secondsSince1970
            return [
                OrderObservation(
                    key: OrderKey(platform: .wechatChannels, shop: shop, platformOrderId: orderId),
                    source: .push,
                    event: "wechat-channels \(name)",
                    platformUpdatedAt: Timestamp(secondsSince1970: seconds),
                    status: WeChatChannelsMapping.status(event: name, info: event.order_info),
                    needsDetail: true
                )
            ]
        }
    }

    public func fetchOrder(platformOrderId: String) async throws -> PreparedObservation {
        let (order, raw) = try await api.order(orderId: platformOrderId)
        let observation = try observation(of: order, source: .detail, event: "wechat-channels order/get status \(order.status.value)")
        return PreparedObservation(observation: observation, rawPayload: raw)
    }

    public func poll(from: Timestamp, to: Timestamp) async throws -> [InboxDelivery] {
        let start = from.secondsSince1970
        let end = max((to.millisecondsSince1970 + 999) / 1000, start)
        var ids: [String] = []
        var seen: Set<String> = []
        var nextKey: String? = nil
        var seenKeys: Set<String> = []
        var pages = 0
        while true {
            pages += 1
            guard pages <= Self.maxPages else { throw ConnectorError("wechat-channels order/list/get kept has_more for \(Self.maxPages) pages") }
            let page = try await api.orderList(updateStart: start, updateEnd: end, pageSize: Self.pageSize, nextKey: nextKey)
            for id in page.order_id_list ?? [] where seen.insert(id.value).inserted { ids.append(id.value) }
            guard page.has_more?.value == true, let key = page.next_key, !key.isEmpty else { break }
            guard seenKeys.insert(key).inserted else { throw ConnectorError("wechat-channels order/list/get returned next_key \(key) twice") }
            nextKey = key
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let now = Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000))
        let orders = try await fetchAll(ids)
        return try orders.map { order in
            InboxDelivery(
                platform: .wechatChannels,
                shop: shop,
                deliveryId: "poll:\(order.order_id.value):\(WeChatChannelsMapping.updatedAt(order).secondsSince1970)",
                kind: .poll,
                receivedAt: now,
                payload: Array(try encoder.encode(order))
            )
        }
    }

    /// Fetches orders with a few requests in flight (the shop's rate limiter still paces them), in list order.
    private func fetchAll(_ ids: [String]) async throws -> [WeChatOrder] {
        let api = self.api
        var results = [WeChatOrder?](repeating: nil, count: ids.count)
        try await withThrowingTaskGroup(of: (Int, WeChatOrder).self) { group in
            var next = 0
            func addNext() {
                guard next < ids.count else { return }
                let index = next
                next += 1
                group.addTask { (index, try await api.order(orderId: ids[index]).0) }
            }
            for _ in 0..<min(Self.detailConcurrency, ids.count) { addNext() }
            while let (index, order) = try await group.next() {
                results[index] = order
                addNext()
            }
        }
        return results.compactMap { $0 }
    }

    private func observation(of order: WeChatOrder, source: ObservationSource, event: String) throws -> OrderObservation {
        OrderObservation(
            key: OrderKey(platform: .wechatChannels, shop: shop, platformOrderId: order.order_id.value),
            source: source,
            event: event,
            platformUpdatedAt: WeChatChannelsMapping.updatedAt(order),
            snapshot: try WeChatChannelsMapping.snapshot(order)
        )
    }
}

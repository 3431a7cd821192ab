import AsyncHTTPClient
import Foundation
import GatewayCore
import Logging

/// The Douyin shop connector: decodes stored pushes and poll rows, fetches details, polls `order.searchList`.
///
/// - ``poll(from:to:)`` lists the window's orders by update time, oldest first, **from the last page
///   backwards** (``BackwardPager``), and returns one delivery per order and update time,
///   `poll:<order_id>:<update_time in s>`, with the row exactly as Douyin sent it as payload.
/// - Why backwards: an order updated while the gateway pages through a window gets an update time after the
///   window's end, so it leaves the window and every later row moves one place towards page 0. Read forwards,
///   the row that moves across a page boundary into a page already read is missed; read backwards, rows only
///   move into pages not read yet (a row may be read twice; the deliveries are de-duplicated). Sorting oldest
///   first keeps rows that *enter* the window at its end, on the last page, which is read first — and read
///   on past, should its answer count more rows than before. Page 0 is read first (its `total` gives the last
///   page) and again last.
/// - Rows are read one by one (``PollPage``, ``PollRowDelivery``): a row the wire struct cannot decode becomes
///   its own delivery — `poll:<order_id>:<update_time>` when those two can be read, else
///   `poll:unreadable:<hash of its bytes>` — which ``observations(from:)`` refuses, so the pipeline parks it,
///   while the window succeeds and the cursor moves on.
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
            let order = try PollRowDelivery.decode(DouyinShopOrder.self, from: entry, platform: "douyin")
            return [try observation(of: order, source: .poll, event: "douyin searchList order_status \(order.order_status.value)")]
        case .push:
            let message = try JSONDecoder().decode(DouyinPushMessage.self, from: payload)
            guard let tag = Int(message.tag.value) else { throw ConnectorError("douyin push tag \(message.tag.value) is not a number") }
            guard DouyinMapping.isOrderTag(tag) else { return [] }
            let data = try JSONDecoder().decode(DouyinPushData.self, from: Data(message.data.utf8))
            guard let orderId = data.p_id?.value, !orderId.isEmpty else {
                throw ConnectorError("douyin push tag \(tag) carries no p_id")
            }
            // Bounded: a pushed time outside 2000…2100 would overflow `seconds * 1000`.
            let eventSeconds = data.eventTime.flatMap(PlausibleTime.seconds) ?? entry.delivery.receivedAt.secondsSince1970
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
        let now = api.clock.now()
        // BackwardPager numbers pages from 1 and Douyin from 0; Douyin counts on every page and has no `has_next`.
        let rows = try await BackwardPager.collect(pageSize: Self.pageSize) { page, _ in
            let result = try await api.searchList(
                updateStart: from.secondsSince1970,
                updateEnd: to.secondsSince1970,
                page: page - 1,
                size: Self.pageSize
            )
            let total = Int(result.envelope.total.value)
            return PagedResult(items: result.rows, totalCount: total, hasNext: page * Self.pageSize < total)
        }
        return PollRowDelivery.deliveries(rows, platform: .douyin, shop: shop, receivedAt: now, key: Self.pollKey)
    }

    /// A list row's `<order_id>:<update_time in s>`: from the decoded order (0 without `update_time`), or for a
    /// row that does not decode from `order_id` and `update_time` alone; `nil` when those cannot be read either.
    static func pollKey(_ row: RawJSON) -> String? {
        if let order = try? row.decode(DouyinShopOrder.self) {
            return "\(order.order_id.value):\(order.update_time?.value ?? 0)"
        }
        guard let id = row["order_id"]?.scalarText, !id.isEmpty,
            let updated = row["update_time"]?.scalarText.flatMap({ Int64($0) })
        else { return nil }
        return "\(id):\(updated)"
    }

    private func observation(of order: DouyinShopOrder, source: ObservationSource, event: String) throws -> OrderObservation {
        let snapshot = try DouyinMapping.snapshot(order)
        return OrderObservation(
            key: OrderKey(platform: .douyin, shop: shop, platformOrderId: order.order_id.value),
            source: source,
            event: event,
            platformUpdatedAt: PlausibleTime.saturatingTimestamp(seconds: order.update_time?.value ?? order.create_time?.value ?? 0),
            snapshot: snapshot
        )
    }
}

import Foundation
import GatewayCore

/// The Pinduoduo connector: poll-only (PDD pushes over a WebSocket, which this gateway does not open).
///
/// - ``poll(from:to:)`` reads `pdd.order.number.list.increment.get` for the window — split into
///   spans of at most 30 minutes, in whole Unix seconds — from the last page backwards
///   (``BackwardPager``), and returns one delivery per order and update time,
///   `poll:<order_sn>:<updated_at in ms>`. The scheduler keeps every window's end at least
///   `settleSeconds` (180) behind the present, as PDD requires (end ≤ server time − 3 min).
/// - Rows are read one by one (``PollPage``, ``PollRowDelivery``): a row the wire struct cannot decode
///   becomes its own delivery — `poll:<order_sn>:<updated_at in ms>` when those two can be read, else
///   `poll:unreadable:<hash of its bytes>` — which ``observations(from:)`` refuses, so the pipeline parks
///   it, while the window succeeds and the cursor moves on.
/// - A list row is a whole order (platforms.md §3.1 [V]), so its delivery decodes to a **full**
///   observation. Should the platform ever send a row without status codes or lines, the observation
///   is thin (`needsDetail`), and the pipeline fetches `pdd.order.information.get`.
/// - A delivery's payload is the list row exactly as PDD sent it, which ``observations(from:)`` decodes.
/// - Livestream attribution: PDD's order APIs carry none (platforms.md §3.1), so `liveRoomId` and
///   `authorId` stay empty.
public struct PinduoduoConnector: PlatformConnector {
    public let platform = Platform.pinduoduo
    public let shop: String
    /// Windows of at most 30 minutes, ending at least 3 minutes before now, overlapping by one minute.
    public let pollPolicy = PollPolicy(maxWindowSeconds: 1800, settleSeconds: 180, overlapSeconds: 60)
    let api: PinduoduoAPIClient
    /// Rows per page (PDD's maximum).
    static let pageSize = 100

    /// Creates a connector over an API client.
    public init(shop: String, api: PinduoduoAPIClient) {
        self.shop = shop
        self.api = api
    }

    public func observations(from entry: InboxEntry) throws -> [OrderObservation] {
        switch entry.delivery.kind {
        case .poll:
            let order = try PollRowDelivery.decode(PinduoduoOrder.self, from: entry, platform: "pinduoduo")
            return [try observation(of: order, source: .poll, event: "pinduoduo increment \(PinduoduoMapping.platformStatus(order))")]
        case .push:
            throw ConnectorError("pinduoduo pushes arrive over WebSocket, not HTTP; delivery \(entry.delivery.deliveryId) cannot be read")
        }
    }

    public func fetchOrder(platformOrderId: String) async throws -> PreparedObservation {
        let (order, raw) = try await api.orderInformation(orderSn: platformOrderId)
        guard PinduoduoMapping.isFull(order) else {
            throw ConnectorError("pinduoduo order_info for \(platformOrderId) carries no order_status or item_list")
        }
        let observation = try observation(of: order, source: .detail, event: "pinduoduo order_info \(PinduoduoMapping.platformStatus(order))")
        return PreparedObservation(observation: observation, rawPayload: raw)
    }

    public func poll(from: Timestamp, to: Timestamp) async throws -> [InboxDelivery] {
        let receivedAt = api.clock.now()
        var rows: [RawJSON] = []
        for (start, end) in PollWindow.spans(from: from.secondsSince1970, to: to.secondsSince1970, maxSeconds: pollPolicy.maxWindowSeconds) {
            rows += try await BackwardPager.collect(pageSize: Self.pageSize) { page, useHasNext in
                let result = try await api.incrementPage(start: start, end: end, page: page, pageSize: Self.pageSize, useHasNext: useHasNext)
                return PagedResult(
                    items: result.rows,
                    totalCount: result.envelope.total_count.map { Int($0.value) },
                    hasNext: result.envelope.has_next?.value
                )
            }
        }
        return PollRowDelivery.deliveries(rows, platform: .pinduoduo, shop: shop, receivedAt: receivedAt, key: Self.pollKey)
    }

    /// A list row's `<order_sn>:<update time in ms>`: from the decoded order (its `updated_at`, else its latest
    /// other time, else 0), or for a row that does not decode from `order_sn` and `updated_at` alone; `nil` when
    /// those cannot be read either.
    static func pollKey(_ row: RawJSON) -> String? {
        if let order = try? row.decode(PinduoduoOrder.self) {
            return "\(order.order_sn.value):\(PinduoduoMapping.updatedAt(order)?.millisecondsSince1970 ?? 0)"
        }
        guard let sn = row["order_sn"]?.scalarText, !sn.isEmpty,
            let updated = PinduoduoMapping.time(row["updated_at"]?.scalarText.map(FlexibleString.init))
        else { return nil }
        return "\(sn):\(updated.millisecondsSince1970)"
    }

    private func observation(of order: PinduoduoOrder, source: ObservationSource, event: String) throws -> OrderObservation {
        let key = OrderKey(platform: .pinduoduo, shop: shop, platformOrderId: order.order_sn.value)
        let updated = PinduoduoMapping.updatedAt(order) ?? Timestamp(millisecondsSince1970: 0)
        guard PinduoduoMapping.isFull(order) else {
            return OrderObservation(
                key: key,
                source: source,
                event: event,
                platformUpdatedAt: updated,
                status: PinduoduoMapping.status(order),
                needsDetail: true
            )
        }
        return OrderObservation(key: key, source: source, event: event, platformUpdatedAt: updated, snapshot: try PinduoduoMapping.snapshot(order))
    }
}

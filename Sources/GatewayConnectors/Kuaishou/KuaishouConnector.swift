import Foundation
import GatewayCore

/// The Kuaishou shop connector: decodes stored pushes and poll rows, fetches `open.order.detail`,
/// polls `open.order.cursor.list` by update time.
///
/// Pushes are thin (`info` carries the order id, a status and an update time), so each asks for the
/// order's detail. Poll rows are full orders, one delivery each, `poll:<oid>:<update time in ms>`, with the
/// row exactly as Kuaishou sent it as payload.
///
/// Rows are read one by one (``PollPage``, ``PollRowDelivery``): a row the wire struct cannot decode becomes
/// its own delivery — `poll:<oid>:<updateTime>` when those two can be read, else `poll:unreadable:<hash of its
/// bytes>` — which ``observations(from:)`` refuses, so the pipeline parks it, while the window succeeds.
public struct KuaishouConnector: PlatformConnector {
    public let platform = Platform.kuaishou
    public let shop: String
    /// [U] Kuaishou's window limit is undocumented (platforms.md §9; one SDK says ≤ 7 days, §8 suggests ≤ 1 day):
    /// one hour by update time with a minute of overlap stays well inside any of those.
    public let pollPolicy = PollPolicy(maxWindowSeconds: 3600, settleSeconds: 0, overlapSeconds: 60)
    let api: KuaishouAPIClient
    private static let pageSize = 100
    /// A guard against a server whose cursor never reaches `nomore`.
    private static let maxPages = 10_000

    /// Creates a connector over an API client.
    public init(shop: String, api: KuaishouAPIClient) {
        self.shop = shop
        self.api = api
    }

    public func observations(from entry: InboxEntry) throws -> [OrderObservation] {
        let payload = Data(entry.delivery.payload)
        switch entry.delivery.kind {
        case .poll:
            let order = try PollRowDelivery.decode(KuaishouOrder.self, from: entry, platform: "kuaishou")
            return [try observation(of: order, source: .poll, event: "kuaishou cursor.list status \(order.orderBaseInfo.status.value)")]
        case .push:
            let message = try JSONDecoder().decode(KuaishouPushMessage.self, from: payload)
            if message.test == true { return [] }
            let event = message.event ?? ""
            guard KuaishouMapping.isKnownEvent(event) else { return [] }
            let info = message.info?.value
            let isOrderEvent = event.hasPrefix("kwaishop_order_")
            guard
                let orderId = [info?.oid?.value, isOrderEvent ? message.bizId?.value : nil].lazy.compactMap({ $0 }).first(where: {
                    !$0.isEmpty && $0 != "0"
                })
            else {
                throw ConnectorError("kuaishou \(event) message carries no order id (info.oid\(isOrderEvent ? " or bizId" : ""))")
            }
            // An after-sale event's `status` is a refund status, not an order status: only order events give a hint.
            let statusCode = isOrderEvent ? (info?.status?.value ?? message.status?.value) : nil
            let status = statusCode.flatMap(KuaishouMapping.status(code:)) ?? KuaishouMapping.status(event: event)
            let updated = [info?.updateTime?.value, message.updateTime?.value, info?.createTime?.value, message.createTime?.value]
                .lazy.compactMap { $0 }.first { $0 > 0 }
            return [
                OrderObservation(
                    key: OrderKey(platform: .kuaishou, shop: shop, platformOrderId: orderId),
                    source: .push,
                    event: "kuaishou \(event)",
                    platformUpdatedAt: updated.map { Timestamp(millisecondsSince1970: $0) } ?? entry.delivery.receivedAt,
                    status: status,
                    needsDetail: true
                )
            ]
        }
    }

    public func fetchOrder(platformOrderId: String) async throws -> PreparedObservation {
        let (order, raw) = try await api.orderDetail(oid: platformOrderId)
        let observation = try observation(of: order, source: .detail, event: "kuaishou order.detail status \(order.orderBaseInfo.status.value)")
        return PreparedObservation(observation: observation, rawPayload: raw)
    }

    public func poll(from: Timestamp, to: Timestamp) async throws -> [InboxDelivery] {
        var rows: [RawJSON] = []
        var cursor = ""
        var seenCursors: Set<String> = []
        let now = api.clock.now()
        for _ in 0..<Self.maxPages {
            let page = try await api.cursorList(
                beginMilliseconds: from.millisecondsSince1970,
                endMilliseconds: to.millisecondsSince1970,
                cursor: cursor,
                pageSize: Self.pageSize
            )
            rows += page.rows
            let next = page.envelope.cursor ?? ""
            if next.isEmpty || next == "nomore" {
                return PollRowDelivery.deliveries(rows, platform: .kuaishou, shop: shop, receivedAt: now, key: Self.pollKey)
            }
            guard seenCursors.insert(next).inserted else {
                throw ConnectorError("kuaishou cursor.list returned cursor \(next) twice; stopping this window")
            }
            cursor = next
        }
        throw ConnectorError("kuaishou cursor.list did not reach \"nomore\" within \(Self.maxPages) pages")
    }

    /// A list row's `<oid>:<update time in ms>`: from the decoded order (its `updateTime`, else its latest other
    /// time, else 0), or for a row that does not decode from `orderBaseInfo.oid` and `orderBaseInfo.updateTime`
    /// alone; `nil` when those cannot be read either.
    static func pollKey(_ row: RawJSON) -> String? {
        if let order = try? row.decode(KuaishouOrder.self) {
            return "\(order.orderBaseInfo.oid.value):\(KuaishouMapping.updatedAt(order).millisecondsSince1970)"
        }
        let base = row["orderBaseInfo"]
        guard let oid = base?["oid"]?.scalarText, !oid.isEmpty,
            let updated = base?["updateTime"]?.scalarText.flatMap({ Int64($0) }), updated > 0
        else { return nil }
        return "\(oid):\(updated)"
    }

    private func observation(of order: KuaishouOrder, source: ObservationSource, event: String) throws -> OrderObservation {
        OrderObservation(
            key: OrderKey(platform: .kuaishou, shop: shop, platformOrderId: order.orderBaseInfo.oid.value),
            source: source,
            event: event,
            platformUpdatedAt: KuaishouMapping.updatedAt(order),
            snapshot: try KuaishouMapping.snapshot(order)
        )
    }
}

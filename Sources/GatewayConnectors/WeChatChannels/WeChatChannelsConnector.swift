import Foundation
import GatewayCore

/// The WeChat Channels shop connector: decodes stored pushes and poll rows, fetches `/channels/ec/order/get`,
/// polls `/channels/ec/order/list/get` by update time.
///
/// Pushes are thin (event + order id), so each asks for the order's detail. The list API returns order ids
/// only, so a poll fetches each listed order's detail and stores the full order (the `order` of the answer,
/// as WeChat sent it), keyed by id and update time: `poll:<order_id>:<update_time in s>`.
///
/// One order never fails a poll window (issue #11 finding 5); only a failing list call does:
/// - a list row that is not an order id is stored as it is, `poll:unreadable:<hash of its bytes>`, and
///   ``observations(from:)`` refuses it, so the pipeline parks it;
/// - an order whose detail cannot be fetched or read during the poll is stored **thin**
///   (``WeChatListedOrder``, `poll:<order_id>:listed:<window start>-<window end>`): its observation asks for
///   the detail, which the inbox processor fetches with its per-shop back-off, exactly like a push's.
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
            if (try? RawJSON(parsing: entry.delivery.payload))?["listed_order_id"] != nil {
                let listed = try PollRowDelivery.decode(WeChatListedOrder.self, from: entry, platform: "wechat-channels")
                // The order changed at some time in the window: its start is a lower bound that never overstates it.
                return [
                    OrderObservation(
                        key: OrderKey(platform: .wechatChannels, shop: shop, platformOrderId: listed.listed_order_id.value),
                        source: .poll,
                        event: "wechat-channels order/list/get (detail not fetched while polling)",
                        platformUpdatedAt: PlausibleTime.saturatingTimestamp(seconds: listed.update_time_range.start_time.value),
                        needsDetail: true
                    )
                ]
            }
            let order = try PollRowDelivery.decode(WeChatOrder.self, from: entry, platform: "wechat-channels")
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
                    platformUpdatedAt: PlausibleTime.saturatingTimestamp(seconds: seconds),
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
        var rows: [RawJSON] = []
        var nextKey: String? = nil
        var seenKeys: Set<String> = []
        var pages = 0
        while true {
            pages += 1
            guard pages <= Self.maxPages else { throw ConnectorError("wechat-channels order/list/get kept has_more for \(Self.maxPages) pages") }
            let page = try await api.orderList(updateStart: start, updateEnd: end, pageSize: Self.pageSize, nextKey: nextKey)
            rows += page.rows
            guard page.envelope.has_more?.value == true, let key = page.envelope.next_key, !key.isEmpty else { break }
            guard seenKeys.insert(key).inserted else { throw ConnectorError("wechat-channels order/list/get returned next_key \(key) twice") }
            nextKey = key
        }
        let listed = rows.map { (row: $0, id: Self.listedOrderId($0)) }
        var ids: [String] = []
        var seenIds: Set<String> = []
        for case let id? in listed.map(\.id) where seenIds.insert(id).inserted { ids.append(id) }
        let details = Dictionary(uniqueKeysWithValues: zip(ids, await fetchAll(ids)))
        try Task.checkCancellation()

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let now = api.clock.now()
        var deliveries: [InboxDelivery] = []
        var seen: Set<String> = []
        for (row, id) in listed {
            let deliveryId: String
            let payload: [UInt8]
            switch id.flatMap({ details[$0] }) {
            case nil:
                deliveryId = PollRowDelivery.unreadableDeliveryId(row)
                payload = row.bytes
            case .success(let (order, raw))?:
                deliveryId = "poll:\(order.order_id.value):\(WeChatChannelsMapping.updatedAt(order).secondsSince1970)"
                payload = try (try? RawJSON(parsing: raw))?["order"]?.bytes ?? Array(encoder.encode(order))
            case .failure(let error)?:
                let listedId = id ?? ""
                deliveryId = "poll:\(listedId):listed:\(start)-\(end)"
                let thin = WeChatListedOrder(
                    listed_order_id: FlexibleString(listedId),
                    update_time_range: WeChatTimeRange(start_time: FlexibleInt(start), end_time: FlexibleInt(end)),
                    detail_error: String("\(error)".prefix(500))
                )
                payload = Array(try encoder.encode(thin))
            }
            guard seen.insert(deliveryId).inserted else { continue }
            deliveries.append(
                InboxDelivery(platform: .wechatChannels, shop: shop, deliveryId: deliveryId, kind: .poll, receivedAt: now, payload: payload)
            )
        }
        return deliveries
    }

    /// The order id a list row names: a non-empty string or a number; `nil` for anything else, which is stored
    /// as it is (`poll:unreadable:…`) to be parked.
    static func listedOrderId(_ row: RawJSON) -> String? {
        guard row.kind == .string || row.kind == .number, let id = row.scalarText, !id.isEmpty else { return nil }
        return id
    }

    /// Fetches orders with a few requests in flight (the shop's rate limiter still paces them), in list order;
    /// each with its answer's text, or the error that stopped it.
    ///
    /// Written without a nested function that captures the task group: that form (adding the next task from a
    /// local `func`) trapped with "Index out of range" on a one-id page in the optimised, sanitised fuzz build
    /// (RELIABILITY.md, `wechat-poll`), and answers are now collected by index, so no subscript can trap.
    private func fetchAll(_ ids: [String]) async -> [Result<(WeChatOrder, String), any Error>] {
        let api = self.api
        let fetch: @Sendable (Int) async -> (Int, Result<(WeChatOrder, String), any Error>) = { index in
            do {
                return (index, .success(try await api.order(orderId: ids[index])))
            } catch {
                return (index, .failure(error))
            }
        }
        var answers: [Int: Result<(WeChatOrder, String), any Error>] = [:]
        await withTaskGroup(of: (Int, Result<(WeChatOrder, String), any Error>).self) { group in
            var started = 0
            while started < ids.count, started < Self.detailConcurrency {
                let index = started
                group.addTask { await fetch(index) }
                started += 1
            }
            while let (index, result) = await group.next() {
                answers[index] = result
                if started < ids.count {
                    let index = started
                    group.addTask { await fetch(index) }
                    started += 1
                }
            }
        }
        return ids.indices.map { answers[$0] ?? .failure(CancellationError()) }
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

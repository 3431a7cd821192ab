import Foundation
import GatewayCore

/// The Taobao/Tmall connector: poll-only (TOP pushes over the TMC WebSocket, which this gateway does not open).
///
/// - ``poll(from:to:)`` reads `taobao.trades.sold.increment.get` for the window — split into spans
///   of at most 30 minutes (TOP allows one day and recommends 30 minutes), times sent as Beijing
///   `yyyy-MM-dd HH:mm:ss` in whole seconds — from the last page backwards (``BackwardPager``), and
///   returns one delivery per trade and update time, `poll:<tid>:<modified in ms>`.
/// - Rows are read one by one (``PollPage``, ``PollRowDelivery``): a row the wire struct cannot decode
///   becomes its own delivery — `poll:<tid>:<modified in ms>` when those two can be read, else
///   `poll:unreadable:<hash of its bytes>` — which ``observations(from:)`` refuses, so the pipeline parks
///   it, while the window succeeds and the cursor moves on.
/// - The list returns partial trade data (platforms.md §4.1), so a poll delivery decodes to a **thin**
///   observation: the status hint its `status` implies, `modified` as the update time, and
///   `needsDetail: true`. The pipeline then calls ``fetchOrder(platformOrderId:)``
///   (`taobao.trade.fullinfo.get`, rate-limited per shop) for the full snapshot. This keeps polling
///   cheap during a burst and leaves detail fetches to the pipeline's deferral and retry.
/// - A delivery's payload is the list row exactly as TOP sent it, which ``observations(from:)`` decodes.
/// - Livestream attribution: TOP's trade fields in platforms.md carry none, so `liveRoomId` and
///   `authorId` stay empty.
public struct TaobaoConnector: PlatformConnector {
    public let platform = Platform.taobao
    public let shop: String
    /// Windows of at most 30 minutes (TOP allows up to a day), overlapping by one minute.
    public let pollPolicy = PollPolicy(maxWindowSeconds: 1800, settleSeconds: 0, overlapSeconds: 60)
    let api: TaobaoAPIClient
    /// Rows per page (TOP recommends 40–50; 100 is the maximum).
    static let pageSize = 50

    /// Creates a connector over an API client.
    public init(shop: String, api: TaobaoAPIClient) {
        self.shop = shop
        self.api = api
    }

    public func observations(from entry: InboxEntry) throws -> [OrderObservation] {
        switch entry.delivery.kind {
        case .poll:
            let trade = try PollRowDelivery.decode(TaobaoTrade.self, from: entry, platform: "taobao")
            let tid = TaobaoMapping.tradeId(trade)
            return [
                OrderObservation(
                    key: OrderKey(platform: .taobao, shop: shop, platformOrderId: tid),
                    source: .poll,
                    event: "taobao increment \(trade.status ?? "status unknown")",
                    platformUpdatedAt: TaobaoMapping.updatedAt(trade) ?? entry.delivery.receivedAt,
                    status: trade.status.flatMap { TaobaoMapping.status($0) },
                    needsDetail: true
                )
            ]
        case .push:
            throw ConnectorError("taobao pushes arrive over the TMC WebSocket, not HTTP; delivery \(entry.delivery.deliveryId) cannot be read")
        }
    }

    public func fetchOrder(platformOrderId: String) async throws -> PreparedObservation {
        let (trade, raw) = try await api.fullInfo(tid: platformOrderId)
        let snapshot = try TaobaoMapping.snapshot(trade)
        let observation = OrderObservation(
            key: OrderKey(platform: .taobao, shop: shop, platformOrderId: TaobaoMapping.tradeId(trade)),
            source: .detail,
            event: "taobao fullinfo \(snapshot.platformStatus)",
            platformUpdatedAt: TaobaoMapping.updatedAt(trade) ?? snapshot.createdAt,
            snapshot: snapshot
        )
        return PreparedObservation(observation: observation, rawPayload: raw)
    }

    public func poll(from: Timestamp, to: Timestamp) async throws -> [InboxDelivery] {
        let receivedAt = api.clock.now()
        var rows: [RawJSON] = []
        let spans = PollWindow.spans(from: from.secondsSince1970, to: to.secondsSince1970, maxSeconds: pollPolicy.maxWindowSeconds)
        for (start, end) in spans {
            rows += try await BackwardPager.collect(pageSize: Self.pageSize) { page, useHasNext in
                let result = try await api.incrementPage(
                    start: Timestamp(secondsSince1970: start),
                    end: Timestamp(secondsSince1970: end),
                    page: page,
                    pageSize: Self.pageSize,
                    useHasNext: useHasNext
                )
                return PagedResult(
                    items: result.rows,
                    totalCount: result.envelope.total_results.map { Int($0.value) },
                    hasNext: result.envelope.has_next?.value
                )
            }
        }
        return PollRowDelivery.deliveries(rows, platform: .taobao, shop: shop, receivedAt: receivedAt, key: Self.pollKey)
    }

    /// A list row's `<tid>:<update time in ms>`: from the decoded trade (`tid_str` else `tid`; `modified`, else
    /// `created`, else 0), or for a row that does not decode from those fields alone (`modified` only); `nil`
    /// when they cannot be read either.
    static func pollKey(_ row: RawJSON) -> String? {
        if let trade = try? row.decode(TaobaoTrade.self) {
            return "\(TaobaoMapping.tradeId(trade)):\(TaobaoMapping.updatedAt(trade)?.millisecondsSince1970 ?? 0)"
        }
        guard let tid = [row["tid_str"]?.scalarText, row["tid"]?.scalarText].lazy.compactMap({ $0 }).first(where: { !$0.isEmpty }),
            let modified = TaobaoMapping.time(row["modified"]?.scalarText)
        else { return nil }
        return "\(tid):\(modified.millisecondsSince1970)"
    }
}

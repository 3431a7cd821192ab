import GatewayCore

/// How many deliveries told the gateway nothing new, per order (issue #14 target 5: at most 2 on the default demo).
///
/// A repeat is a delivery that reached the inbox although the gateway already held what it says: one absorbed at
/// the append (the same delivery id again: a platform's repeated push, a poll row read again), or one processed
/// that changed no order (each of its observations — a push and the detail it fetched count as one delivery — merged
/// as `duplicate` or `stale`). Poll rows dropped before the inbox because the order already holds them
/// (`gateway_poll_rows_skipped_total`) cost nothing and are not repeats. The observations merged as `duplicate` and
/// `stale` are shown beside it.
struct DemoRepeats: Equatable {
    /// Deliveries absorbed at the append.
    var absorbedAtInbox: Int
    /// Processed deliveries that changed no order.
    var unchanged: Int
    /// Observations merged as `duplicate`.
    var duplicates: Int
    /// Observations merged as `stale`.
    var stale: Int
    /// Orders the gateway holds.
    var orders: Int

    /// - Parameter unchanged: processed deliveries that changed no order (``GatewayCore/OrderStore/deliveriesWithoutChange()``);
    ///   `nil`: counted as the observations merged as `duplicate` or `stale` (one delivery may have two).
    init(statistics: OrderStatistics, inbox: InboxCounts, unchanged: Int?) {
        absorbedAtInbox = max(0, inbox.duplicatesAbsorbed)
        duplicates = max(0, statistics.decisions[.duplicate, default: 0])
        stale = max(0, statistics.decisions[.stale, default: 0])
        orders = max(0, statistics.totalOrders)
        self.unchanged = max(0, unchanged ?? duplicates.addingReportingOverflow(stale).partialValue)
    }

    /// Every repeat.
    var total: Int { absorbedAtInbox.addingReportingOverflow(unchanged).partialValue }

    /// Repeats per order (0 without orders).
    var perOrder: Double { orders == 0 ? 0 : Double(total) / Double(orders) }

    /// The summary line.
    var line: String {
        let ratio = (perOrder * 100).rounded() / 100
        return "repeats per order: \(ratio) (\(total) deliveries told nothing new over \(orders) orders: \(absorbedAtInbox) absorbed at "
            + "the inbox, \(unchanged) processed without change — observations \(duplicates) duplicate, \(stale) stale; target ≤ 2)"
    }
}

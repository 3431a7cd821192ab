import GatewayCore

/// How many deliveries told the gateway nothing new, per order (issue #14 target 5: at most 2 on the default demo).
///
/// A repeat is a delivery that reached the inbox although the gateway already held what it says: one absorbed at
/// the append (the same delivery id again: a platform's repeated push, a poll row read again), or one processed
/// whose merge decision was `duplicate` (the same facts under a new id) or `stale` (older than what the order
/// shows). Poll rows dropped before the inbox because the order at that update time is already held
/// (`gateway_poll_rows_skipped_total`) cost nothing and are not repeats.
struct DemoRepeats: Equatable {
    /// Deliveries absorbed at the append.
    var absorbedAtInbox: Int
    /// Deliveries processed with decision `duplicate`.
    var duplicates: Int
    /// Deliveries processed with decision `stale`.
    var stale: Int
    /// Orders the gateway holds.
    var orders: Int

    init(statistics: OrderStatistics, inbox: InboxCounts) {
        absorbedAtInbox = max(0, inbox.duplicatesAbsorbed)
        duplicates = max(0, statistics.decisions[.duplicate, default: 0])
        stale = max(0, statistics.decisions[.stale, default: 0])
        orders = max(0, statistics.totalOrders)
    }

    /// Every repeat.
    var total: Int { absorbedAtInbox.addingReportingOverflow(duplicates).partialValue.addingReportingOverflow(stale).partialValue }

    /// Repeats per order (0 without orders).
    var perOrder: Double { orders == 0 ? 0 : Double(total) / Double(orders) }

    /// The summary line.
    var line: String {
        let ratio = (perOrder * 100).rounded() / 100
        return "repeats per order: \(ratio) (\(total) deliveries told nothing new over \(orders) orders: \(absorbedAtInbox) absorbed at "
            + "the inbox, \(duplicates) duplicate, \(stale) stale; target ≤ 2)"
    }
}

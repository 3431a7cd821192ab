import GatewayCore

/// What a master-data change did (`ChangeSummary`): rows changed per kind, held orders re-run, exceptions resolved.
struct ChangeSummaryResponse: Encodable, Sendable {
    /// Rows changed per kind (`skus`, `warehouses`, `sku_mappings`, `stock`, `supply_lots`, …).
    var changed: [String: Int]
    var ordersRerun: Int
    var exceptionsResolved: Int

    init(_ summary: MasterDataChangeSummary) {
        changed = summary.changed
        ordersRerun = summary.ordersRerun
        exceptionsResolved = summary.exceptionsResolved
    }
}

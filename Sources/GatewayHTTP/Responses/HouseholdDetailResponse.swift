import GatewayCore

/// A household with its ledger for a period (`HouseholdDetail`).
struct HouseholdDetailResponse: Encodable, Sendable {
    /// What the household supplied and is owed.
    struct Ledger: Encodable, Sendable {
        var from: String?
        var to: String?
        var suppliedGrams: Int64
        var incomeFen: Int64
        var parcels: Int
        var refundedAfterShipmentGrams: Int64
        var paid: Bool
    }

    var household: HouseholdResponse
    /// The month (`yyyy-MM`) whose payment `ledger.paid` tells.
    var period: String
    var ledger: Ledger

    init(household: Household, period: String, ledger: HouseholdLedger) {
        self.household = HouseholdResponse(household)
        self.period = period
        self.ledger = Ledger(
            from: ledger.from,
            to: ledger.to,
            suppliedGrams: ledger.grams,
            incomeFen: ledger.incomeFen,
            parcels: ledger.allocations,
            refundedAfterShipmentGrams: ledger.refundedAfterShipmentGrams,
            paid: ledger.paid
        )
    }
}

/// What one household supplied and earned in a period: the figures the household sees.
///
/// Reversed allocations are left out; allocations refunded after shipment count (the household keeps
/// the income) and are also shown separately.
public struct HouseholdLedger: Sendable, Hashable, Codable {
    /// The household.
    public var householdId: String
    /// First day of the period (`yyyy-MM-dd`, inclusive); `nil` = open.
    public var from: String?
    /// Last day of the period (`yyyy-MM-dd`, inclusive); `nil` = open.
    public var to: String?
    /// Grams supplied.
    public var grams: Int64
    /// Income due, fen.
    public var incomeFen: Int64
    /// Allocations counted.
    public var allocations: Int
    /// Grams of allocations whose orders were refunded after shipment (included in `grams`).
    public var refundedAfterShipmentGrams: Int64
    /// Whether the income for the period has been paid (passed in by the caller).
    public var paid: Bool

    /// Creates a ledger entry.
    public init(
        householdId: String,
        from: String?,
        to: String?,
        grams: Int64,
        incomeFen: Int64,
        allocations: Int,
        refundedAfterShipmentGrams: Int64,
        paid: Bool
    ) {
        self.householdId = householdId
        self.from = from
        self.to = to
        self.grams = grams
        self.incomeFen = incomeFen
        self.allocations = allocations
        self.refundedAfterShipmentGrams = refundedAfterShipmentGrams
        self.paid = paid
    }

    /// The ledger of one household over records (records of other households are ignored).
    public static func make(householdId: String, records: [AllocationRecord], from: String?, to: String?, paid: Bool) -> HouseholdLedger {
        var ledger = HouseholdLedger(
            householdId: householdId,
            from: from,
            to: to,
            grams: 0,
            incomeFen: 0,
            allocations: 0,
            refundedAfterShipmentGrams: 0,
            paid: paid
        )
        for record in records where record.allocation.householdId == householdId {
            ledger.add(record)
        }
        return ledger
    }

    /// The ledgers of every household with counted records in the period, sorted by household id.
    /// - Parameter paidHouseholds: the households whose income for the period has been paid.
    public static func all(records: [AllocationRecord], from: String?, to: String?, paidHouseholds: Set<String>) -> [HouseholdLedger] {
        var ledgers: [String: HouseholdLedger] = [:]
        for record in records where record.counts && record.isWithin(from: from, to: to) {
            let id = record.allocation.householdId
            var ledger =
                ledgers[id]
                ?? HouseholdLedger(
                    householdId: id,
                    from: from,
                    to: to,
                    grams: 0,
                    incomeFen: 0,
                    allocations: 0,
                    refundedAfterShipmentGrams: 0,
                    paid: paidHouseholds.contains(id)
                )
            ledger.add(record)
            ledgers[id] = ledger
        }
        return ledgers.values.sorted { $0.householdId < $1.householdId }
    }

    private mutating func add(_ record: AllocationRecord) {
        guard record.counts, record.isWithin(from: from, to: to) else { return }
        grams += record.allocation.grams
        incomeFen += record.allocation.incomeFen
        allocations += 1
        if record.refundedAfterShipment { refundedAfterShipmentGrams += record.allocation.grams }
    }
}

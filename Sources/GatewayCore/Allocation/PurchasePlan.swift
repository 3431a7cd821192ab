/// An enterprise's daily purchase plan: for each household and lot, how much to collect on the day —
/// what the enterprise's buyers take to the villages.
///
/// Reversed allocations are left out; allocations refunded after shipment stay (the produce was bought).
/// Lines are sorted by village, then household id, then lot id.
public struct PurchasePlan: Sendable, Hashable, Codable {
    /// The enterprise.
    public var enterpriseId: String
    /// The day, `yyyy-MM-dd`.
    public var date: String
    /// The lines.
    public var lines: [PurchasePlanLine]

    /// Creates a plan.
    public init(enterpriseId: String, date: String, lines: [PurchasePlanLine]) {
        self.enterpriseId = enterpriseId
        self.date = date
        self.lines = lines
    }

    /// Total grams to collect.
    public var totalGrams: Int64 { lines.reduce(0) { $0 + $1.grams } }

    /// Total amount to pay, fen.
    public var totalAmountFen: Int64 { lines.reduce(0) { $0 + $1.amountFen } }

    /// Builds the plan of one enterprise and day from records.
    /// - Parameters:
    ///   - enterpriseId: the enterprise (other records are ignored).
    ///   - date: the day (other days' records are ignored).
    ///   - records: allocation records.
    ///   - households: households by id, for village and name (an unknown household gets empty ones).
    public static func make(enterpriseId: String, date: String, records: [AllocationRecord], households: [String: Household]) -> PurchasePlan {
        struct Key: Hashable {
            var householdId: String
            var lotId: String
        }
        var lines: [Key: PurchasePlanLine] = [:]
        for record in records where record.enterpriseId == enterpriseId && record.date == date && record.counts {
            let allocation = record.allocation
            let key = Key(householdId: allocation.householdId, lotId: allocation.lotId)
            if lines[key] == nil {
                let household = households[allocation.householdId]
                lines[key] = PurchasePlanLine(
                    village: household?.village ?? "",
                    householdId: allocation.householdId,
                    householdName: household?.name ?? "",
                    lotId: allocation.lotId,
                    product: record.product,
                    grade: record.grade,
                    grams: 0,
                    amountFen: 0
                )
            }
            lines[key]?.grams += allocation.grams
            lines[key]?.amountFen += allocation.incomeFen
        }
        let sorted = lines.values.sorted { left, right in
            if left.village != right.village { return left.village < right.village }
            if left.householdId != right.householdId { return left.householdId < right.householdId }
            return left.lotId < right.lotId
        }
        return PurchasePlan(enterpriseId: enterpriseId, date: date, lines: sorted)
    }
}

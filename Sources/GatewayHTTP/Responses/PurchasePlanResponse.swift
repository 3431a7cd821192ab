import GatewayCore

/// What an enterprise collects from each household on a day (`PurchasePlan`).
struct PurchasePlanResponse: Encodable, Sendable {
    /// One household's lot.
    struct Line: Encodable, Sendable {
        var village: String
        var householdId: String
        var householdName: String
        var lotId: String
        var product: String
        var grade: String
        var weightGrams: Int64
        var amountFen: Int64
    }

    var enterpriseId: String
    var day: String
    var totalGrams: Int64
    var totalAmountFen: Int64
    var lines: [Line]

    init(_ plan: PurchasePlan) {
        enterpriseId = plan.enterpriseId
        day = plan.date
        totalGrams = plan.totalGrams
        totalAmountFen = plan.totalAmountFen
        lines = plan.lines.map {
            Line(
                village: $0.village,
                householdId: $0.householdId,
                householdName: $0.householdName,
                lotId: $0.lotId,
                product: $0.product,
                grade: $0.grade,
                weightGrams: $0.grams,
                amountFen: $0.amountFen
            )
        }
    }

    /// The CSV columns (the keys of `lines[]`).
    static let csvColumns = ["village", "household_id", "household_name", "lot_id", "product", "grade", "weight_grams", "amount_fen"]
}

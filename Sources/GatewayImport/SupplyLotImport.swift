import GatewayCore

/// Imports households' supply lots from CSV, all or nothing.
///
/// Columns (header names, any order):
/// - `lot_id` — required, unique.
/// - `household_id` — required, a known household.
/// - `enterprise`, `product` — required; `grade` — optional (empty = ungraded).
/// - `capacity_kg` — required: a positive decimal with at most 3 places, converted exactly to grams.
/// - `price_yuan_per_kg` (exact, at most 2 places) **or** `price_fen_per_kg` (an integer) — required, not negative.
/// - `harvest_date` — required, `yyyy-MM-dd`.
/// - `available_from`, `available_to` — optional `yyyy-MM-dd` (absent = open); from must not be after to.
///
/// Every bad row is reported with its line and column: unknown household, bad numbers, bad dates,
/// duplicate lot ids, missing values. When any row is bad, nothing is returned.
public enum SupplyLotImport {
    /// The required columns (plus one of the price columns).
    public static let requiredColumns = ["lot_id", "household_id", "enterprise", "product", "grade", "capacity_kg", "harvest_date"]

    /// Parses supply lots.
    /// - Parameters:
    ///   - document: the CSV.
    ///   - knownHouseholds: ids of the households in the registry.
    /// - Returns: the lots, in file order.
    /// - Throws: ``ImportError`` listing every problem.
    public static func parse(_ document: CSVDocument, knownHouseholds: Set<String>) throws(ImportError) -> [SupplyLot] {
        let columns = try document.requireColumns(requiredColumns)
        let yuanColumn = document.columnIndex("price_yuan_per_kg")
        let fenColumn = document.columnIndex("price_fen_per_kg")
        guard yuanColumn != nil || fenColumn != nil else {
            let message = "missing column price_yuan_per_kg or price_fen_per_kg; the header has \(document.header.joined(separator: ", "))"
            throw ImportError(source: document.source, problems: [ImportProblem(line: 1, message: message)])
        }
        let fromColumn = document.columnIndex("available_from")
        let toColumn = document.columnIndex("available_to")
        var problems: [ImportProblem] = []
        var lots: [SupplyLot] = []
        var firstLineById: [String: Int] = [:]
        for row in document.rows {
            var rowProblems: [ImportProblem] = []
            func problem(_ column: String, _ message: String) { rowProblems.append(ImportProblem(line: row.line, column: column, message: message)) }
            func required(_ column: String) -> String {
                let value = row[columns[column]!]
                if value.isEmpty { problem(column, "the \(column) is missing") }
                return value
            }
            let id = required("lot_id")
            if !id.isEmpty {
                if let first = firstLineById[id] {
                    problem("lot_id", "duplicate lot id \(id) (first on line \(first))")
                } else {
                    firstLineById[id] = row.line
                }
            }
            let householdId = required("household_id")
            if !householdId.isEmpty && !knownHouseholds.contains(householdId) { problem("household_id", "unknown household \(householdId)") }
            let enterprise = required("enterprise")
            let product = required("product")
            let grade = row[columns["grade"]!]
            let capacityText = required("capacity_kg")
            let capacity = Weight.grams(fromKilograms: capacityText)
            if !capacityText.isEmpty && (capacity == nil || capacity! <= 0) {
                problem("capacity_kg", "\"\(capacityText)\" is not a positive weight in kg with at most 3 decimals")
            }
            let price = Self.price(row: row, yuanColumn: yuanColumn, fenColumn: fenColumn, problem: problem)
            let harvest = required("harvest_date")
            if !harvest.isEmpty && !CalendarDay.isValid(harvest) { problem("harvest_date", "\"\(harvest)\" is not a date (yyyy-MM-dd)") }
            let from = row.value(fromColumn)
            let to = row.value(toColumn)
            if let from, !CalendarDay.isValid(from) { problem("available_from", "\"\(from)\" is not a date (yyyy-MM-dd)") }
            if let to, !CalendarDay.isValid(to) { problem("available_to", "\"\(to)\" is not a date (yyyy-MM-dd)") }
            if let from, let to, CalendarDay.isValid(from), CalendarDay.isValid(to), from > to {
                problem("available_to", "the window ends (\(to)) before it starts (\(from))")
            }
            guard rowProblems.isEmpty, let capacity, let price else {
                problems += rowProblems
                continue
            }
            lots.append(
                SupplyLot(
                    id: id,
                    householdId: householdId,
                    enterpriseId: enterprise,
                    product: product,
                    grade: grade,
                    capacityGrams: capacity,
                    priceFenPerKg: price,
                    harvestDate: harvest,
                    availableFrom: from,
                    availableTo: to
                )
            )
        }
        guard problems.isEmpty else { throw ImportError(source: document.source, problems: problems) }
        return lots
    }

    /// The price in fen per kg from whichever price column the row fills; reports a problem otherwise.
    private static func price(row: CSVRow, yuanColumn: Int?, fenColumn: Int?, problem: (String, String) -> Void) -> Int64? {
        if let text = row.value(yuanColumn) {
            guard let fen = Money.fen(fromYuan: text), fen >= 0 else {
                problem("price_yuan_per_kg", "\"\(text)\" is not a price in yuan with at most 2 decimals")
                return nil
            }
            return fen
        }
        if let text = row.value(fenColumn) {
            guard let fen = Int64(text), fen >= 0 else {
                problem("price_fen_per_kg", "\"\(text)\" is not a whole number of fen")
                return nil
            }
            return fen
        }
        problem(yuanColumn != nil ? "price_yuan_per_kg" : "price_fen_per_kg", "the price is missing")
        return nil
    }
}

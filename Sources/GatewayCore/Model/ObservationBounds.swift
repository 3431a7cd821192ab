/// The bounds every observation must keep before any arithmetic is done on it (issue #8: validation
/// before arithmetic). An observation outside them is not merged: its delivery is parked with the reason.
///
/// The bounds are wide enough for any real order and narrow enough that sums and products over a
/// snapshot (a thousand lines × the largest quantity × the largest amount) cannot overflow `Int64`.
public enum ObservationBounds {
    /// Quantity of one line.
    public static let quantity: ClosedRange<Int> = 1...100_000
    /// Any amount in fen (±10¹² fen = ±10 billion yuan).
    public static let fen: ClosedRange<Int64> = -1_000_000_000_000...1_000_000_000_000
    /// Lines of one snapshot.
    public static let lines: ClosedRange<Int> = 1...1_000
    /// Instants: from the Unix epoch up to 2100-01-01T00:00:00Z. (Earlier than 2000 is kept legal so that
    /// fixtures with small epoch values stay valid; the bound exists to keep time arithmetic from overflowing.)
    public static let instant: ClosedRange<Int64> = 0...4_102_444_800_000
    /// Length of identifiers (order, line, SKU, product ids) in UTF-8 bytes.
    public static let identifierBytes: ClosedRange<Int> = 1...128

    /// What is wrong with an observation, or `nil` when it is within every bound.
    public static func problem(in observation: OrderObservation) -> String? {
        if let problem = identifierProblem(observation.key.platformOrderId, "order id") { return problem }
        if let problem = instantProblem(observation.platformUpdatedAt, "platform update time") { return problem }
        guard let snapshot = observation.snapshot else { return nil }
        if !lines.contains(snapshot.lines.count) {
            return "snapshot has \(snapshot.lines.count) lines; expected \(lines.lowerBound)…\(lines.upperBound)"
        }
        for (name, value) in [
            ("total", snapshot.totalFen), ("paid", snapshot.paidFen), ("postage", snapshot.postageFen), ("discount", snapshot.discountFen),
        ] where !fen.contains(value) {
            return "\(name) amount \(value) fen is out of range"
        }
        if let problem = instantProblem(snapshot.createdAt, "creation time") { return problem }
        if let paidAt = snapshot.paidAt, let problem = instantProblem(paidAt, "payment time") { return problem }
        for line in snapshot.lines {
            if let problem = identifierProblem(line.lineId, "line id") { return problem }
            if let problem = identifierProblem(line.skuId, "SKU id of line \(line.lineId)") { return problem }
            if !quantity.contains(line.quantity) {
                return "line \(line.lineId) has quantity \(line.quantity); expected \(quantity.lowerBound)…\(quantity.upperBound)"
            }
            if !fen.contains(line.paidFen) { return "line \(line.lineId) amount \(line.paidFen) fen is out of range" }
        }
        return nil
    }

    private static func instantProblem(_ instant: Timestamp, _ name: String) -> String? {
        instant.millisecondsSince1970 >= Self.instant.lowerBound && instant.millisecondsSince1970 <= Self.instant.upperBound
            ? nil : "\(name) \(instant.millisecondsSince1970) ms is outside 1970…2100"
    }

    private static func identifierProblem(_ identifier: String, _ name: String) -> String? {
        identifierBytes.contains(identifier.utf8.count) ? nil : "\(name) has \(identifier.utf8.count) bytes; expected 1…128"
    }
}

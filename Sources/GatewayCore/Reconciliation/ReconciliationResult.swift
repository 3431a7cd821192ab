/// The outcome of matching one statement with the gateway's orders.
public struct ReconciliationResult: Sendable, Hashable, Codable {
    /// One line per order, sorted by class (``ReconciliationClass/rank``) then platform order id.
    public var lines: [ReconciliationLine]
    /// Totals per class in fen.
    public var totals: ReconciliationTotals
    /// The period whose gateway orders were expected on the statement, if one was known.
    public var period: ReconciliationPeriod?
    /// The amount tolerance used, in fen.
    public var toleranceFen: Int64

    /// Creates a result.
    public init(lines: [ReconciliationLine], totals: ReconciliationTotals, period: ReconciliationPeriod?, toleranceFen: Int64) {
        self.lines = lines
        self.totals = totals
        self.period = period
        self.toleranceFen = toleranceFen
    }

    /// The lines of one class.
    public func lines(_ classification: ReconciliationClass) -> [ReconciliationLine] {
        lines.filter { $0.classification == classification }
    }
}

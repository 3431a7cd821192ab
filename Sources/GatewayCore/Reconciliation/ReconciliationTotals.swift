/// Totals per reconciliation class, always one entry per class in ``ReconciliationClass`` order.
public struct ReconciliationTotals: Sendable, Hashable, Codable {
    /// One total per class, in class order.
    public var classes: [ReconciliationClassTotal]
    /// Statement rows that are not order money (fees, withdrawals): how many, and their sum in fen.
    public var nonOrderLineCount: Int
    /// The sum of the non-order rows, in fen.
    public var nonOrderFen: Int64

    /// Creates empty totals.
    public init() {
        classes = ReconciliationClass.allCases.map { ReconciliationClassTotal(classification: $0) }
        nonOrderLineCount = 0
        nonOrderFen = 0
    }

    /// Totals summed from result lines and non-order statement rows.
    public init(lines: [ReconciliationLine], nonOrderLines: [StatementLine] = []) {
        self.init()
        for line in lines { add(line) }
        nonOrderLineCount = nonOrderLines.count
        nonOrderFen = nonOrderLines.reduce(0) { Money.saturatingSum($0, $1.amountFen) }
    }

    /// The total of one class.
    public subscript(classification: ReconciliationClass) -> ReconciliationClassTotal {
        classes.first { $0.classification == classification } ?? ReconciliationClassTotal(classification: classification)
    }

    /// How many orders differ (every class but matched).
    public var differenceCount: Int { classes.filter(\.classification.isDifference).reduce(0) { $0 + $1.count } }

    private mutating func add(_ line: ReconciliationLine) {
        guard let index = classes.firstIndex(where: { $0.classification == line.classification }) else { return }
        classes[index].count += 1
        classes[index].statementFen = Money.saturatingSum(classes[index].statementFen, line.statementFen ?? 0)
        classes[index].gatewayFen = Money.saturatingSum(classes[index].gatewayFen, line.gatewayFen ?? 0)
    }
}

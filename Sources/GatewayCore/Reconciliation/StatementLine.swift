/// One row of a platform statement, normalised: the order it belongs to, a signed amount in fen and
/// what kind of money it is. The row's original cells are kept in ``raw``.
public struct StatementLine: Sendable, Hashable, Codable {
    /// The 1-based line of the file the row starts on.
    public var lineNumber: Int
    /// The platform's order id, exactly as text (19-digit ids stay exact); empty for rows without an order.
    public var platformOrderId: String
    /// The signed amount in fen: sales positive, refunds and fees negative.
    public var amountFen: Int64
    /// The statement's own status or type text for the row (e.g. `交易退款`, `已结算`), if it has one.
    public var statusText: String?
    /// What kind of money the row is.
    public var kind: StatementLineKind
    /// When the order was placed, if the statement says so (used to derive the statement's period).
    public var orderCreatedAt: Timestamp?
    /// The row's original cells by column name.
    public var raw: [String: String]

    /// Creates a statement line.
    public init(
        lineNumber: Int,
        platformOrderId: String,
        amountFen: Int64,
        statusText: String? = nil,
        kind: StatementLineKind,
        orderCreatedAt: Timestamp? = nil,
        raw: [String: String] = [:]
    ) {
        self.lineNumber = lineNumber
        self.platformOrderId = platformOrderId
        self.amountFen = amountFen
        self.statusText = statusText
        self.kind = kind
        self.orderCreatedAt = orderCreatedAt
        self.raw = raw
    }
}

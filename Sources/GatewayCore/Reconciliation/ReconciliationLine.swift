/// The comparison of one order between a statement and the gateway.
public struct ReconciliationLine: Sendable, Hashable, Codable {
    /// The platform order id.
    public var platformOrderId: String
    /// How the two sides compare.
    public var classification: ReconciliationClass
    /// The statement's net amount for the order (sales minus refunds), in fen; `nil` when the statement lacks the order.
    public var statementFen: Int64?
    /// The gateway's net amount (paid minus refunded lines; zero for cancelled or unpaid orders), in fen;
    /// `nil` when the gateway lacks the order or has no amount for it yet.
    public var gatewayFen: Int64?
    /// The statement's status texts for the order, joined with `/`, if any.
    public var statementStatus: String?
    /// The gateway's canonical status (with `, N line(s) refunded` when lines were refunded), if known.
    public var gatewayStatus: String?
    /// The statement rows (1-based file lines) that make up the order.
    public var statementLineNumbers: [Int]
    /// Why the order landed in its class, in words staff can act on.
    public var detail: String

    /// Creates a line.
    public init(
        platformOrderId: String,
        classification: ReconciliationClass,
        statementFen: Int64?,
        gatewayFen: Int64?,
        statementStatus: String?,
        gatewayStatus: String?,
        statementLineNumbers: [Int],
        detail: String
    ) {
        self.platformOrderId = platformOrderId
        self.classification = classification
        self.statementFen = statementFen
        self.gatewayFen = gatewayFen
        self.statementStatus = statementStatus
        self.gatewayStatus = gatewayStatus
        self.statementLineNumbers = statementLineNumbers
        self.detail = detail
    }
}

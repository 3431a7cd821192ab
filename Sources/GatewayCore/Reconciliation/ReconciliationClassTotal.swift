/// The count and money of one reconciliation class.
public struct ReconciliationClassTotal: Sendable, Hashable, Codable {
    /// The class.
    public var classification: ReconciliationClass
    /// How many orders are in it.
    public var count: Int
    /// The sum of the statement's net amounts of those orders, in fen.
    public var statementFen: Int64
    /// The sum of the gateway's net amounts of those orders, in fen.
    public var gatewayFen: Int64

    /// Creates a total.
    public init(classification: ReconciliationClass, count: Int = 0, statementFen: Int64 = 0, gatewayFen: Int64 = 0) {
        self.classification = classification
        self.count = count
        self.statementFen = statementFen
        self.gatewayFen = gatewayFen
    }
}

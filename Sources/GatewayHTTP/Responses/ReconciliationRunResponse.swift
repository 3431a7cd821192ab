public import GatewayCore

/// A reconciliation run (`ReconciliationRun`): the statement imported, its totals per class; the lines are a
/// separate list. `gateway reconcile list --json` prints the same shape.
public struct ReconciliationRunResponse: Encodable, Sendable {
    /// The totals of one class.
    public struct ClassTotal: Encodable, Sendable {
        /// `matched`, `amount-differs`, `status-differs`, `missing-in-gateway` or `missing-in-statement`.
        public var classification: String
        /// Lines in the class.
        public var count: Int
        /// The statement's amount.
        public var statementFen: Int64
        /// The gateway's amount.
        public var gatewayFen: Int64
    }

    /// The order period the run covers (UTC).
    public struct Period: Encodable, Sendable {
        /// Start, inclusive.
        public var from: String
        /// End, exclusive.
        public var to: String
    }

    /// The run id (a string of digits).
    public var id: String
    /// The statement's platform.
    public var platform: String
    /// The statement's shop.
    public var shop: String
    /// The statement format.
    public var format: String
    /// The imported file's name.
    public var fileName: String
    /// SHA-256 of the statement (the same statement imports once).
    public var fingerprint: String
    /// When (UTC).
    public var importedAt: String
    /// Who.
    public var importedBy: String
    /// Differences up to this count as matched.
    public var toleranceFen: Int64
    /// Lines in the run.
    public var lineCount: Int
    /// Differences not yet resolved.
    public var openCount: Int
    /// Lines that are differences.
    public var differenceCount: Int
    /// Totals per class.
    public var classes: [ClassTotal]
    /// Statement lines that are not order money (fees, other).
    public var nonOrderLineCount: Int
    /// Their amount.
    public var nonOrderFen: Int64
    /// The order period compared.
    public var period: Period?

    /// The API view of a run.
    public init(_ run: ReconciliationRun) {
        id = String(run.id)
        platform = run.platform.rawValue
        shop = run.shop
        format = run.format
        fileName = run.fileName
        fingerprint = run.fingerprint
        importedAt = APITime.string(run.importedAt)
        importedBy = run.importedBy
        toleranceFen = run.toleranceFen
        lineCount = run.lineCount
        openCount = run.openCount
        differenceCount = run.totals.differenceCount
        classes = run.totals.classes.map {
            ClassTotal(classification: $0.classification.rawValue, count: $0.count, statementFen: $0.statementFen, gatewayFen: $0.gatewayFen)
        }
        nonOrderLineCount = run.totals.nonOrderLineCount
        nonOrderFen = run.totals.nonOrderFen
        period = run.period.map { Period(from: APITime.string($0.from), to: APITime.string($0.to)) }
    }
}

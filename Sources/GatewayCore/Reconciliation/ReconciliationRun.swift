/// One stored statement import: which file, for which shop, and its totals.
public struct ReconciliationRun: Sendable, Hashable, Codable {
    /// The run's id.
    public var id: Int64
    /// The statement's platform.
    public var platform: Platform
    /// The shop key.
    public var shop: String
    /// The statement format (e.g. `pinduoduo-funds`).
    public var format: String
    /// The imported file's name.
    public var fileName: String
    /// The statement's content fingerprint; unique per shop, so a re-import finds this run.
    public var fingerprint: String
    /// When it was imported.
    public var importedAt: Timestamp
    /// Who imported it.
    public var importedBy: String
    /// Totals per class.
    public var totals: ReconciliationTotals
    /// The creation-time period checked for orders missing in the statement, if any.
    public var period: ReconciliationPeriod?
    /// The amount tolerance used, in fen.
    public var toleranceFen: Int64
    /// How many lines the run has.
    public var lineCount: Int
    /// How many differences are still unresolved.
    public var openCount: Int

    /// Creates a run.
    public init(
        id: Int64,
        platform: Platform,
        shop: String,
        format: String,
        fileName: String,
        fingerprint: String,
        importedAt: Timestamp,
        importedBy: String,
        totals: ReconciliationTotals,
        period: ReconciliationPeriod?,
        toleranceFen: Int64,
        lineCount: Int,
        openCount: Int
    ) {
        self.id = id
        self.platform = platform
        self.shop = shop
        self.format = format
        self.fileName = fileName
        self.fingerprint = fingerprint
        self.importedAt = importedAt
        self.importedBy = importedBy
        self.totals = totals
        self.period = period
        self.toleranceFen = toleranceFen
        self.lineCount = lineCount
        self.openCount = openCount
    }
}

/// Everything needed to store a new run: the statement's identity, the match result and the
/// platform lookups of orders missing in the gateway.
public struct ReconciliationRunDraft: Sendable, Hashable {
    /// The statement's platform.
    public var platform: Platform
    /// The shop key.
    public var shop: String
    /// The statement format.
    public var format: String
    /// The file's name.
    public var fileName: String
    /// The statement's content fingerprint.
    public var fingerprint: String
    /// When it was imported.
    public var importedAt: Timestamp
    /// Who imported it.
    public var importedBy: String
    /// The match result.
    public var result: ReconciliationResult
    /// Platform lookup results by platform order id (for missing-in-gateway lines).
    public var lookups: [String: String]

    /// Creates a draft.
    public init(
        platform: Platform,
        shop: String,
        format: String,
        fileName: String,
        fingerprint: String,
        importedAt: Timestamp,
        importedBy: String,
        result: ReconciliationResult,
        lookups: [String: String] = [:]
    ) {
        self.platform = platform
        self.shop = shop
        self.format = format
        self.fileName = fileName
        self.fingerprint = fingerprint
        self.importedAt = importedAt
        self.importedBy = importedBy
        self.result = result
        self.lookups = lookups
    }
}

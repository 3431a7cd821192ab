public import GatewayCore

/// One line of a reconciliation run (`ReconciliationLine`): one order compared between statement and gateway.
public struct ReconciliationLineResponse: Encodable, Sendable {
    /// How a difference was accepted.
    public struct Resolution: Encodable, Sendable {
        /// Why (e.g. `platform-adjustment`).
        public var reason: String
        /// A note.
        public var note: String
        /// Who.
        public var actor: String
        /// When (UTC).
        public var at: String
    }

    /// The run id.
    public var runId: String
    /// The line's number within the run (1, 2, …).
    public var number: Int
    /// The order on the platform.
    public var platformOrderId: String
    /// `matched`, `amount-differs`, `status-differs`, `missing-in-gateway` or `missing-in-statement`.
    public var classification: String
    /// The statement's amount.
    public var statementFen: Int64?
    /// The gateway's amount.
    public var gatewayFen: Int64?
    /// The statement's status.
    public var statementStatus: String?
    /// The gateway's status.
    public var gatewayStatus: String?
    /// The statement file's line numbers behind this line.
    public var statementLineNumbers: [Int]
    /// What differs, in words.
    public var detail: String
    /// What the platform API said about an order missing in the gateway.
    public var platformLookup: String?
    /// Set once the difference is resolved.
    public var resolution: Resolution?

    /// The API view of a run line.
    public init(_ line: ReconciliationRunLine) {
        runId = String(line.runId)
        number = line.number
        platformOrderId = line.line.platformOrderId
        classification = line.line.classification.rawValue
        statementFen = line.line.statementFen
        gatewayFen = line.line.gatewayFen
        statementStatus = line.line.statementStatus
        gatewayStatus = line.line.gatewayStatus
        statementLineNumbers = line.line.statementLineNumbers
        detail = line.line.detail
        platformLookup = line.platformLookup
        resolution = line.resolution.map { Resolution(reason: $0.reason, note: $0.note, actor: $0.actor, at: APITime.string($0.at)) }
    }

    /// The CSV columns (the JSON keys; `resolution.*` flattened).
    public static let csvColumns = [
        "run_id", "number", "platform_order_id", "classification", "statement_fen", "gateway_fen", "statement_status", "gateway_status",
        "statement_line_numbers", "detail", "platform_lookup", "resolution.reason", "resolution.note", "resolution.actor", "resolution.at",
    ]

    /// A run's lines as CSV (UTF-8 with BOM, CRLF): the export of the console, the API and `gateway reconcile show --csv`.
    public static func csv(_ lines: [ReconciliationRunLine], byteOrderMark: Bool = true) -> String {
        APICSV.text(items: lines.map(ReconciliationLineResponse.init), columns: csvColumns, byteOrderMark: byteOrderMark)
    }
}

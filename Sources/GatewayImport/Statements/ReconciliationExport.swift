public import GatewayCore

/// A reconciliation run's lines as CSV (for `gateway reconcile show --csv` and the console's export).
public enum ReconciliationExport {
    /// The export's columns.
    public static let header = [
        "line", "class", "platform_order_id", "statement_yuan", "statement_fen", "gateway_yuan", "gateway_fen", "statement_status",
        "gateway_status", "statement_file_lines", "detail", "platform_lookup", "resolution_reason", "resolution_note", "resolved_by",
        "resolved_at_ms",
    ]

    /// The CSV text of a run's lines (UTF-8 with BOM, CRLF), one row per line in line order.
    public static func csv(_ detail: ReconciliationRunDetail) -> String {
        CSVExport.text(header: header, rows: detail.lines.map(row))
    }

    /// One CSV row of a run line, in ``header`` order.
    public static func row(_ runLine: ReconciliationRunLine) -> [String] {
        let line = runLine.line
        return [
            String(runLine.number), line.classification.rawValue, line.platformOrderId,
            line.statementFen.map(Money.yuanString(fromFen:)) ?? "", line.statementFen.map { String($0) } ?? "",
            line.gatewayFen.map(Money.yuanString(fromFen:)) ?? "", line.gatewayFen.map { String($0) } ?? "",
            line.statementStatus ?? "", line.gatewayStatus ?? "", line.statementLineNumbers.map(String.init).joined(separator: " "),
            line.detail, runLine.platformLookup ?? "", runLine.resolution?.reason ?? "", runLine.resolution?.note ?? "",
            runLine.resolution?.actor ?? "", runLine.resolution.map { String($0.at.millisecondsSince1970) } ?? "",
        ]
    }
}

import GatewayCore

/// Reads cells of one statement document, collecting every problem with its line and column.
struct StatementRowReader {
    /// The document being read.
    let document: CSVDocument
    /// The 1-based line of the header row (for missing-column problems).
    let headerLine: Int
    /// Every problem found so far, in the order found.
    private(set) var problems: [ImportProblem] = []

    init(document: CSVDocument, headerLine: Int) {
        self.document = document
        self.headerLine = headerLine
    }

    /// The first of several spellings present in the header.
    func column(_ names: String...) -> StatementColumn? { column(names) }

    /// The first of several spellings present in the header.
    func column(_ names: [String]) -> StatementColumn? {
        for name in names {
            if let index = document.header.firstIndex(of: name) { return StatementColumn(index: index, name: name) }
        }
        return nil
    }

    /// A required column; records a problem naming the column when the header lacks it.
    mutating func require(_ names: String...) -> StatementColumn? {
        if let found = column(names) { return found }
        let header = document.header.joined(separator: ", ")
        problems.append(
            ImportProblem(
                line: headerLine,
                column: names[0],
                message: "the header has no column \(names.map { "\"\($0)\"" }.joined(separator: " or ")); it has \(header)"
            )
        )
        return nil
    }

    /// The cleaned text of a cell; `nil` when the column is absent or the cell empty.
    func text(_ row: CSVRow, _ column: StatementColumn?) -> String? {
        guard let column else { return nil }
        let value = StatementCell.unwrap(row[column.index])
        return value.isEmpty ? nil : value
    }

    /// The cleaned order id of a cell (empty when the cell is empty or the column absent); records a problem for an unusable id.
    mutating func orderId(_ row: CSVRow, _ column: StatementColumn?) -> String {
        guard let column else { return "" }
        switch StatementCell.orderId(row[column.index]) {
        case .success(let id): return id
        case .failure(let problem):
            problems.append(ImportProblem(line: row.line, column: column.name, message: problem.message))
            return ""
        }
    }

    /// An amount in fen. An empty optional cell is zero; an empty required cell and any unreadable
    /// value record a problem (and read as zero so the rest of the row can still be checked).
    mutating func fen(_ row: CSVRow, _ column: StatementColumn?, required: Bool) -> Int64 {
        guard let column else { return 0 }
        switch StatementCell.fen(row[column.index]) {
        case .success(let fen?): return fen
        case .success(nil):
            if required { problems.append(ImportProblem(line: row.line, column: column.name, message: "the amount is empty")) }
            return 0
        case .failure(let problem):
            problems.append(ImportProblem(line: row.line, column: column.name, message: problem.message))
            return 0
        }
    }

    /// A date-time cell in China Standard Time; `nil` when empty or unreadable (times only shape the period).
    func time(_ row: CSVRow, _ column: StatementColumn?) -> Timestamp? {
        text(row, column).flatMap(StatementTime.parse)
    }

    /// Records a problem on a row.
    mutating func problem(_ row: CSVRow, _ column: StatementColumn?, _ message: String) {
        problems.append(ImportProblem(line: row.line, column: column?.name, message: message))
    }

    /// The row's cleaned cells by column name (empty cells left out).
    func raw(_ row: CSVRow) -> [String: String] {
        var raw: [String: String] = [:]
        for (index, name) in document.header.enumerated() where !name.isEmpty {
            let value = StatementCell.unwrap(row[index])
            if !value.isEmpty { raw[name] = value }
        }
        return raw
    }

    /// Whether a row is a title, total or footer row rather than data (`#…`, `合计`, `总计`).
    func isSummary(_ row: CSVRow) -> Bool {
        guard let first = row.fields.map({ StatementCell.unwrap($0) }).first(where: { !$0.isEmpty }) else { return true }
        return first.hasPrefix("#") || first.hasPrefix("合计") || first.hasPrefix("总计") || first.hasPrefix("----")
    }
}

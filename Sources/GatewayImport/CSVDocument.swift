import CSV
import Foundation

/// A whole CSV file read into memory: a header and rows, each row knowing the line it started on.
///
/// Files staff upload are small (a statement, a registry of 1,435 households), so reading them whole
/// lets an import check **every** row before changing anything. Parsing is CSV.swift's; this type adds
/// what imports need on top: a BOM-tolerant header, trimmed names, and line numbers for messages.
public struct CSVDocument: Sendable {
    /// Column names from the first row, trimmed (a UTF-8 byte-order mark is dropped).
    public let header: [String]
    /// The data rows, in file order. Rows where every field is empty are skipped.
    public let rows: [CSVRow]
    /// A name for the source (a file name), used in messages.
    public let source: String

    /// Parses CSV text.
    /// - Parameters:
    ///   - text: the file's text.
    ///   - source: a name for messages.
    ///   - delimiter: the field separator (`,` by default; some exports use tabs).
    ///   - headerLine: 1-based line of the header row (some statements begin with title lines).
    /// - Throws: ``ImportError`` when the text is not CSV or has no header.
    public static func parse(
        _ text: String,
        source: String,
        delimiter: UnicodeScalar = ",",
        headerLine: Int = 1
    ) throws(ImportError)
        -> CSVDocument
    {
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        var skippedLines = 0
        if headerLine > 1 {
            // Scan scalars, not Characters: "\r\n" is one Character and would never equal "\n".
            var remaining = Substring(body).unicodeScalars
            for _ in 1..<headerLine {
                guard let newline = remaining.firstIndex(of: "\n") else { break }
                remaining = remaining[remaining.index(after: newline)...]
                skippedLines += 1
            }
            body = String(String.UnicodeScalarView(remaining))
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: body, hasHeaderRow: false, delimiter: delimiter)
        } catch {
            throw ImportError(source: source, problems: [ImportProblem(line: skippedLines + 1, message: "not a CSV file: \(error)")])
        }
        var line = skippedLines + 1
        var header: [String]?
        var rows: [CSVRow] = []
        while let fields = reader.next() {
            let startLine = line
            line += 1 + fields.reduce(0) { $0 + $1.reduce(0) { $1 == "\n" || $1 == "\r\n" ? $0 + 1 : $0 } }
            if header == nil {
                header = fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                continue
            }
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            rows.append(CSVRow(line: startLine, fields: fields))
        }
        if let error = reader.error {
            throw ImportError(source: source, problems: [ImportProblem(line: line, message: "unreadable CSV near this line: \(error)")])
        }
        guard let header, header.contains(where: { !$0.isEmpty }) else {
            throw ImportError(source: source, problems: [ImportProblem(line: skippedLines + 1, message: "the file has no header row")])
        }
        return CSVDocument(header: header, rows: rows, source: source)
    }

    /// The index of a column, trying each name in turn (platforms rename columns between exports).
    public func columnIndex(_ names: String...) -> Int? { columnIndex(names) }

    /// The index of a column, trying each name in turn.
    public func columnIndex(_ names: [String]) -> Int? {
        for name in names {
            if let index = header.firstIndex(of: name) { return index }
        }
        return nil
    }

    /// The indexes of required columns by name; throws one problem naming every missing column.
    public func requireColumns(_ names: [String]) throws(ImportError) -> [String: Int] {
        var found: [String: Int] = [:]
        var missing: [String] = []
        for name in names {
            if let index = header.firstIndex(of: name) { found[name] = index } else { missing.append(name) }
        }
        guard missing.isEmpty else {
            let message = "missing column(s) \(missing.joined(separator: ", ")); the header has \(header.joined(separator: ", "))"
            throw ImportError(source: source, problems: [ImportProblem(line: 1, message: message)])
        }
        return found
    }
}

/// One data row of a ``CSVDocument``.
public struct CSVRow: Sendable, Hashable {
    /// The 1-based line of the file the row starts on.
    public let line: Int
    /// The raw field values, in column order.
    public let fields: [String]

    /// The trimmed value at a column index; empty when the row is shorter.
    public subscript(index: Int) -> String {
        index < fields.count ? fields[index].trimmingCharacters(in: .whitespacesAndNewlines) : ""
    }

    /// The trimmed value at an optional column index; `nil` when the column is absent or the value empty.
    public func value(_ index: Int?) -> String? {
        guard let index else { return nil }
        let value = self[index]
        return value.isEmpty ? nil : value
    }
}

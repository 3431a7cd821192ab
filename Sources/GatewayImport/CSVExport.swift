import Foundation

/// Writes rows as CSV text (RFC 4180 quoting, CRLF line ends, UTF-8 BOM so spreadsheet programs
/// open Chinese text correctly).
public enum CSVExport {
    /// The CSV text for a header and rows.
    public static func text(header: [String], rows: [[String]], byteOrderMark: Bool = true) -> String {
        var output = byteOrderMark ? "\u{FEFF}" : ""
        output += line(header)
        for row in rows { output += line(row) }
        return output
    }

    private static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\r\n"
    }

    private static func quoted(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" } || field.hasPrefix(" ")
            || field.hasSuffix(" ")
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

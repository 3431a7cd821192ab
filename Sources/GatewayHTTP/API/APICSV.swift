public import Foundation
import GatewayImport

/// CSV exports in the API's vocabulary: every column is a JSON key of the list's items (a nested key as
/// `parent.child`; arrays joined with `;`), and every value is the JSON value as text — so a CSV column and the
/// JSON key of the same name always hold the same thing.
public enum APICSV {
    /// The CSV text of DTOs (UTF-8 with BOM unless `byteOrderMark` is false, CRLF).
    /// - Parameters:
    ///   - items: the DTOs, encoded as the API encodes them.
    ///   - columns: the JSON keys to export, in order.
    ///   - byteOrderMark: whether to start with a BOM (spreadsheets need it for UTF-8).
    public static func text(items: [some Encodable], columns: [String], byteOrderMark: Bool = true) -> String {
        let values = (try? APIJSON.encode(items)).flatMap { try? JSONDecoder().decode([JSONValue].self, from: $0) } ?? []
        let rows = values.map { item in columns.map { cell(item, path: $0.split(separator: ".").map(String.init)) } }
        return CSVExport.text(header: columns, rows: rows, byteOrderMark: byteOrderMark)
    }

    /// The text of the value at a key path (arrays on the way are mapped over and joined with `;`).
    static func cell(_ value: JSONValue, path: [String]) -> String {
        guard let key = path.first else { return leaf(value) }
        switch value {
        case .object: return value[key].map { cell($0, path: Array(path.dropFirst())) } ?? ""
        case .array(let elements): return elements.map { cell($0, path: path) }.joined(separator: ";")
        default: return ""
        }
    }

    private static func leaf(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let number): String(number)
        case .number(let number): String(number)
        case .string(let text): text
        case .array(let elements): elements.map(leaf).joined(separator: ";")
        case .object: ""
        }
    }
}

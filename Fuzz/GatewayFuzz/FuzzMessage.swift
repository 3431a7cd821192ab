import Foundation

/// A fuzz input read like a small HTTP message: `name: value` lines, a blank line, then the body.
///
/// Push targets use the fields as headers or query parameters (names lowercased); fields named `x-fuzz-…`
/// steer the target (e.g. send the body unsigned). An input without a blank line is all body; an input that
/// starts with a newline has no fields.
struct FuzzMessage: Sendable {
    /// The fields, by lowercased name (the last of a repeated name wins).
    var fields: [String: String]
    /// The bytes after the blank line.
    var body: [UInt8]

    /// Splits an input.
    init(_ bytes: [UInt8]) {
        let newline = UInt8(ascii: "\n")
        var split: Int?
        if bytes.first == newline {
            split = 0
        } else if bytes.count >= 2 {
            for index in 0..<(bytes.count - 1) where bytes[index] == newline && bytes[index + 1] == newline {
                split = index + 1
                break
            }
        }
        guard let split else {
            fields = [:]
            body = bytes
            return
        }
        var fields: [String: String] = [:]
        for line in String(decoding: bytes[..<split], as: UTF8.self).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            fields[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        self.fields = fields
        self.body = Array(bytes[(split + 1)...])
    }

    /// Whether a steering field is present (`x-fuzz-raw: 1`).
    func flag(_ name: String) -> Bool { fields[name].map { !$0.isEmpty && $0 != "0" } ?? false }

    /// The fields that are not steering fields.
    var plainFields: [String: String] { fields.filter { !$0.key.hasPrefix("x-fuzz-") } }
}

/// Splitting an input into parts at lines that hold only `===` (e.g. a list page and a detail answer).
enum FuzzParts {
    /// The parts, at least one.
    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.components(separatedBy: "\n===\n").map { Array($0.utf8) }
    }
}

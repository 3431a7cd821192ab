import Foundation
import Hummingbird

/// The fields of an `application/x-www-form-urlencoded` body (last value wins).
struct FormFields: Sendable {
    /// The decoded fields.
    var values: [String: String]

    /// Parses `a=1&b=two+words`.
    init(_ text: String) {
        var values: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            values[name] = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
        }
        self.values = values
    }

    /// Reads a request's form body (up to the context's upload limit) and leaves the body readable again.
    static func read(_ request: inout Request, context: some RequestContext) async throws -> FormFields {
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        return FormFields(String(buffer: buffer))
    }

    /// A field's value, trimmed; `nil` when missing or empty.
    subscript(_ name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// A field's raw value (not trimmed), `""` when missing — for passwords.
    func raw(_ name: String) -> String { values[name] ?? "" }

    private static func decode(_ part: Substring) -> String? {
        String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

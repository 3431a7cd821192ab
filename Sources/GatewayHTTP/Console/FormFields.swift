import Foundation
import GatewayCore
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
    /// - Parameter maxFieldBytes: the longest field value accepted (UTF-8 bytes, after decoding); `nil`: only the body limit.
    /// - Throws: `400 Bad Request` when a field is longer.
    static func read(
        _ request: inout Request,
        context: some RequestContext,
        maxFieldBytes: Int? = BoundedText.maxFormFieldBytes
    ) async throws -> FormFields {
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let fields = FormFields(String(buffer: buffer))
        if let maxFieldBytes, let name = fields.values.first(where: { $0.key.utf8.count > 256 || $0.value.utf8.count > maxFieldBytes })?.key {
            throw HTTPError(
                .badRequest,
                message: "form field \"\(BoundedText.truncate(name, maxBytes: 64))\" is longer than \(maxFieldBytes) bytes"
            )
        }
        return fields
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

import Foundation

/// The parameters of one call to a "router" style open API (Pinduoduo `/api/router`, Taobao
/// `/router/rest`): the query string and the body together, as these platforms read them.
///
/// The body may be `application/x-www-form-urlencoded` (what the platforms document and their SDKs
/// send) or a JSON object (some SDKs post one); a JSON string is taken as it is, a number or boolean
/// as its literal text, an object or array as compact JSON text. A name given both in the query and in
/// the body must carry the same value in both places, since the signature cannot cover two values.
struct RouterParameters: Sendable, Equatable {
    /// Why the parameters could not be read.
    struct Failure: Error, Sendable, Equatable {
        /// The parameter the problem is about, if any.
        var name: String?
        /// What went wrong.
        var detail: String
    }

    /// Every parameter by name.
    var values: [String: String]

    /// The value of a parameter, or nil when it is absent.
    subscript(name: String) -> String? { values[name] }

    /// The value of a parameter, or nil when it is absent or empty.
    func nonEmpty(_ name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    /// Reads the parameters of a request.
    /// - Parameters:
    ///   - query: the raw (still percent-encoded) query string.
    ///   - body: the raw body.
    ///   - contentType: the `Content-Type` header, if any.
    /// - Throws: ``Failure`` for an unreadable body, a multipart body, or a name with two different values.
    static func parse(query: String?, body: [UInt8], contentType: String?) throws(Failure) -> RouterParameters {
        var values: [String: String] = [:]
        for (name, value) in formPairs(query ?? "") {
            try merge(name, value, into: &values)
        }
        let type = (contentType ?? "").lowercased()
        let trimmed = body.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if trimmed.isEmpty { return RouterParameters(values: values) }
        if type.contains("multipart/") {
            throw Failure(name: nil, detail: "multipart bodies are only for file uploads, which the mock does not serve")
        }
        if type.contains("json") || (!type.contains("x-www-form-urlencoded") && trimmed.first == UInt8(ascii: "{")) {
            let parsed: JSONValue
            do {
                parsed = try JSONParser.parse(body).value
            } catch {
                throw Failure(name: nil, detail: "the body is not JSON: \(error)")
            }
            guard let object = parsed.objectValue else { throw Failure(name: nil, detail: "a JSON body must be an object of parameters") }
            for (name, value) in object {
                guard let text = text(of: value) else { continue }
                try merge(name, text, into: &values)
            }
        } else {
            for (name, value) in formPairs(String(decoding: body, as: UTF8.self)) {
                try merge(name, value, into: &values)
            }
        }
        return RouterParameters(values: values)
    }

    /// The `name`/`value` pairs of `application/x-www-form-urlencoded` text, in order (`+` is a space,
    /// `%XX` escapes are decoded; a malformed escape is kept as written).
    static func formPairs(_ text: String) -> [(String, String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    private static func merge(_ name: String, _ value: String, into values: inout [String: String]) throws(Failure) {
        if let existing = values[name], existing != value {
            throw Failure(name: name, detail: "\(name) is given twice with different values")
        }
        values[name] = value
    }

    private static func text(of value: JSONValue) -> String? {
        switch value {
        case .null: nil
        case .bool(let flag): flag ? "true" : "false"
        case .number(let literal): literal
        case .string(let text): text
        case .array, .object: value.serialized
        }
    }
}

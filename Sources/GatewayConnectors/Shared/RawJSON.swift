import Foundation

/// One JSON value kept as the exact bytes a platform sent, with just enough reading to find a list's rows
/// and a row's id and update time without decoding anything else.
///
/// Poll pages are read this way (``PollPage``) so that one row a wire struct cannot decode stays one row:
/// the page's envelope is decoded with `Codable` as usual, while its list is split into raw rows here, each
/// stored as its own inbox delivery with exactly these bytes as payload. Numbers are never converted: a row's
/// bytes are the platform's own text, so money and 19-digit ids decode later exactly as they would have.
///
/// ```swift
/// let page = try RawJSON(parsing: #"{"data":{"orderList":[{"oid":1},{"oid":"x"}]}}"#)
/// let rows = page["data"]?["orderList"]?.elements ?? []   // two rows, each its own bytes
/// rows[1]["oid"]?.scalarText                              // "x"
/// ```
struct RawJSON: Sendable, Hashable, CustomStringConvertible {
    /// What kind of value the bytes hold.
    enum Kind: Sendable, Hashable {
        /// `{…}`
        case object
        /// `[…]`
        case array
        /// `"…"`
        case string
        /// A number literal.
        case number
        /// `true` or `false`.
        case bool
        /// `null`.
        case null
    }

    /// Nesting deeper than this is refused rather than followed (no platform nests anywhere near it).
    static let maxDepth = 512

    /// The value's bytes, without surrounding whitespace.
    let bytes: [UInt8]

    /// Parses a whole document: exactly one JSON value, with nothing but whitespace around it.
    /// - Throws: ``ConnectorError`` naming the byte offset of the first thing that is not JSON.
    init(parsing text: String) throws {
        try self.init(parsing: Array(text.utf8))
    }

    /// Parses a whole document from its UTF-8 bytes (see ``init(parsing:)-(String)``).
    /// - Throws: ``ConnectorError`` naming the byte offset of the first thing that is not JSON.
    init(parsing bytes: [UInt8]) throws {
        var scanner = RawJSONScanner(bytes: bytes[...])
        scanner.skipWhitespace()
        let start = scanner.index
        try scanner.skipValue(depth: 0)
        let end = scanner.index
        scanner.skipWhitespace()
        guard scanner.index == bytes.endIndex else { throw scanner.failure("more after the JSON value") }
        self.bytes = Array(bytes[start..<end])
    }

    /// Wraps bytes already known to be exactly one JSON value.
    private init(valid bytes: ArraySlice<UInt8>) { self.bytes = Array(bytes) }

    /// The kind of value.
    var kind: Kind {
        switch bytes.first {
        case UInt8(ascii: "{"): .object
        case UInt8(ascii: "["): .array
        case UInt8(ascii: "\""): .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): .bool
        case UInt8(ascii: "n"): .null
        default: .number
        }
    }

    /// The elements of an array, each as its own bytes, in order; `nil` when the value is not an array.
    var elements: [RawJSON]? {
        guard kind == .array else { return nil }
        var scanner = RawJSONScanner(bytes: bytes[...])
        var elements: [RawJSON] = []
        // The bytes were validated when this value was made, so the scan cannot fail.
        try? scanner.forEachElement { slice in elements.append(RawJSON(valid: slice)) }
        return elements
    }

    /// The members of an object in document order (a repeated key appears twice); `nil` when not an object.
    var members: [(key: String, value: RawJSON)]? {
        guard kind == .object else { return nil }
        var scanner = RawJSONScanner(bytes: bytes[...])
        var members: [(key: String, value: RawJSON)] = []
        try? scanner.forEachMember { key, slice in members.append((key, RawJSON(valid: slice))) }
        return members
    }

    /// The value of an object's member; the first one when the key repeats, as Foundation's `JSONDecoder` reads it on
    /// Linux (so an id read from a row that does not decode is the one a decoding row would give).
    subscript(key: String) -> RawJSON? {
        members?.first { $0.key == key }?.value
    }

    /// A string's value (escapes resolved) or a number's literal text; `nil` for other kinds.
    ///
    /// Enough to read an id or a time from a row that its wire struct cannot decode.
    var scalarText: String? {
        switch kind {
        case .string: RawJSONScanner.unescape(bytes[...].dropFirst().dropLast())
        case .number: String(decoding: bytes, as: UTF8.self)
        default: nil
        }
    }

    /// Decodes the value with `JSONDecoder`.
    /// - Throws: the decoder's error.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(bytes))
    }

    /// The bytes as text.
    var description: String { String(decoding: bytes, as: UTF8.self) }
}

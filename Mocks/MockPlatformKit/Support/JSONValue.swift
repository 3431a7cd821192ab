/// A JSON document as the mock sends and receives it.
///
/// Numbers keep their literal text, so 19-digit ids survive exactly (they never pass through `Double`).
/// Objects are dictionaries: the serializer always writes keys sorted by their UTF-8 bytes, which is the
/// order Douyin's `param_json` rule asks for.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number, as its JSON literal text (e.g. `4984023467827309610`, `-1.5e3`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// An exact integer number.
    static func int(_ value: Int64) -> JSONValue { .number(String(value)) }

    /// An exact integer number.
    static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// A number when the text is a valid `Int64`, otherwise a string (Douyin sends numeric ids as numbers).
    static func id(_ text: String) -> JSONValue {
        Int64(text) != nil ? .number(text) : .string(text)
    }

    /// The member of an object, or nil.
    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The members of an object, or nil.
    var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The elements of an array, or nil.
    var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// A string, or the literal text of a number (ids may come either way).
    var textValue: String? {
        switch self {
        case .string(let text): text
        case .number(let literal): literal
        default: nil
        }
    }

    /// An exact integer from an integer number literal or a string of digits.
    var int64Value: Int64? {
        switch self {
        case .number(let literal): Int64(literal)
        case .string(let text): Int64(text)
        default: nil
        }
    }

    /// A boolean from `true`/`false`, `"true"`/`"false"` or `0`/`1`.
    var boolValue: Bool? {
        switch self {
        case .bool(let flag): flag
        case .string("true"), .number("1"): true
        case .string("false"), .number("0"): false
        default: nil
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int64) { self = .number(String(value)) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

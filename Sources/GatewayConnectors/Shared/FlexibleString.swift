/// A JSON value that platforms send sometimes as a string and sometimes as a number (ids, codes).
///
/// Integers are decoded from their digits as `Int64`/`UInt64`, never through `Double`, so 19-digit
/// ids survive exactly.
public struct FlexibleString: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The value as text.
    public var value: String

    /// Wraps a string.
    public init(_ value: String) { self.value = value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            value = text
        } else if let number = try? container.decode(Int64.self) {
            value = String(number)
        } else if let number = try? container.decode(UInt64.self) {
            value = String(number)
        } else if let flag = try? container.decode(Bool.self) {
            value = String(flag)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a string or an integer")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public var description: String { value }
}

/// A JSON integer that may arrive as a number or a numeric string (money in fen, Unix times, codes).
public struct FlexibleInt: Codable, Sendable, Hashable {
    /// The value.
    public var value: Int64

    /// Wraps an integer.
    public init(_ value: Int64) { self.value = value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            value = number
        } else if let text = try? container.decode(String.self), let number = Int64(text.isEmpty ? "0" : text) {
            value = number
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected an integer")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

/// A courier's tracking number (运单号), parsed at the edge: 6–40 ASCII letters, digits or `-`, letters upper-cased
/// (couriers print them upper-case; platforms compare them without case).
public struct TrackingNumber: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
    /// The number, upper-case.
    public let value: String

    /// The shortest and longest numbers taken.
    public static let lengths = 6...40

    /// Parses a tracking number; `nil` when it is empty, too short or long, or has other characters. Surrounding spaces
    /// (a scanner's trailing newline) are dropped.
    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        guard Self.lengths.contains(trimmed.utf8.count) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(trimmed.utf8.count)
        for byte in trimmed.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "-"): bytes.append(byte)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): bytes.append(byte - 32)
            default: return nil
            }
        }
        value = String(decoding: bytes, as: UTF8.self)
    }

    /// Why a text is not a tracking number, for error messages.
    public static let rule = "a tracking number is 6–40 letters, digits or '-'"

    public var description: String { value }

    public static func < (lhs: TrackingNumber, rhs: TrackingNumber) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = TrackingNumber(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: Self.rule))
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

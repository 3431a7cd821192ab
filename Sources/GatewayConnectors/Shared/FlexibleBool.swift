/// A JSON flag that may arrive as `true`/`false`, `"true"`/`"false"` or `1`/`0` (`has_next`, `is_success`).
public struct FlexibleBool: Codable, Sendable, Hashable {
    /// The value.
    public var value: Bool

    /// Wraps a flag.
    public init(_ value: Bool) { self.value = value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            value = flag
        } else if let number = try? container.decode(Int64.self) {
            value = number != 0
        } else if let text = try? container.decode(String.self) {
            switch text.lowercased() {
            case "true", "1": value = true
            case "false", "0", "": value = false
            default: throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a flag")
            }
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a flag")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

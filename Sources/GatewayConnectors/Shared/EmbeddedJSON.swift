import Foundation

/// A JSON object that a platform nests **as a JSON string** (Kuaishou `info`, Youzan `msg`), decoded
/// either from that string or, leniently, from an object in its place.
///
/// Encoding writes the object form; decoding accepts both, so a payload re-encoded for the inbox reads back.
struct EmbeddedJSON<Value: Codable & Sendable>: Codable, Sendable {
    /// The decoded value.
    var value: Value

    /// Wraps a value.
    init(_ value: Value) { self.value = value }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            do {
                value = try JSONDecoder().decode(Value.self, from: Data(text.utf8))
            } catch {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "the nested JSON string cannot be read: \(error)")
            }
        } else {
            value = try container.decode(Value.self)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

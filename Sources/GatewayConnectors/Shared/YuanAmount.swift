import Foundation
import GatewayCore

/// A money amount that a platform sends in **yuan** (PDD, Taobao), held exactly as integer fen.
///
/// Decodes a JSON string (`"200.07"`) or a JSON number (`59.8`). A number is read through
/// `Decimal`, which `JSONDecoder` builds from the literal digits of the JSON text — never through
/// `Double` — and its decimal text then goes through ``GatewayCore/Money/fen(fromYuan:)``. An empty
/// string reads as zero (platforms send `""` for absent amounts); anything with a third non-zero
/// decimal (`0.30000000000000004`) is refused rather than rounded.
///
/// Encodes as a yuan string with two decimals, so a stored payload decodes again to the same fen.
public struct YuanAmount: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The amount in fen.
    public var fen: Int64

    /// Wraps an amount in fen.
    public init(fen: Int64) { self.fen = fen }

    /// Parses yuan text exactly; `nil` when it is not a plain decimal with at most two significant decimals.
    public init?(yuan text: String) {
        if text.allSatisfy({ $0 == " " }) {
            self.fen = 0
            return
        }
        guard let fen = Money.fen(fromYuan: text) else { return nil }
        self.fen = fen
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard let amount = YuanAmount(yuan: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a yuan amount with at most two decimals")
            }
            self = amount
        } else if let number = try? container.decode(Decimal.self) {
            let text = number.description
            guard let fen = Money.fen(fromYuan: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(text) is not a yuan amount with at most two decimals")
            }
            self.fen = fen
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a yuan amount (string or number)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Money.yuanString(fromFen: fen))
    }

    /// The amount as yuan text with two decimals.
    public var description: String { Money.yuanString(fromFen: fen) }
}

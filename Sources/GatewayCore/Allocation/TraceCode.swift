/// Trace codes printed (as a QR code) on each shipped parcel: 10 characters of Crockford base32
/// (`0-9`, `A-Z` without `I`, `L`, `O`, `U`) carrying 50 random bits.
///
/// Codes are random, so a code says nothing about its neighbours; uniqueness is enforced where they are
/// stored (the caller draws again on a collision).
public enum TraceCode {
    /// The Crockford base32 alphabet.
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    /// Characters in a code.
    public static let length = 10

    /// Draws a new code.
    public static func make(using rng: inout some RandomNumberGenerator) -> String {
        var bits = rng.next() & ((1 << 50) - 1)
        var characters = [Character](repeating: "0", count: length)
        for index in stride(from: length - 1, through: 0, by: -1) {
            characters[index] = alphabet[Int(bits & 31)]
            bits >>= 5
        }
        return String(characters)
    }

    /// The canonical form of a typed or scanned code: upper case, `O` → `0`, `I`/`L` → `1`, hyphens and
    /// spaces dropped; `nil` when it is not a well-formed code.
    public static func normalized(_ text: String) -> String? {
        var result: [Character] = []
        result.reserveCapacity(length)
        for character in text.uppercased() {
            switch character {
            case "-", " ": continue
            case "O": result.append("0")
            case "I", "L": result.append("1")
            default:
                guard alphabet.contains(character) else { return nil }
                result.append(character)
            }
        }
        return result.count == length ? String(result) : nil
    }

    /// Whether text is a well-formed code (case-insensitive; `O` reads as `0`, `I` and `L` as `1`).
    public static func isWellFormed(_ text: String) -> Bool { normalized(text) != nil }
}

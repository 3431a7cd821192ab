/// Lowercase hexadecimal encoding and a constant-time text comparison.
enum Hex {
    /// The ASCII bytes of `0`…`9`, `a`…`f`.
    static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Lowercase hex of bytes (a digest or MAC).
    static func lowercase(_ bytes: some Sequence<UInt8>) -> String {
        var output: [UInt8] = []
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Compares two strings without stopping at the first difference.
    static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}

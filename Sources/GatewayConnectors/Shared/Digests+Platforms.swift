import Crypto
import Foundation
import GatewayCore

extension Digests {
    /// Lowercase hex SHA-1 of a string's UTF-8 bytes (WeChat signatures).
    static func sha1Hex(_ text: String) -> String { Hex.encode(Insecure.SHA1.hash(data: Array(text.utf8))) }

    /// Base64 HMAC-SHA256 of a message under a text key (Kuaishou `HMAC_SHA256` signatures).
    static func hmacSHA256Base64(key: String, message: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: Array(key.utf8)))).base64EncodedString()
    }
}

/// Base64 decoding that tolerates what platforms send: surrounding whitespace, line breaks, missing
/// `=` padding, URL-safe letters and non-zero trailing bits (WeChat's 43-character EncodingAESKey).
enum LenientBase64 {
    /// The bytes, or `nil` when a character is not base64 or the length cannot be base64.
    static func decode(_ text: String) -> [UInt8]? {
        var values: [UInt8] = []
        values.reserveCapacity(text.utf8.count)
        var sawPadding = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): values.append(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): values.append(byte - UInt8(ascii: "a") + 26)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): values.append(byte - UInt8(ascii: "0") + 52)
            case UInt8(ascii: "+"), UInt8(ascii: "-"): values.append(62)
            case UInt8(ascii: "/"), UInt8(ascii: "_"): values.append(63)
            case UInt8(ascii: "="):
                sawPadding = true
                continue
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): continue
            default: return nil
            }
            if sawPadding { return nil }  // data after padding
        }
        guard values.count % 4 != 1 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(values.count * 3 / 4)
        var index = 0
        while index + 4 <= values.count {
            let (a, b, c, d) = (values[index], values[index + 1], values[index + 2], values[index + 3])
            out.append(a << 2 | b >> 4)
            out.append(b << 4 | c >> 2)
            out.append(c << 6 | d)
            index += 4
        }
        let rest = values.count - index
        if rest >= 2 { out.append(values[index] << 2 | values[index + 1] >> 4) }
        if rest == 3 { out.append(values[index + 1] << 4 | values[index + 2] >> 2) }
        return out
    }
}

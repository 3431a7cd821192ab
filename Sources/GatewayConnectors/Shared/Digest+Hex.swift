import Crypto
import GatewayCore

extension Sequence where Element == UInt8 {
    /// Lowercase hex of the bytes.
    var hexString: String { Hex.encode(self) }
}

/// Hashing helpers shared by connectors.
enum Digests {
    /// Lowercase hex MD5 of a string's UTF-8 bytes.
    static func md5Hex(_ text: String) -> String { Hex.encode(Insecure.MD5.hash(data: Array(text.utf8))) }

    /// Lowercase hex MD5 of bytes.
    static func md5Hex(_ bytes: [UInt8]) -> String { Hex.encode(Insecure.MD5.hash(data: bytes)) }

    /// Lowercase hex SHA-256 of bytes.
    static func sha256Hex(_ bytes: [UInt8]) -> String { Hex.encode(SHA256.hash(data: bytes)) }

    /// Lowercase hex HMAC-SHA256 of a message under a text key.
    static func hmacSHA256Hex(key: String, message: String) -> String {
        Hex.encode(HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: Array(key.utf8))))
    }
}

import Crypto
import Foundation
import _CryptoExtras

/// WeChat's message encryption for Channels shop pushes (platforms.md §5.1, the WXBizMsgCrypt scheme),
/// written independently of the gateway.
///
/// - AES key: Base64-decode(`EncodingAESKey` + "=") → 32 bytes (AES-256); IV: the first 16 key bytes; CBC.
/// - Plaintext: 16 random bytes ‖ 4-byte big-endian length of the message ‖ message ‖ appid, padded
///   PKCS#7-style to a multiple of **32** bytes (pad byte = pad length, 1…32).
/// - `Encrypt` = Base64 of the ciphertext.
/// - Signatures: lowercase hex SHA1 of the sorted, concatenated strings — `signature` over
///   `[token, timestamp, nonce]`, `msg_signature` over `[token, timestamp, nonce, Encrypt]`.
public struct WechatChannelsMessageCrypto: Sendable {
    private let key: SymmetricKey
    private let ivBytes: [UInt8]
    /// The shop's appid, appended to every plaintext.
    public let appId: String
    /// The shop's push token.
    public let token: String

    /// Creates the crypto of a shop.
    /// - Parameters:
    ///   - encodingAESKey: the 43-character `EncodingAESKey`.
    ///   - appId: the shop's appid.
    ///   - token: the push token.
    /// - Returns: nil when the key does not decode to 32 bytes.
    public init?(encodingAESKey: String, appId: String, token: String) {
        guard encodingAESKey.count == 43, let bytes = Data(base64Encoded: encodingAESKey + "="), bytes.count == 32 else { return nil }
        key = SymmetricKey(data: bytes)
        ivBytes = Array(bytes.prefix(16))
        self.appId = appId
        self.token = token
    }

    /// Encrypts a message.
    /// - Parameters:
    ///   - message: the event JSON.
    ///   - random: the 16 random leading bytes.
    /// - Returns: the `Encrypt` text.
    public func encrypt(_ message: String, random: [UInt8]) throws -> String {
        precondition(random.count == 16, "WeChat prefixes exactly 16 random bytes")
        let body = Array(message.utf8)
        let length = UInt32(body.count)
        var plain = random
        plain += [UInt8(length >> 24), UInt8((length >> 16) & 0xFF), UInt8((length >> 8) & 0xFF), UInt8(length & 0xFF)]
        plain += body + Array(appId.utf8)
        let pad = 32 - plain.count % 32
        plain += [UInt8](repeating: UInt8(pad), count: pad)
        let ciphertext = try AES._CBC.encrypt(plain, using: key, iv: AES._CBC.IV(ivBytes: ivBytes), noPadding: true)
        return ciphertext.base64EncodedString()
    }

    /// Decrypts an `Encrypt` text and checks its appid.
    /// - Returns: the message text.
    /// - Throws: ``MockPlatformError`` when the text is not Base64, the padding or length is wrong, or the appid differs.
    public func decrypt(_ encrypted: String) throws -> String {
        guard let ciphertext = Data(base64Encoded: encrypted) else { throw MockPlatformError.invalidTransition("Encrypt is not Base64") }
        let plain = Array(try AES._CBC.decrypt(ciphertext, using: key, iv: AES._CBC.IV(ivBytes: ivBytes), noPadding: true))
        guard let pad = plain.last, (1...32).contains(pad), plain.count >= 20 + Int(pad) else {
            throw MockPlatformError.invalidTransition("bad padding")
        }
        let content = plain.dropLast(Int(pad))
        let lengthBytes = Array(content.dropFirst(16).prefix(4))
        let length = lengthBytes.reduce(0) { $0 << 8 | Int($1) }
        guard content.count >= 20 + length else { throw MockPlatformError.invalidTransition("bad length") }
        let message = content.dropFirst(20).prefix(length)
        let appid = content.dropFirst(20 + length)
        guard String(decoding: appid, as: UTF8.self) == appId else { throw MockPlatformError.invalidTransition("appid differs") }
        return String(decoding: message, as: UTF8.self)
    }

    /// Lowercase hex SHA1 of the lexicographically sorted, concatenated values.
    public static func signature(_ values: [String]) -> String {
        Hex.lowercase(Insecure.SHA1.hash(data: Data(values.sorted().joined().utf8)))
    }
}

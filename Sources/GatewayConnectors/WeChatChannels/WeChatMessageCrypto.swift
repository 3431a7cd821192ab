import Crypto
import Foundation
import GatewayCore

/// WeChat's message signature and encryption (WXBizMsgCrypt), as the Channels shop push uses it
/// (platforms.md §5.1).
///
/// - URL verification `signature` = lowercase hex SHA-1 of the byte-wise sorted concatenation of
///   `[token, timestamp, nonce]`.
/// - `msg_signature` = the same over `[token, timestamp, nonce, Encrypt]`.
/// - Encryption: AES-256-CBC, key = Base64(EncodingAESKey + "=") (32 bytes), IV = the key's first 16 bytes,
///   PKCS#7 padding to a **32-byte** block; plaintext = 16 random bytes ‖ 4-byte big-endian message length ‖
///   message ‖ appid.
public struct WeChatMessageCrypto: Sendable {
    /// Why an `Encrypt` value could not be opened.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// `Encrypt` is not Base64.
        case notBase64
        /// AES-CBC or its padding failed (wrong key, changed byte).
        case cipher(String)
        /// The decrypted layout is not random(16) ‖ length(4) ‖ message ‖ appid.
        case badLayout(String)
        /// The trailing appid is not the shop's.
        case wrongAppId(found: String, expected: String)

        public var description: String {
            switch self {
            case .notBase64: "Encrypt is not Base64"
            case .cipher(let message): "cannot decrypt Encrypt with the shop's encoding_aes_key: \(message)"
            case .badLayout(let message): "decrypted Encrypt is not random(16) ‖ length(4) ‖ message ‖ appid: \(message)"
            case .wrongAppId(let found, let expected): "Encrypt was made for appid \"\(found)\", not this shop's app_id \"\(expected)\""
            }
        }
    }

    /// The push token (credential `token`).
    public let token: String
    /// The shop's appid (credential `app_id`), which every decrypted message must end with.
    public let appId: String
    private let cipher: AESCBCCipher

    /// Creates the crypto.
    /// - Parameters:
    ///   - token: credential `token`; `encodingAESKey`: credential `encoding_aes_key` (43 characters); `appId`: credential `app_id`.
    /// - Throws: ``ConnectorError`` when the EncodingAESKey does not decode to 32 bytes.
    public init(token: String, encodingAESKey: String, appId: String) throws {
        guard let key = LenientBase64.decode(encodingAESKey + "="), key.count == 32 else {
            throw ConnectorError("wechat-channels encoding_aes_key must be the 43-character EncodingAESKey (Base64 of 32 bytes without \"=\")")
        }
        self.token = token
        self.appId = appId
        self.cipher = try AESCBCCipher(key: key, iv: Array(key.prefix(16)), paddingBlockSize: 32)
    }

    /// The URL-verification `signature` for a timestamp and nonce.
    public static func signature(token: String, timestamp: String, nonce: String) -> String {
        Digests.sha1Hex(SortedParameters.sortedConcatenation([token, timestamp, nonce]))
    }

    /// The `msg_signature` for an encrypted message.
    public static func messageSignature(token: String, timestamp: String, nonce: String, encrypt: String) -> String {
        Digests.sha1Hex(SortedParameters.sortedConcatenation([token, timestamp, nonce, encrypt]))
    }

    /// Decrypts an `Encrypt` value and checks the appid.
    /// - Returns: the message bytes (JSON for Channels shop).
    public func decrypt(_ encrypt: String) throws(Failure) -> [UInt8] {
        guard let ciphertext = LenientBase64.decode(encrypt), !ciphertext.isEmpty else { throw .notBase64 }
        let plain: [UInt8]
        do {
            plain = try cipher.decrypt(ciphertext)
        } catch {
            throw .cipher(error.description)
        }
        guard plain.count >= 20 else { throw .badLayout("only \(plain.count) bytes") }
        let length = plain[16..<20].reduce(0) { $0 << 8 | Int($1) }
        guard length <= plain.count - 20 else { throw .badLayout("message length \(length) exceeds the \(plain.count - 20) bytes left") }
        let message = Array(plain[20..<(20 + length)])
        let trailing = Array(plain[(20 + length)...])
        guard let found = String(validating: trailing, as: UTF8.self) else { throw .badLayout("appid is not UTF-8") }
        guard ConstantTime.equals(found, appId) else { throw .wrongAppId(found: found, expected: appId) }
        return message
    }

    /// Encrypts a message as WeChat would (Base64 text), for tests and senders.
    /// - Parameter random: the 16 leading random bytes (fresh ones when `nil`).
    public func encrypt(_ message: [UInt8], random: [UInt8]? = nil) throws -> String {
        let prefix = random ?? (0..<16).map { _ in UInt8.random(in: 0...255) }
        guard prefix.count == 16 else { throw ConnectorError("the random prefix must be 16 bytes") }
        let length = UInt32(message.count)
        let lengthBytes = [UInt8(length >> 24 & 0xFF), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
        return Data(try cipher.encrypt(prefix + lengthBytes + message + Array(appId.utf8))).base64EncodedString()
    }
}

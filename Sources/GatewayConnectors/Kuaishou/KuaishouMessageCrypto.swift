import Foundation
import GatewayCore

/// Kuaishou message push encryption (platforms.md §2.1, official doc "消息服务说明" §3.4).
///
/// The push body is Base64 text of `AES/CBC/PKCS5Padding` ciphertext under the app's message key
/// (credential `message_key`, itself Base64) with an **all-zero 16-byte IV**; the plaintext is UTF-8 JSON.
public struct KuaishouMessageCrypto: Sendable {
    private let cipher: AESCBCCipher

    /// Creates the crypto for a Base64 message key.
    /// - Throws: ``ConnectorError`` if the key is not Base64 of 16, 24 or 32 bytes.
    public init(messageKey: String) throws {
        guard let key = LenientBase64.decode(messageKey), [16, 24, 32].contains(key.count) else {
            throw ConnectorError("kuaishou message_key must be Base64 of a 16, 24 or 32 byte AES key")
        }
        self.cipher = try AESCBCCipher(key: key, iv: [UInt8](repeating: 0, count: 16), paddingBlockSize: 16)
    }

    /// Decrypts a push body (Base64 text, surrounding whitespace allowed).
    /// - Throws: ``ConnectorError`` naming what is wrong: not Base64, not whole AES blocks, bad padding, not UTF-8.
    public func decrypt(body: [UInt8]) throws -> [UInt8] {
        guard let text = String(validating: body, as: UTF8.self), let ciphertext = LenientBase64.decode(text), !ciphertext.isEmpty else {
            throw ConnectorError("body is not Base64 ciphertext")
        }
        let plain: [UInt8]
        do {
            plain = try cipher.decrypt(ciphertext)
        } catch {
            throw ConnectorError("cannot decrypt with the shop's message_key: \(error)")
        }
        guard String(validating: plain, as: UTF8.self) != nil else { throw ConnectorError("decrypted body is not UTF-8 text") }
        return plain
    }

    /// Encrypts a message as Kuaishou would push it (Base64 text), for tests and senders.
    public func encrypt(_ plaintext: [UInt8]) throws -> String {
        Data(try cipher.encrypt(plaintext)).base64EncodedString()
    }
}

import Crypto
import Foundation
import _CryptoExtras

/// Kuaishou's push encryption (platforms.md §2.1): AES/CBC/PKCS5Padding with an all-zero 16-byte IV,
/// the key being the Base64-decoded message key of the app (16, 24 or 32 bytes), the body the Base64
/// text of the ciphertext.
public struct KuaishouMessageCipher: Sendable {
    private let key: SymmetricKey

    /// Creates a cipher from the app's Base64 message key.
    /// - Returns: nil when the key is not Base64 of 16, 24 or 32 bytes.
    public init?(base64Key: String) {
        guard let bytes = Data(base64Encoded: base64Key), [16, 24, 32].contains(bytes.count) else { return nil }
        key = SymmetricKey(data: bytes)
    }

    /// Encrypts a message.
    /// - Parameter plaintext: the message JSON, UTF-8.
    /// - Returns: the push body: Base64 of the ciphertext.
    public func encrypt(_ plaintext: [UInt8]) throws -> String {
        let iv = try AES._CBC.IV(ivBytes: [UInt8](repeating: 0, count: 16))
        return try AES._CBC.encrypt(plaintext, using: key, iv: iv).base64EncodedString()
    }

    /// Decrypts a push body.
    /// - Parameter body: Base64 of the ciphertext.
    /// - Returns: the message bytes.
    public func decrypt(_ body: String) throws -> [UInt8] {
        guard let ciphertext = Data(base64Encoded: body.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw MockPlatformError.invalidTransition("the body is not Base64")
        }
        let iv = try AES._CBC.IV(ivBytes: [UInt8](repeating: 0, count: 16))
        return Array(try AES._CBC.decrypt(ciphertext, using: key, iv: iv))
    }
}

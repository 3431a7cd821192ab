import Crypto
import Foundation
import _CryptoExtras

/// AES-CBC with PKCS#7 padding to a chosen block size, for platforms that pad beyond AES's 16 bytes.
///
/// Kuaishou pads to 16 bytes (`AES/CBC/PKCS5Padding`); WeChat's WXBizMsgCrypt pads to **32**. The cipher
/// itself runs without padding and this type adds and checks the padding, so both work with one code path.
/// Key length picks AES-128/192/256 (16, 24 or 32 bytes).
public struct AESCBCCipher: Sendable {
    /// Why a ciphertext could not be decrypted.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The ciphertext is empty or not a whole number of 16-byte AES blocks.
        case notBlockAligned(Int)
        /// The padding bytes are not a valid PKCS#7 padding for the block size.
        case badPadding
        /// The cipher refused the input.
        case cipher(String)

        public var description: String {
            switch self {
            case .notBlockAligned(let count): "ciphertext of \(count) bytes is not a whole number of 16-byte AES blocks"
            case .badPadding: "padding is not valid PKCS#7 (wrong key or corrupted ciphertext)"
            case .cipher(let message): "AES-CBC failed: \(message)"
            }
        }
    }

    private let key: SymmetricKey
    private let iv: [UInt8]
    /// The PKCS#7 block size the padding fills up to (16 or 32 in practice).
    public let paddingBlockSize: Int

    /// Creates a cipher.
    /// - Parameters:
    ///   - key: 16, 24 or 32 bytes.
    ///   - iv: 16 bytes.
    ///   - paddingBlockSize: the PKCS#7 block size, 1…255 and a multiple of 16.
    /// - Throws: ``ConnectorError`` for a key or IV of the wrong length.
    public init(key: [UInt8], iv: [UInt8], paddingBlockSize: Int = 16) throws {
        guard [16, 24, 32].contains(key.count) else { throw ConnectorError("an AES key must be 16, 24 or 32 bytes, not \(key.count)") }
        guard iv.count == 16 else { throw ConnectorError("an AES-CBC IV must be 16 bytes, not \(iv.count)") }
        guard paddingBlockSize > 0, paddingBlockSize < 256, paddingBlockSize % 16 == 0 else {
            throw ConnectorError("padding block size \(paddingBlockSize) must be a multiple of 16 below 256")
        }
        self.key = SymmetricKey(data: key)
        self.iv = iv
        self.paddingBlockSize = paddingBlockSize
    }

    /// Pads `plaintext` with PKCS#7 to the block size and encrypts it.
    public func encrypt(_ plaintext: [UInt8]) throws -> [UInt8] {
        let pad = paddingBlockSize - plaintext.count % paddingBlockSize
        let padded = plaintext + [UInt8](repeating: UInt8(pad), count: pad)
        do {
            return Array(try AES._CBC.encrypt(padded, using: key, iv: try AES._CBC.IV(ivBytes: iv), noPadding: true))
        } catch {
            throw Failure.cipher("\(error)")
        }
    }

    /// Decrypts and strips the PKCS#7 padding, checking every padding byte.
    ///
    /// A pad value from 1 to the block size is accepted, so text padded to 16 decrypts under a
    /// 32-byte padding block as well (WXBizMsgCrypt's own decoder accepts any pad value up to 32).
    public func decrypt(_ ciphertext: [UInt8]) throws(Failure) -> [UInt8] {
        guard !ciphertext.isEmpty, ciphertext.count % 16 == 0 else { throw .notBlockAligned(ciphertext.count) }
        let plain: [UInt8]
        do {
            plain = Array(try AES._CBC.decrypt(ciphertext, using: key, iv: try AES._CBC.IV(ivBytes: iv), noPadding: true))
        } catch {
            throw .cipher("\(error)")
        }
        guard let last = plain.last else { throw .badPadding }
        let pad = Int(last)
        guard pad >= 1, pad <= paddingBlockSize, pad <= plain.count else { throw .badPadding }
        var difference: UInt8 = 0
        for byte in plain[(plain.count - pad)...] { difference |= byte ^ last }
        guard difference == 0 else { throw .badPadding }
        return Array(plain[..<(plain.count - pad)])
    }
}

import Crypto
import Foundation
import Testing
import _CryptoExtras

@testable import GatewayConnectors

@Suite struct SharedCryptoTests {
    @Test func aesCBCMatchesTheNISTVector() throws {
        // NIST SP 800-38A F.2.1 (CBC-AES128.Encrypt), first block.
        let cipher = try AESCBCCipher(key: hexBytes("2b7e151628aed2a6abf7158809cf4f3c"), iv: hexBytes("000102030405060708090a0b0c0d0e0f"))
        let ciphertext = try cipher.encrypt(hexBytes("6bc1bee22e409f96e93d7e117393172a"))
        #expect(Array(ciphertext.prefix(16)) == hexBytes("7649abac8119b246cee98e9b12e9197d"))
        #expect(ciphertext.count == 32)  // a whole block of padding follows
        #expect(try cipher.decrypt(ciphertext) == hexBytes("6bc1bee22e409f96e93d7e117393172a"))
    }

    @Test func padding16AgreesWithCryptoExtrasOwnPKCS7() throws {
        let key = (0..<32).map { UInt8($0) }
        let iv = (100..<116).map { UInt8($0) }
        let plain = Array("椪柑 ponkan 5kg".utf8)
        let independent = Array(try AES._CBC.encrypt(plain, using: SymmetricKey(data: key), iv: try AES._CBC.IV(ivBytes: iv)))
        let cipher = try AESCBCCipher(key: key, iv: iv, paddingBlockSize: 16)
        #expect(try cipher.encrypt(plain) == independent)
        #expect(try cipher.decrypt(independent) == plain)
    }

    @Test func padding32FillsWholeThirtyTwoByteBlocks() throws {
        let key = (0..<32).map { UInt8($0) }
        let cipher = try AESCBCCipher(key: key, iv: Array(key.prefix(16)), paddingBlockSize: 32)
        for length in [0, 1, 16, 31, 32, 33] {
            let plain = [UInt8](repeating: 0x41, count: length)
            let ciphertext = try cipher.encrypt(plain)
            #expect(ciphertext.count % 32 == 0)
            #expect(ciphertext.count > length)
            let raw = Array(
                try AES._CBC.decrypt(ciphertext, using: SymmetricKey(data: key), iv: try AES._CBC.IV(ivBytes: key.prefix(16)), noPadding: true)
            )
            let pad = 32 - length % 32
            #expect(Array(raw.suffix(pad)) == [UInt8](repeating: UInt8(pad), count: pad))
            #expect(try cipher.decrypt(ciphertext) == plain)
        }
    }

    @Test func badPaddingAndBadLengthsAreRefused() throws {
        let key = [UInt8](repeating: 7, count: 16)
        let cipher = try AESCBCCipher(key: key, iv: [UInt8](repeating: 0, count: 16))
        #expect(throws: AESCBCCipher.Failure.notBlockAligned(15)) { try cipher.decrypt([UInt8](repeating: 1, count: 15)) }
        #expect(throws: AESCBCCipher.Failure.notBlockAligned(0)) { try cipher.decrypt([]) }
        // A block whose plaintext ends in 0x00 is not PKCS#7.
        let noPadding = Array(
            try AES._CBC.encrypt(
                [UInt8](repeating: 0, count: 16),
                using: SymmetricKey(data: key),
                iv: try AES._CBC.IV(ivBytes: [UInt8](repeating: 0, count: 16)),
                noPadding: true
            )
        )
        #expect(throws: AESCBCCipher.Failure.badPadding) { try cipher.decrypt(noPadding) }
        #expect(throws: ConnectorError.self) { try AESCBCCipher(key: [1, 2, 3], iv: [UInt8](repeating: 0, count: 16)) }
    }

    @Test func lenientBase64DecodesWhatPlatformsSend() {
        // WeChat's 43-character EncodingAESKey + "=" has non-zero trailing bits; Python's b64decode gives these bytes.
        #expect(
            LenientBase64.decode("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG=")
                == hexBytes("69b71d79f8218a39259a7a29aabb2dbafc31cb3d35db7e39ebbf3d0010831051")
        )
        #expect(LenientBase64.decode("AAECAwQFBgcICQoLDA0ODw==") == (0..<16).map { UInt8($0) })
        #expect(LenientBase64.decode("AAECAwQFBgcICQoLDA0ODw") == (0..<16).map { UInt8($0) })
        #expect(LenientBase64.decode(" AAECAwQF\nBgcICQoLDA0ODw==\n") == (0..<16).map { UInt8($0) })
        #expect(LenientBase64.decode("not base64!") == nil)
        #expect(LenientBase64.decode("A") == nil)
        #expect(LenientBase64.decode("AA==AA") == nil)
    }

    @Test func sortedParameterStrings() {
        #expect(SortedParameters.joined(["b": "2", "a": "1", "A": "0"]) == "A=0&a=1&b=2")
        #expect(SortedParameters.sortedConcatenation(["AAAAA", "1714036504", "1514711492"]) == "15147114921714036504AAAAA")
    }
}

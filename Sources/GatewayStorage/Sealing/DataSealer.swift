import Crypto
public import GatewayCore

/// Seals values at rest with AES-256-GCM under a ``GatewayCore/DataKeyRing`` and opens them again.
///
/// New values are sealed with the ring's current key and carry its id (``GatewayCore/SealedValue``); a value opens with
/// whichever key of the ring has its id, so old key ids keep decrypting after a rotation. Plaintext written before
/// encryption existed (no sealed prefix) is passed through by the `open…` functions, so reads accept both during the
/// transition (migration `v7-data-at-rest` seals what it finds).
public struct DataSealer: Sendable {
    /// The keys.
    public let keys: DataKeyRing
    private let symmetric: [String: SymmetricKey]

    /// Creates a sealer.
    public init(keys: DataKeyRing) {
        self.keys = keys
        self.symmetric = Dictionary(keys.keys.map { ($0.id, SymmetricKey(data: $0.material)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Seals bytes with the current key.
    /// - Throws: a CryptoKit error (not expected with a valid 256-bit key).
    public func seal(_ plaintext: some Collection<UInt8>, purpose: SealPurpose) throws -> SealedValue {
        let key = keys.current
        let box = try AES.GCM.seal(
            Array(plaintext),
            using: symmetric[key.id] ?? SymmetricKey(data: key.material),
            authenticating: SealedValue.associatedData(purpose: purpose, keyId: key.id)
        )
        guard let combined = box.combined else { throw SealedValueError("AES-GCM gave no combined box") }
        return SealedValue(keyId: key.id, box: Array(combined))
    }

    /// Seals bytes into the binary form (BLOB columns).
    public func sealBinary(_ plaintext: some Collection<UInt8>, purpose: SealPurpose) throws -> [UInt8] {
        try seal(plaintext, purpose: purpose).binary
    }

    /// Seals text into the text form (TEXT columns).
    public func sealText(_ plaintext: String, purpose: SealPurpose) throws -> String {
        try seal(Array(plaintext.utf8), purpose: purpose).text
    }

    /// Opens a sealed value.
    /// - Throws: ``SealedValueError`` when the ring has no key with the value's id, or the value does not open with it
    ///   (another key under the same id, or the value or its column was changed).
    public func open(_ value: SealedValue, purpose: SealPurpose) throws(SealedValueError) -> [UInt8] {
        guard let key = symmetric[value.keyId] else {
            throw SealedValueError(
                "sealed with data key \"\(value.keyId)\", which storage.data_keys does not list (configured: "
                    + keys.keys.map(\.id).joined(separator: ", ") + ")"
            )
        }
        do {
            let box = try AES.GCM.SealedBox(combined: value.box)
            return Array(try AES.GCM.open(box, using: key, authenticating: SealedValue.associatedData(purpose: purpose, keyId: value.keyId)))
        } catch {
            throw SealedValueError("does not open with data key \"\(value.keyId)\" (a different key under that id, or the stored value was changed)")
        }
    }

    /// Opens the binary form; bytes without the sealed prefix (stored before encryption) are returned as they are.
    /// - Throws: ``SealedValueError`` for a value that is sealed but cannot be opened or is malformed.
    public func openBinary(_ bytes: [UInt8], purpose: SealPurpose) throws(SealedValueError) -> [UInt8] {
        guard SealedValue.isSealed(binary: bytes) else { return bytes }
        guard let value = SealedValue(binary: bytes) else { throw SealedValueError("a sealed value is malformed (cut short or a bad key id)") }
        return try open(value, purpose: purpose)
    }

    /// Opens the text form; text without the sealed prefix (stored before encryption) is returned as it is.
    /// - Throws: ``SealedValueError`` for a value that is sealed but cannot be opened or is malformed.
    public func openText(_ text: String, purpose: SealPurpose) throws(SealedValueError) -> String {
        guard SealedValue.isSealed(text: text) else { return text }
        guard let value = SealedValue(text: text) else { throw SealedValueError("a sealed value is malformed (cut short or a bad key id)") }
        return String(decoding: try open(value, purpose: purpose), as: UTF8.self)
    }
}

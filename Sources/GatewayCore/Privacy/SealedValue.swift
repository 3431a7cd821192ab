/// The at-rest format of a value sealed with AES-256-GCM under a ``DataKey`` (the cipher itself runs in storage).
///
/// - Binary form (BLOB columns): `00 47 57 01` (NUL, `GW`, version 1), one byte with the key id's length, the key
///   id, then the AES-GCM box: 12-byte nonce ‖ ciphertext ‖ 16-byte tag. Plaintext payloads stored before
///   encryption are UTF-8 text and never start with a NUL byte, so both can be told apart during the transition.
/// - Text form (TEXT columns): `gw1:KEY_ID:` followed by the Base64 of the box. Plaintext stored before (JSON)
///   never starts with `gw1:`.
/// - Authenticated data: `gw1|PURPOSE|KEY_ID` (``associatedData(purpose:keyId:)``), so neither the key id nor the
///   column a value belongs to can be changed without the value failing to open.
public struct SealedValue: Sendable, Hashable {
    /// The first bytes of the binary form.
    public static let binaryMagic: [UInt8] = [0x00, 0x47, 0x57, 0x01]
    /// The start of the text form.
    public static let textPrefix = "gw1:"
    /// Nonce and tag bytes around the ciphertext in a box.
    public static let boxOverhead = 12 + 16

    /// The id of the key the value was sealed with.
    public var keyId: String
    /// The AES-GCM box: nonce ‖ ciphertext ‖ tag.
    public var box: [UInt8]

    /// Creates a sealed value.
    public init(keyId: String, box: [UInt8]) {
        self.keyId = keyId
        self.box = box
    }

    /// Whether bytes are in the binary sealed form (as opposed to plaintext stored before encryption).
    public static func isSealed(binary bytes: some Collection<UInt8>) -> Bool { bytes.starts(with: binaryMagic) }

    /// Whether a text is in the sealed text form.
    public static func isSealed(text: some StringProtocol) -> Bool { text.hasPrefix(textPrefix) }

    /// Reads the binary form; `nil` when the bytes do not start with ``binaryMagic`` or are cut short.
    public init?(binary bytes: some Collection<UInt8>) {
        let bytes = Array(bytes)
        let header = Self.binaryMagic.count
        guard bytes.starts(with: Self.binaryMagic), bytes.count > header else { return nil }
        let idLength = Int(bytes[header])
        let boxStart = header + 1 + idLength
        guard idLength > 0, bytes.count >= boxStart + Self.boxOverhead else { return nil }
        let id = String(decoding: bytes[(header + 1)..<boxStart], as: UTF8.self)
        guard DataKey.isValidId(id) else { return nil }
        self.init(keyId: id, box: Array(bytes[boxStart...]))
    }

    /// Reads the text form; `nil` when the text does not start with ``textPrefix`` or is malformed.
    public init?(text: some StringProtocol) {
        guard text.hasPrefix(Self.textPrefix) else { return nil }
        let rest = text.dropFirst(Self.textPrefix.count)
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let id = rest[..<colon]
        guard DataKey.isValidId(id), let box = Base64.decode(rest[rest.index(after: colon)...]), box.count >= Self.boxOverhead else {
            return nil
        }
        self.init(keyId: String(id), box: box)
    }

    /// The binary form.
    public var binary: [UInt8] {
        let id = Array(keyId.utf8)
        var bytes = Self.binaryMagic
        bytes.reserveCapacity(bytes.count + 1 + id.count + box.count)
        bytes.append(UInt8(truncatingIfNeeded: id.count))
        bytes += id
        bytes += box
        return bytes
    }

    /// The text form.
    public var text: String { Self.textPrefix + keyId + ":" + Base64.encode(box) }

    /// The authenticated data of a value: `gw1|PURPOSE|KEY_ID`.
    public static func associatedData(purpose: SealPurpose, keyId: String) -> [UInt8] {
        Array("gw1|\(purpose.rawValue)|\(keyId)".utf8)
    }
}

/// One AES-256 key for data at rest, with the id that every value sealed with it carries.
///
/// The key material never appears in descriptions or reflection, so a logged configuration cannot leak it.
public struct DataKey: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    /// The longest key id.
    public static let maxIdLength = 32
    /// The key length in bytes (AES-256).
    public static let byteCount = 32

    /// The key id: 1…32 ASCII letters, digits, `-` or `_`.
    public let id: String
    /// The 32 key bytes.
    public let material: [UInt8]

    /// Creates a key.
    /// - Throws: ``DataKeyRingError`` when the id is not 1…32 of `[A-Za-z0-9_-]` or the material is not 32 bytes.
    public init(id: String, material: [UInt8]) throws(DataKeyRingError) {
        var problems: [String] = []
        if !Self.isValidId(id) {
            problems.append("key id \"\(BoundedText.truncate(id, maxBytes: 40))\" must be 1…\(Self.maxIdLength) ASCII letters, digits, - or _")
        }
        if material.count != Self.byteCount {
            problems.append(
                "key \"\(BoundedText.truncate(id, maxBytes: 40))\" is \(material.count) bytes; AES-256-GCM needs exactly \(Self.byteCount)"
            )
        }
        guard problems.isEmpty else { throw DataKeyRingError(problems: problems) }
        self.id = id
        self.material = material
    }

    /// Whether a text is a valid key id.
    public static func isValidId(_ id: some StringProtocol) -> Bool {
        !id.isEmpty && id.utf8.count <= maxIdLength
            && id.utf8.allSatisfy { byte in
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            }
    }

    /// `DataKey(id, redacted)`: never the key bytes.
    public var description: String { "DataKey(\(id), redacted)" }
    /// Reflection shows the id only.
    public var customMirror: Mirror { Mirror(self, children: ["id": id], displayStyle: .struct) }
}

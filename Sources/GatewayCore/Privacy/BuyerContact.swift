/// A buyer's contact as a platform sent it in **plaintext**: personal data.
///
/// It lives in memory only: ``BuyerInfo`` never encodes it (storage keeps it sealed, ``BuyerInfo/sealedReceiver``),
/// and its description and reflection are redacted, so it cannot reach a log, a fingerprint or a view by accident.
/// Masked values (containing `*`) and empty values are not personal data and are not kept here.
public struct BuyerContact: Sendable, Hashable, Codable, CustomStringConvertible, CustomReflectable {
    /// The receiver's name.
    public var name: String?
    /// The receiver's phone number.
    public var phone: String?
    /// The delivery address (street, house number; the region is kept apart, unsealed, in ``BuyerInfo``).
    public var address: String?

    /// A contact from the values a platform sent; only plaintext values are kept (not empty, not masked with `*`).
    /// `nil` when none is left. Pass platform ciphertext as `nil`: it is kept as received in ``BuyerInfo/platformCiphertext``.
    public init?(name: String?, phone: String?, address: String?) {
        self.name = Self.plain(name)
        self.phone = Self.plain(phone)
        self.address = Self.plain(address)
        if self.name == nil && self.phone == nil && self.address == nil { return nil }
    }

    /// Whether a value is plaintext personal data: not empty and not masked with `*`.
    public static func isPlain(_ value: String?) -> Bool { plain(value) != nil }

    private static func plain(_ value: String?) -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingWhitespace()
        guard !trimmed.isEmpty, !trimmed.contains("*") else { return nil }
        return value
    }

    /// `BuyerContact(redacted)`.
    public var description: String { "BuyerContact(redacted)" }
    /// No children: reflection shows nothing personal.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

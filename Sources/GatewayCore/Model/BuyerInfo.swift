/// What the gateway keeps about a buyer: masked forms and the region, never plain personal data.
///
/// Platforms send plain fields empty or masked for most apps, and their ciphertext (Douyin
/// `encrypt_post_*`) is stored as received in ``platformCiphertext``.
public struct BuyerInfo: Sendable, Hashable, Codable {
    /// Masked name, e.g. `张*`.
    public var maskedName: String?
    /// Masked phone, e.g. `138****5678`.
    public var maskedPhone: String?
    /// The last four digits of the phone, for staff search.
    public var phoneTail: String?
    /// Province of the delivery address.
    public var province: String?
    /// City of the delivery address.
    public var city: String?
    /// Platform ciphertext of the receiver fields, stored as received.
    public var platformCiphertext: [String: String]

    /// Creates buyer information.
    public init(
        maskedName: String? = nil,
        maskedPhone: String? = nil,
        phoneTail: String? = nil,
        province: String? = nil,
        city: String? = nil,
        platformCiphertext: [String: String] = [:]
    ) {
        self.maskedName = maskedName
        self.maskedPhone = maskedPhone
        self.phoneTail = phoneTail
        self.province = province
        self.city = city
        self.platformCiphertext = platformCiphertext
    }
}

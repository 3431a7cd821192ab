/// What the gateway keeps about a buyer: masked forms and the region in the clear, plaintext contact sealed.
///
/// **What is personal.** The receiver's name, phone and address in plaintext (``receiver``) are personal data:
/// they exist in memory only while an observation is merged, are stored only sealed with AES-256-GCM
/// (``sealedReceiver``, sealed by storage under the current data key) and are never shown. Masked forms
/// (``maskedName``, ``maskedPhone``, the phone's last four digits) and the province and city are what views show.
/// Platform ciphertext (Douyin `encrypt_post_*`, Kuaishou `encrypted*`, …) is kept as received in ``platformCiphertext``.
///
/// ``receiver`` is never encoded and is left out of descriptions and reflection (so out of
/// ``Fingerprint/of(_:)`` too: a fast unkeyed hash over a phone whose masked form is known would give it away).
public struct BuyerInfo: Sendable, Hashable, Codable, CustomReflectable {
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
    /// The plaintext contact a platform sent, in memory only (never encoded): storage seals it into
    /// ``sealedReceiver`` when the order is saved and opens it again when the order is merged.
    public var receiver: BuyerContact?
    /// ``receiver`` sealed at rest (``SealedValue`` text form, purpose ``SealPurpose/receiver``), as stored.
    public var sealedReceiver: String?

    /// Creates buyer information.
    public init(
        maskedName: String? = nil,
        maskedPhone: String? = nil,
        phoneTail: String? = nil,
        province: String? = nil,
        city: String? = nil,
        platformCiphertext: [String: String] = [:],
        receiver: BuyerContact? = nil
    ) {
        self.maskedName = maskedName
        self.maskedPhone = maskedPhone
        self.phoneTail = phoneTail
        self.province = province
        self.city = city
        self.platformCiphertext = platformCiphertext
        self.receiver = receiver
        self.sealedReceiver = nil
    }

    private enum CodingKeys: String, CodingKey {
        case maskedName, maskedPhone, phoneTail, province, city, platformCiphertext, sealedReceiver
    }

    /// Decodes buyer information as stored (``receiver`` is never stored; ``sealedReceiver`` may be).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        maskedName = try container.decodeIfPresent(String.self, forKey: .maskedName)
        maskedPhone = try container.decodeIfPresent(String.self, forKey: .maskedPhone)
        phoneTail = try container.decodeIfPresent(String.self, forKey: .phoneTail)
        province = try container.decodeIfPresent(String.self, forKey: .province)
        city = try container.decodeIfPresent(String.self, forKey: .city)
        platformCiphertext = try container.decodeIfPresent([String: String].self, forKey: .platformCiphertext) ?? [:]
        receiver = nil
        sealedReceiver = try container.decodeIfPresent(String.self, forKey: .sealedReceiver)
    }

    /// Encodes everything but the plaintext ``receiver``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(maskedName, forKey: .maskedName)
        try container.encodeIfPresent(maskedPhone, forKey: .maskedPhone)
        try container.encodeIfPresent(phoneTail, forKey: .phoneTail)
        try container.encodeIfPresent(province, forKey: .province)
        try container.encodeIfPresent(city, forKey: .city)
        try container.encode(platformCiphertext, forKey: .platformCiphertext)
        try container.encodeIfPresent(sealedReceiver, forKey: .sealedReceiver)
    }

    /// The fields that are not personal, as the synthesized reflection showed them before ``receiver`` existed
    /// (content fingerprints of stored orders stay the same).
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "maskedName": maskedName as Any, "maskedPhone": maskedPhone as Any, "phoneTail": phoneTail as Any,
                "province": province as Any, "city": city as Any, "platformCiphertext": platformCiphertext as Any,
            ],
            displayStyle: .struct
        )
    }
}

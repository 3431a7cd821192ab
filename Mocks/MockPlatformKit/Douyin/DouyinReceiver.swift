import Foundation

/// A buyer's delivery address as the mock holds it, with the masked and "encrypted" forms Douyin sends.
struct DouyinReceiver: Sendable, Equatable {
    var name: String
    var phone: String
    var province: String
    var city: String
    var town: String
    var street: String
    var detail: String

    /// The name with all but the first character masked, e.g. `张*`.
    var maskedName: String {
        guard let first = name.first else { return "" }
        return String(first) + String(repeating: "*", count: max(1, name.count - 1))
    }

    /// The phone with the middle digits masked, e.g. `138****5678`.
    var maskedPhone: String {
        guard phone.count >= 7 else { return "****" }
        return String(phone.prefix(3)) + "****" + String(phone.suffix(4))
    }

    /// The street detail masked, e.g. `解放路***`.
    var maskedDetail: String {
        String(detail.prefix(3)) + "***"
    }

    /// A ciphertext-looking string standing in for Douyin's `encrypt_*` fields (not real encryption:
    /// the gateway must store it as received and never needs to decrypt it against the mock).
    static func cipher(_ plain: String) -> String {
        "#" + Data(plain.utf8).base64EncodedString() + "#mock#" + Hex.lowercase(Array(plain.utf8.prefix(6))) + "##"
    }
}

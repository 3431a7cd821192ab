import Foundation

/// A made-up buyer and delivery address for a mock order, with the masked and sealed forms platforms send.
struct MockRecipient: Sendable, Equatable {
    var name: String
    var phone: String
    var province: String
    var city: String
    var district: String
    var detail: String

    /// The name with all but the first character masked, e.g. `张**`.
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
    var maskedDetail: String { String(detail.prefix(3)) + "***" }

    /// A ciphertext-looking stand-in for a platform's encrypted PII field (not real encryption: the
    /// gateway stores it as received and never needs to decrypt it against the mock).
    static func sealed(_ plain: String, tag: String) -> String {
        "##" + tag + "#" + Data(plain.utf8).base64EncodedString() + "##"
    }

    private static let surnames = ["张", "王", "李", "刘", "陈", "杨", "彭", "向", "田", "龙", "石", "吴"]
    private static let givenNames = ["建国", "秀英", "小红", "志强", "桂花", "海燕", "德明", "春生", "玉兰", "金花"]
    private static let districts = ["芙蓉区", "天心区", "岳麓区", "开福区", "雨花区", "迁陵镇"]
    private static let streets = ["解放路", "五一大道", "韶山路", "人民路", "建设街"]

    /// A random recipient in a province and city.
    static func random(province: String, city: String, generator: inout SeededGenerator) -> MockRecipient {
        let name = surnames[generator.below(surnames.count)] + givenNames[generator.below(givenNames.count)]
        let phone = "1" + ["38", "39", "58", "77", "86"][generator.below(5)] + String(10_000_000 + generator.below(90_000_000))
        let street = streets[generator.below(streets.count)]
        return MockRecipient(
            name: name,
            phone: phone,
            province: province,
            city: city,
            district: districts[generator.below(districts.count)],
            detail: street + String(1 + generator.below(300)) + "号"
        )
    }
}

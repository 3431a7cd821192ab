/// Masking of buyer contact details before they are kept (design.md §3: shown masked only).
public enum MaskedContact {
    /// A name as the gateway may show it: kept if the platform already masked it (contains `*`),
    /// else its first character followed by `*`s.
    public static func name(_ name: String?) -> String? {
        guard let name, !name.isEmpty else { return nil }
        if name.contains("*") { return name }
        return String(name.prefix(1)) + String(repeating: "*", count: max(name.count - 1, 1))
    }

    /// A phone as the gateway may show it: kept if already masked, else `138****5678`
    /// (all `*` when too short to keep any digits).
    public static func phone(_ phone: String?) -> String? {
        guard let phone, !phone.isEmpty else { return nil }
        if phone.contains("*") { return phone }
        guard phone.count >= 8 else { return String(repeating: "*", count: phone.count) }
        return String(phone.prefix(3)) + "****" + String(phone.suffix(4))
    }

    /// The last four digits of a (masked) phone, when they are ASCII digits.
    public static func phoneTail(_ phone: String?) -> String? {
        guard let phone else { return nil }
        let tail = String(phone.suffix(4))
        return tail.count == 4 && tail.allSatisfy { $0.isASCII && $0.isNumber } ? tail : nil
    }
}

/// What makes a new staff user valid (every ``StaffDirectory`` applies it before storing one): a username of
/// 1…``BoundedText/maxUsernameBytes`` bytes without whitespace or colons, an enterprise for `staff` users and none for
/// the others.
public enum StaffUserRule {
    /// The username (trimmed) and enterprise (empty taken as none) to store.
    /// - Throws: ``StaffDirectoryError/invalidUser(_:)`` saying what is wrong.
    public static func validated(
        username: String,
        role: StaffRole,
        enterpriseId: String?
    ) throws(StaffDirectoryError) -> (
        username: String, enterpriseId: String?
    ) {
        let name = trimmingSpaces(username)
        guard !name.isEmpty, name.utf8.count <= BoundedText.maxUsernameBytes, !name.contains(where: { $0.isWhitespace || $0 == ":" }) else {
            throw .invalidUser(
                "username \"\(BoundedText.truncate(username, maxBytes: 80))\" must be 1…\(BoundedText.maxUsernameBytes) bytes, without spaces or colons"
            )
        }
        let enterprise = enterpriseId.flatMap { $0.isEmpty ? nil : $0 }
        if role == .staff && enterprise == nil { throw .invalidUser("a staff user needs an enterprise (--enterprise)") }
        if role != .staff && enterprise != nil {
            throw .invalidUser("only staff users belong to an enterprise; \(role.rawValue) users see every enterprise")
        }
        return (name, enterprise)
    }

    /// The text without leading and trailing tabs and space separators (Unicode `Zs`), like Foundation's
    /// `trimmingCharacters(in: .whitespaces)`; line breaks stay (and make the username invalid).
    static func trimmingSpaces(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { character in
            character == "\t" || character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .spaceSeparator }
        }
        guard let start = text.firstIndex(where: { !isSpace($0) }), let end = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[start...end])
    }
}

/// Length caps for untrusted text (issue #12): usernames, form fields and audit columns never grow unbounded.
public enum BoundedText {
    /// The longest username accepted anywhere (UTF-8 bytes).
    public static let maxUsernameBytes = 64
    /// The longest console form field (UTF-8 bytes); statement uploads have their own limit.
    public static let maxFormFieldBytes = 4096
    /// The longest audit `actor` or `subject` stored (UTF-8 bytes).
    public static let maxAuditNameBytes = 256
    /// The longest audit `detail` stored (UTF-8 bytes).
    public static let maxAuditDetailBytes = 4096

    /// The longest prefix of `text` that fits in `maxBytes` UTF-8 bytes, cut on a character boundary.
    public static func truncate(_ text: String, maxBytes: Int) -> String {
        guard text.utf8.count > maxBytes else { return text }
        var result = ""
        var bytes = 0
        for character in text {
            let size = character.utf8.count
            guard bytes + size <= maxBytes else { break }
            result.append(character)
            bytes += size
        }
        return result
    }
}

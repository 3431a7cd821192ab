/// Deterministic, process-independent hashing for content fingerprints (Swift's `Hasher` is seeded per process).
public enum Fingerprint {
    /// 64-bit FNV-1a of a string's UTF-8 bytes.
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// A fingerprint of a snapshot's whole content, independent of dictionary iteration order: FNV-1a of its reflection
    /// text (``reflectionText(of:)``, without the platform ciphertext) followed by the ciphertext sorted by key.
    public static func of(_ snapshot: OrderSnapshot) -> UInt64 {
        var stable = snapshot
        let ciphertext = stable.buyer.platformCiphertext.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        stable.buyer.platformCiphertext = [:]
        return fnv1a(reflectionText(of: stable) + ciphertext.joined(separator: "&"))
    }
}

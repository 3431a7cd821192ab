/// A platform statement (settlement bill, fund flow) read from a file and normalised.
public struct Statement: Sendable, Hashable, Codable {
    /// The platform the statement comes from.
    public var platform: Platform
    /// The configured shop key the statement belongs to.
    public var shop: String
    /// The statement format's name (e.g. `douyin-settlement`, `generic`).
    public var format: String
    /// Every data row, in file order (fee and other rows included).
    public var lines: [StatementLine]
    /// A digest of the statement's content; the same file imported twice has the same fingerprint.
    public var fingerprint: String

    /// Creates a statement; the fingerprint is computed from the content unless given.
    public init(platform: Platform, shop: String, format: String, lines: [StatementLine], fingerprint: String? = nil) {
        self.platform = platform
        self.shop = shop
        self.format = format
        self.lines = lines
        self.fingerprint = fingerprint ?? Statement.fingerprint(platform: platform, format: format, lines: lines)
    }

    /// The content fingerprint of statement rows: independent of line endings, BOMs, column order and
    /// cell formatting (`="…"`, `¥`), because it digests the normalised rows, not the file bytes.
    ///
    /// Two 64-bit FNV-1a digests (forward and over a salted copy) plus the row count, as hex.
    public static func fingerprint(platform: Platform, format: String, lines: [StatementLine]) -> String {
        var canonical = "\(platform.rawValue)|\(format)\n"
        for line in lines {
            let raw = line.raw.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{1F}")
            let status = line.statusText ?? ""
            canonical += "\(line.platformOrderId)|\(line.amountFen)|\(line.kind.rawValue)|\(status)|\(raw)\n"
        }
        let first = Fingerprint.fnv1a(canonical)
        let second = Fingerprint.fnv1a("statement-salt\u{0}" + canonical + "\u{0}\(lines.count)")
        return "\(lines.count)-" + Hex.encode(bytes(first)) + Hex.encode(bytes(second))
    }

    /// The range of order creation times the statement's rows name, if any row names one.
    public var orderCreationRange: ReconciliationPeriod? {
        let times = lines.compactMap(\.orderCreatedAt)
        guard let first = times.min(), let last = times.max() else { return nil }
        return ReconciliationPeriod(from: first, to: last.adding(milliseconds: 1))
    }

    private static func bytes(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * UInt64($0))) }
    }
}

/// Exact money conversions. Money is integer fen everywhere; yuan never passes through `Double`.
public enum Money {
    /// Parses a yuan amount such as `"200.07"`, `"12.5"`, `"3"` or `"-1.20"` into fen, exactly.
    ///
    /// - Returns: the amount in fen, or `nil` when the text is not a plain decimal with at most two
    ///   fraction digits (a third non-zero digit would lose money, so it is refused).
    public static func fen(fromYuan text: String) -> Int64? {
        var chars = Substring(text.trimmingWhitespace())
        var negative = false
        if chars.first == "-" {
            negative = true
            chars = chars.dropFirst()
        } else if chars.first == "+" {
            chars = chars.dropFirst()
        }
        let parts = chars.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty || parts.count == 2, whole.allSatisfy(\.isASCIIDigit) else { return nil }
        var fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.allSatisfy(\.isASCIIDigit), !(parts.count == 2 && whole.isEmpty && fraction.isEmpty) else { return nil }
        while fraction.count > 2, fraction.last == "0" { fraction = fraction.dropLast() }
        guard fraction.count <= 2 else { return nil }
        let paddedFraction = fraction + String(repeating: "0", count: 2 - fraction.count)
        guard let yuan = Int64(whole.isEmpty ? "0" : whole), let cents = Int64(paddedFraction) else { return nil }
        let (scaled, overflow) = yuan.multipliedReportingOverflow(by: 100)
        let (value, sumOverflow) = scaled.addingReportingOverflow(cents)
        guard !overflow, !sumOverflow else { return nil }
        return negative ? -value : value
    }

    /// The amounts a statement row may carry: ±10¹² fen (±10 billion yuan). Anything outside is a bad row,
    /// so that netting many rows stays far from `Int64` overflow.
    public static let statementFenRange: ClosedRange<Int64> = -1_000_000_000_000...1_000_000_000_000

    /// `a + b`, clamped to `Int64.min…Int64.max` instead of trapping on overflow.
    public static func saturatingSum(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard overflow else { return sum }
        return b > 0 ? .max : .min
    }

    /// `a - b`, clamped to `Int64.min…Int64.max` instead of trapping on overflow.
    public static func saturatingDifference(_ a: Int64, _ b: Int64) -> Int64 {
        let (difference, overflow) = a.subtractingReportingOverflow(b)
        guard overflow else { return difference }
        return b < 0 ? .max : .min
    }

    /// `a × b`, clamped to `Int64.min…Int64.max` instead of trapping on overflow (e.g. a platform's unit price
    /// times its quantity: a product outside ``ObservationBounds`` stays outside and is parked, never traps).
    public static func saturatingProduct(_ a: Int64, _ b: Int64) -> Int64 {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        guard overflow else { return product }
        return (a < 0) == (b < 0) ? .max : .min
    }

    /// Formats fen as a yuan string with two decimals, e.g. `20007` → `"200.07"`.
    public static func yuanString(fromFen fen: Int64) -> String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}

extension Character {
    /// Whether the character is one of `0`…`9`.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[start...end]
    }
}

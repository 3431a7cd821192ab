/// Integer ratios for reports.
public enum PerMille {
    /// `part / whole` in per-mille, rounded half up; 0 when `whole` is not positive.
    public static func of(_ part: Int64, _ whole: Int64) -> Int {
        guard whole > 0 else { return 0 }
        return Int((Int128(part) * 1000 * 2 + Int128(whole)) / (Int128(whole) * 2))
    }

    /// `total / count` rounded half up; 0 when `count` is not positive.
    public static func average(_ total: Int64, over count: Int) -> Int64 {
        guard count > 0 else { return 0 }
        let doubled = Int128(total) * 2 + Int128(count)
        return Int64(clamping: doubled / (Int128(count) * 2))
    }
}

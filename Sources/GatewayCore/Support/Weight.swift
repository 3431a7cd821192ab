/// Exact weights: kilograms as written by people, grams as stored.
public enum Weight {
    /// `"5"` → 5000, `"0.25"` → 250, `"2.5"` → 2500; at most three significant decimals (`"1.2500"` is fine);
    /// `nil` for anything else or on overflow (never through `Double`).
    public static func grams(fromKilograms text: String) -> Int64? {
        let trimmed = text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
        let parts = String(trimmed).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), let whole = Int64(parts[0]) else { return nil }
        let (grams, overflow) = whole.multipliedReportingOverflow(by: 1000)
        guard !overflow else { return nil }
        guard parts.count == 2 else { return grams }
        var digits = parts[1]
        guard !digits.isEmpty else { return nil }
        while digits.count > 3, digits.last == "0" { digits = digits.dropLast() }
        guard digits.count <= 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let fraction = Int64(digits) else { return nil }
        let (total, overflowed) = grams.addingReportingOverflow(fraction * [1, 100, 10, 1][digits.count])
        return overflowed ? nil : total
    }

    /// Grams as kilograms text without trailing zeros (`250` → `"0.25"`).
    public static func kilogramsString(fromGrams grams: Int64) -> String {
        let whole = grams / 1000
        let fraction = grams % 1000
        guard fraction != 0 else { return String(whole) }
        var digits = String(fraction)
        while digits.count < 3 { digits = "0" + digits }
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }
}

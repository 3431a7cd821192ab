/// Exact conversions between integer fen and the yuan text Pinduoduo and Taobao send, with integer
/// arithmetic only (a yuan amount never passes through `Double`).
enum YuanText {
    /// Yuan with exactly two decimals, as Taobao sends money: 20007 → `200.07`, 10 → `0.10`, 0 → `0.00`.
    static func twoDecimals(_ fen: Int64) -> String {
        let (sign, whole, cents) = split(fen)
        return sign + String(whole) + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// Yuan as Java prints a `double` of that value (the form of Pinduoduo's JSON numbers): the shortest
    /// decimal with at least one fraction digit. 5980 → `59.8`, 10 → `0.1`, 10000 → `100.0`, 20007 → `200.07`.
    static func javaDouble(_ fen: Int64) -> String {
        let (sign, whole, cents) = split(fen)
        let fraction: String
        if cents == 0 {
            fraction = "0"
        } else if cents % 10 == 0 {
            fraction = String(cents / 10)
        } else {
            fraction = (cents < 10 ? "0" : "") + String(cents)
        }
        return sign + String(whole) + "." + fraction
    }

    /// Parses a yuan amount with at most two decimals (`200.07`, `59.8`, `100`, `-0.5`) into fen.
    /// - Returns: nil for anything else (more decimals, exponents, stray characters, overflow).
    static func fen(_ text: String) -> Int64? {
        var digits = Substring(text)
        var negative = false
        if digits.first == "-" {
            negative = true
            digits = digits.dropFirst()
        }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let wholeText = parts.first, !wholeText.isEmpty, wholeText.allSatisfy(\.isASCIIDigit) else { return nil }
        var fractionText = parts.count > 1 ? parts[1] : ""
        guard parts.count == 1 || !fractionText.isEmpty, fractionText.count <= 2, fractionText.allSatisfy(\.isASCIIDigit) else {
            return nil
        }
        while fractionText.count < 2 { fractionText += "0" }
        guard let whole = Int64(wholeText), let cents = Int64(fractionText) else { return nil }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: 100)
        guard !overflow else { return nil }
        let (total, overflowAdd) = scaled.addingReportingOverflow(cents)
        guard !overflowAdd else { return nil }
        return negative ? -total : total
    }

    private static func split(_ fen: Int64) -> (sign: String, whole: UInt64, cents: UInt64) {
        let magnitude = fen.magnitude
        return (fen < 0 ? "-" : "", magnitude / 100, magnitude % 100)
    }
}

extension Character {
    /// Whether the character is one of the ASCII digits `0`…`9`.
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

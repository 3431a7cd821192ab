public import GatewayCore

/// Times in the staff API: ISO 8601 / RFC 3339 in UTC, `2026-11-29T08:01:00Z`, with milliseconds
/// (`2026-11-29T08:01:00.250Z`) only when the time has them.
public enum APITime {
    /// The UTC text of a timestamp.
    public static func string(_ timestamp: Timestamp) -> String {
        let (dayCount, remainder) = floorDivision(timestamp.millisecondsSince1970, 86_400_000)
        let (year, month, day) = civil(fromDays: dayCount)
        let milliseconds = remainder % 1000
        let seconds = remainder / 1000
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        text += "T" + pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
        if milliseconds != 0 { text += "." + pad(milliseconds, 3) }
        return text + "Z"
    }

    /// An optional timestamp's text.
    public static func string(_ timestamp: Timestamp?) -> String? { timestamp.map { string($0) } }

    /// Quotient rounded down and a remainder in `0..<divisor` (never traps: `divisor` is positive).
    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }

    /// Year, month and day of a day count since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let (era, _) = floorDivision(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

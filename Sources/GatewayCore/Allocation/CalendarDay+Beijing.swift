extension CalendarDay {
    /// The Beijing (UTC+8) calendar day of an instant, as `yyyy-MM-dd`: the day orders are counted in.
    public static func beijing(_ instant: Timestamp) -> String {
        let millisecondsPerDay: Int64 = 86_400_000
        let local = instant.millisecondsSince1970 + 8 * 3_600_000
        let days = local >= 0 ? local / millisecondsPerDay : (local - millisecondsPerDay + 1) / millisecondsPerDay
        // Civil date from days since 1970-01-01 (proleptic Gregorian).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}

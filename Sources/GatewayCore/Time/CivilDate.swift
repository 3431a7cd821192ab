/// A day of the proleptic Gregorian calendar, and its conversion to and from a count of days since 1970-01-01.
///
/// The one civil-date algorithm of the gateway (Howard Hinnant's `days_from_civil` / `civil_from_days`): Beijing
/// time (``BeijingTime``), the staff API's UTC times and statement dates all convert through it.
///
/// ```swift
/// let date = CivilDate(daysSince1970: 20_000)          // 2024-10-04
/// #expect(date.daysSince1970 == 20_000)
/// ```
public struct CivilDate: Sendable, Hashable, Codable {
    /// The year (proleptic Gregorian; may be zero or negative).
    public var year: Int64
    /// The month, 1…12.
    public var month: Int64
    /// The day of the month, 1…31.
    public var day: Int64

    /// Creates a date from its parts (not validated; see ``isValid``).
    /// - Parameters:
    ///   - year: the year.
    ///   - month: the month, 1…12.
    ///   - day: the day of the month.
    public init(year: Int64, month: Int64, day: Int64) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date a count of days after 1970-01-01 (negative counts are days before).
    /// - Parameter daysSince1970: days since 1970-01-01.
    public init(daysSince1970 days: Int64) {
        let shifted = days + 719_468
        let era = Self.floorDivision(shifted, 146_097).quotient
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let marchMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * marchMonth + 2) / 5 + 1
        let month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// Days since 1970-01-01 (negative before it).
    public var daysSince1970: Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = Self.floorDivision(shiftedYear, 400).quotient
        let yearOfEra = shiftedYear - era * 400
        let marchMonth = (month + 9) % 12
        let dayOfYear = (153 * marchMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Whether the month is 1…12 and the day exists in that month (leap years counted).
    public var isValid: Bool {
        (1...12).contains(month) && day >= 1 && day <= Self.daysInMonth(year: year, month: month)
    }

    /// Whether a year is a leap year.
    /// - Parameter year: the year.
    /// - Returns: `true` for years divisible by 4 but not by 100, and for years divisible by 400.
    public static func isLeap(_ year: Int64) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// The number of days in a month.
    /// - Parameters:
    ///   - year: the year (for February).
    ///   - month: the month, 1…12.
    /// - Returns: 28…31.
    public static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Quotient rounded down and a remainder in `0..<divisor` (never traps: `divisor` is positive).
    /// - Parameters:
    ///   - value: the dividend.
    ///   - divisor: a positive divisor.
    /// - Returns: the floored quotient and the non-negative remainder.
    public static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}

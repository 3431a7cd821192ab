extension CivilDate {
    /// The date written `yyyy-MM-dd` (the year padded to four digits, a minus sign before a negative year).
    public var text: String { Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2) }

    /// A number padded with leading zeros to a width (the sign, if any, in front).
    /// - Parameters:
    ///   - value: the number.
    ///   - width: the least number of digits.
    /// - Returns: the digits, zero-padded.
    public static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

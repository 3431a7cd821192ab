public import GatewayCore

/// Reads the date-times statements print (China Standard Time, UTC+8, no zone in the text); the calendar
/// arithmetic is ``GatewayCore/CivilDate``.
public enum StatementTime {
    /// Parses `2026-05-31 20:15:03`, `2026/5/31 20:15`, `2026-05-31T20:15:03`, `2026-05-31` (midnight),
    /// or epoch milliseconds/seconds (13/10 digits), as China Standard Time.
    /// - Returns: the instant, or `nil` when the text is not one of these forms.
    public static func parse(_ text: String) -> Timestamp? {
        let value = StatementCell.unwrap(text)
        if !value.isEmpty, value.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int64(value) {
            if value.count == 13 { return Timestamp(millisecondsSince1970: number) }
            if value.count == 10 { return Timestamp(secondsSince1970: number) }
            return nil
        }
        let separators: Set<Character> = ["-", "/", " ", "T", ":", "."]
        let parts = value.split(whereSeparator: { separators.contains($0) }).map(String.init)
        guard parts.count >= 3, parts.count <= 7, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return nil
        }
        let numbers = parts.compactMap { Int64($0) }
        guard numbers.count == parts.count else { return nil }
        let (year, month, day) = (numbers[0], numbers[1], numbers[2])
        let hour = numbers.count > 3 ? numbers[3] : 0
        let minute = numbers.count > 4 ? numbers[4] : 0
        let second = numbers.count > 5 ? numbers[5] : 0
        guard (1970...2200).contains(year), (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
            (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        let days = CivilDate(year: year, month: month, day: day).daysSince1970
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - BeijingTime.offsetSeconds
        return Timestamp(secondsSince1970: seconds)
    }
}

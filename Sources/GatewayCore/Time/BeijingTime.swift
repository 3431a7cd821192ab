/// Beijing wall-clock time (UTC+8, no daylight saving) as PDD and Taobao write it: `yyyy-MM-dd HH:mm:ss`.
///
/// The gateway's one reader and writer of Beijing time: connectors, the staff console and statement imports use it;
/// calendar arithmetic goes through ``CivilDate``.
///
/// Written without `DateFormatter` so that parsing never depends on the process's locale or time zone.
/// Parsing also accepts a fraction of a second (`yyyy-MM-dd HH:mm:ss.SSS`, which real TOP SDKs send)
/// and a `T` between date and time; formatting writes whole seconds unless asked for milliseconds.
public enum BeijingTime {
    /// Beijing's offset from UTC, in seconds.
    public static let offsetSeconds: Int64 = 8 * 3600

    /// The longest fraction of a second ``parse(_:)`` accepts (nanoseconds); longer fractions give `nil`.
    public static let maxFractionDigits = 9

    /// Parses `yyyy-MM-dd HH:mm:ss[.SSS]` Beijing time into a UTC instant; `nil` for anything else.
    ///
    /// The fraction may have 1…``maxFractionDigits`` digits; only the first three (milliseconds) are kept.
    public static func parse(_ text: String) -> Timestamp? {
        let bytes = trimmed(text)
        guard bytes.count >= 19 else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int64(byte - 0x30)
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
        else { return nil }
        guard CivilDate(year: year, month: month, day: day).isValid,
            hour < 24, minute < 60, second < 60
        else { return nil }
        var milliseconds: Int64 = 0
        if bytes.count > 19 {
            // At most nine fraction digits (nanoseconds): a longer run would overflow the Int64 accumulator.
            let digits = bytes.count - 20
            guard bytes[19] == UInt8(ascii: "."), (1...maxFractionDigits).contains(digits), let fraction = number(20..<bytes.count) else {
                return nil
            }
            if digits <= 3 {
                var scaled = fraction
                for _ in digits..<3 { scaled *= 10 }
                milliseconds = scaled
            } else {
                guard let leading = number(20..<23) else { return nil }
                milliseconds = leading
            }
        }
        let days = CivilDate(year: year, month: month, day: day).daysSince1970
        let localSeconds = days * 86_400 + hour * 3600 + minute * 60 + second
        return Timestamp(millisecondsSince1970: (localSeconds - offsetSeconds) * 1000 + milliseconds)
    }

    /// Parses a time field that may be Beijing text or a Unix time in seconds (≤ 11 digits) or milliseconds.
    ///
    /// Empty text, `"0"` and unreadable values give `nil`.
    public static func parseFlexible(_ text: String) -> Timestamp? {
        let bytes = trimmed(text)
        guard !bytes.isEmpty else { return nil }
        if bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int64(String(decoding: bytes, as: UTF8.self)) {
            guard value > 0 else { return nil }
            return bytes.count >= 12 ? Timestamp(millisecondsSince1970: value) : Timestamp(secondsSince1970: value)
        }
        return parse(text)
    }

    /// Formats a UTC instant as Beijing time, `yyyy-MM-dd HH:mm:ss` (or with `.SSS` when `milliseconds` is set).
    public static func format(_ instant: Timestamp, milliseconds: Bool = false) -> String {
        let local = instant.millisecondsSince1970 + offsetSeconds * 1000
        let millis = ((local % 1000) + 1000) % 1000
        let seconds = (local - millis) / 1000
        let secondOfDay = ((seconds % 86_400) + 86_400) % 86_400
        let days = (seconds - secondOfDay) / 86_400
        let pad = CivilDate.pad
        var text = CivilDate(daysSince1970: days).text + " "
        text += "\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
        if milliseconds { text += ".\(pad(millis, 3))" }
        return text
    }

    /// The UTF-8 bytes of a text without leading and trailing spaces, tabs and newlines.
    private static func trimmed(_ text: String) -> [UInt8] {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let bytes = Array(text.utf8)
        guard let start = bytes.firstIndex(where: { !isSpace($0) }), let end = bytes.lastIndex(where: { !isSpace($0) }) else { return [] }
        return Array(bytes[start...end])
    }
}

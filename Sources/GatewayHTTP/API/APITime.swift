public import GatewayCore

/// Times in the staff API: ISO 8601 / RFC 3339 in UTC, `2026-11-29T08:01:00Z`, with milliseconds
/// (`2026-11-29T08:01:00.250Z`) only when the time has them. The calendar arithmetic is ``GatewayCore/CivilDate``.
public enum APITime {
    /// The UTC text of a timestamp.
    public static func string(_ timestamp: Timestamp) -> String {
        let (dayCount, remainder) = CivilDate.floorDivision(timestamp.millisecondsSince1970, 86_400_000)
        let pad = CivilDate.pad
        let milliseconds = remainder % 1000
        let seconds = remainder / 1000
        var text = CivilDate(daysSince1970: dayCount).text
        text += "T" + pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
        if milliseconds != 0 { text += "." + pad(milliseconds, 3) }
        return text + "Z"
    }

    /// An optional timestamp's text.
    public static func string(_ timestamp: Timestamp?) -> String? { timestamp.map { string($0) } }
}

extension CalendarDay {
    /// The Beijing (UTC+8) calendar day of an instant, as `yyyy-MM-dd`: the day orders are counted in.
    /// Uses the one civil-date algorithm in Core (``CivilDate``).
    public static func beijing(_ instant: Timestamp) -> String {
        let local = instant.millisecondsSince1970 + BeijingTime.offsetSeconds * 1000
        let days = CivilDate.floorDivision(local, 86_400_000).quotient
        return CivilDate(daysSince1970: days).text
    }
}

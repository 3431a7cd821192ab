import GatewayCore
import Testing

/// `CalendarDay.beijing` on the one civil-date algorithm: the Beijing day flips at 16:00 UTC, before 1970 too.
@Suite struct CalendarDayBeijingTests {
    @Test(arguments: [
        (Int64(1_796_659_199_999), "2026-12-07"),  // 2026-12-07 15:59:59.999 UTC = 23:59:59.999 in Beijing
        (Int64(1_796_659_200_000), "2026-12-08"),  // 16:00 UTC = midnight in Beijing
        (Int64(0), "1970-01-01"),
        (Int64(-28_800_001), "1969-12-31"),  // one millisecond before midnight in Beijing, 1970-01-01
        (Int64(-28_800_000), "1970-01-01"),
        (Int64(951_782_400_000), "2000-02-29"),  // 2000-02-29 00:00 UTC, a leap day
    ])
    func dayInBeijing(milliseconds: Int64, expected: String) {
        #expect(CalendarDay.beijing(Timestamp(millisecondsSince1970: milliseconds)) == expected)
    }
}

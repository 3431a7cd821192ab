import Testing

@testable import GatewayHTTP

/// The `/api/v1` paging parameters, read as the handlers (and the fuzz target `api-paging`) read them.
@Suite struct QueryLimitsTests {
    @Test func limitIsTheFallbackWhenAbsentAndRefusedOutsideItsRange() {
        #expect(QueryLimits.limit(nil) == 100)
        #expect(QueryLimits.limit("1") == 1)
        #expect(QueryLimits.limit("1000") == 1000)
        for refused in ["0", "1001", "-1", "abc", "", "9223372036854775807", "99999999999999999999", " 5"] {
            #expect(QueryLimits.limit(refused) == nil, "\(refused)")
        }
    }

    @Test func offsetIsZeroWhenAbsentAndRefusedOutsideItsRange() {
        #expect(QueryLimits.offset(nil) == 0)
        #expect(QueryLimits.offset("0") == 0)
        #expect(QueryLimits.offset("10000000") == QueryLimits.maxOffset)
        for refused in ["-1", "10000001", "-9223372036854775808", "x"] {
            #expect(QueryLimits.offset(refused) == nil, "\(refused)")
        }
    }

    @Test func clampedLimitKeepsTheOldLenientReading() {
        // What the reconciliation run list and the household list always did: unreadable → default, else clamped.
        #expect(QueryLimits.clampedLimit(nil, fallback: 100, range: 1...1000) == 100)
        #expect(QueryLimits.clampedLimit("abc", fallback: 100, range: 1...1000) == 100)
        #expect(QueryLimits.clampedLimit("0", fallback: 100, range: 1...1000) == 1)
        #expect(QueryLimits.clampedLimit("9223372036854775807", fallback: 2000, range: 1...10_000) == 10_000)
        #expect(QueryLimits.clampedLimit("-9223372036854775808", fallback: 2000, range: 1...10_000) == 1)
    }
}

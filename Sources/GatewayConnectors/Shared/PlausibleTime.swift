import GatewayCore

/// Bounds for instants that arrive from outside (webhook headers, push payloads).
///
/// A platform's clock is never before 2000 or after 2100; anything outside that range is hostile or broken.
/// Parsing into this range at the edge keeps later arithmetic (`now - seconds`, `seconds * 1000`) free of
/// overflow, so a hostile header becomes an ordinary rejection instead of a trap.
public enum PlausibleTime {
    /// 2000-01-01T00:00:00Z in Unix seconds.
    public static let earliestSeconds: Int64 = 946_684_800
    /// 2100-01-01T00:00:00Z in Unix seconds.
    public static let latestSeconds: Int64 = 4_102_444_800
    /// The accepted range of Unix seconds.
    public static let secondsRange: ClosedRange<Int64> = earliestSeconds...latestSeconds

    /// Unix seconds from decimal text, or `nil` when the text is not an integer in ``secondsRange``.
    public static func seconds(_ text: some StringProtocol) -> Int64? {
        guard text.utf8.count <= 20, let value = Int64(text) else { return nil }
        return seconds(value)
    }

    /// `value` when it lies in ``secondsRange``, else `nil`.
    public static func seconds(_ value: Int64) -> Int64? {
        secondsRange.contains(value) ? value : nil
    }

    /// The instant for Unix seconds in ``secondsRange``, else `nil` (never overflows `* 1000`).
    public static func timestamp(seconds value: Int64) -> Timestamp? {
        seconds(value).map { Timestamp(secondsSince1970: $0) }
    }

    /// The instant of any Unix seconds value a platform sent, clamped to the ends of `Int64` milliseconds instead
    /// of trapping in `seconds * 1000`: an implausible time stays implausible, and ``GatewayCore/ObservationBounds``
    /// parks the observation that carries it (fuzz target `wechat-push`, `CreateTime` 9223372036854775807).
    public static func saturatingTimestamp(seconds value: Int64) -> Timestamp {
        let (milliseconds, overflow) = value.multipliedReportingOverflow(by: 1000)
        guard overflow else { return Timestamp(millisecondsSince1970: milliseconds) }
        return Timestamp(millisecondsSince1970: value < 0 ? .min : .max)
    }

    /// Whether `seconds` (already in ``secondsRange``) is within `tolerance` seconds of `now`.
    ///
    /// The difference is computed with overflow checks, so even an unchecked `now` cannot trap.
    public static func isFresh(_ seconds: Int64, now: Timestamp, tolerance: Int64) -> Bool {
        let (difference, overflow) = now.secondsSince1970.subtractingReportingOverflow(seconds)
        guard !overflow, difference != .min else { return false }
        return difference.magnitude <= tolerance.magnitude
    }
}

import Foundation

extension Date {
    /// Whole Unix seconds, rounded down.
    var unixSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }

    /// Whole Unix milliseconds, rounded down.
    var unixMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }
}

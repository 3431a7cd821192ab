import Foundation
public import GatewayCore

/// The wall clock as a ``GatewayCore/Timestamp``.
public enum SystemClock {
    /// Now, in UTC milliseconds.
    @Sendable public static func now() -> Timestamp {
        Timestamp(millisecondsSince1970: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }
}

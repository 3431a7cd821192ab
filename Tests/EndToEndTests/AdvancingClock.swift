import GatewayCore
import Synchronization

/// A clock two minutes further on at every reading, so a failed push's back-off (at most 60 s) is always over
/// by the next round.
final class AdvancingClock: Sendable {
    private let milliseconds = Mutex<Int64>(1_800_000_000_000)

    /// The next reading.
    func next() -> Timestamp {
        Timestamp(
            millisecondsSince1970: milliseconds.withLock { value in
                value += 120_000
                return value
            }
        )
    }
}

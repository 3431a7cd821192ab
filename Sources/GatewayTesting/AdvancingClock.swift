public import GatewayCore
import Synchronization

/// A clock that moves on by a fixed step at every reading (by default two minutes, so a failed push's back-off of at most
/// 60 s is always over by the next round).
///
/// ```swift
/// let clock = AdvancingClock()
/// let processor = InboxProcessor(..., clock: clock.next)
/// ```
public final class AdvancingClock: Sendable {
    private let milliseconds: Mutex<Int64>
    private let stepMilliseconds: Int64

    /// Creates a clock.
    /// - Parameters:
    ///   - start: the reading before the first (the first reading is one step later).
    ///   - stepMilliseconds: how far each reading moves on.
    public init(start: Timestamp = Timestamp(millisecondsSince1970: 1_800_000_000_000), stepMilliseconds: Int64 = 120_000) {
        self.milliseconds = Mutex(start.millisecondsSince1970)
        self.stepMilliseconds = stepMilliseconds
    }

    /// The next reading.
    public func next() -> Timestamp {
        let step = stepMilliseconds
        return Timestamp(
            millisecondsSince1970: milliseconds.withLock { value in
                value += step
                return value
            }
        )
    }

    /// This clock as the gateway's injected clock (every reading moves on by one step).
    public var clock: GatewayClock { GatewayClock { self.next() } }
}

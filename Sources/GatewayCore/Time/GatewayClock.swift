/// The one source of "now" in the gateway: the composition root creates one and hands it to everything that stamps or
/// compares times (processor, poller, stock write-back, retention, HTTP controllers, staff and master data writes).
///
/// Core has no wall clock of its own (no Foundation): the system clock is ``GatewayClock/system`` in `GatewayPipeline`,
/// tests use ``fixed(_:)`` or `AdvancingClock.clock` from `GatewayTesting`.
///
/// ```swift
/// let clock = GatewayClock.system
/// let processor = InboxProcessor(..., clock: clock.now)
/// ```
public struct GatewayClock: Sendable {
    private let read: @Sendable () -> Timestamp

    /// Creates a clock that reads `now`.
    /// - Parameter now: returns the current time; called at every reading.
    public init(_ now: @escaping @Sendable () -> Timestamp) {
        self.read = now
    }

    /// The current time.
    @Sendable public func now() -> Timestamp { read() }

    /// A clock that always reads `timestamp`.
    /// - Parameter timestamp: the reading.
    public static func fixed(_ timestamp: Timestamp) -> GatewayClock { GatewayClock { timestamp } }
}

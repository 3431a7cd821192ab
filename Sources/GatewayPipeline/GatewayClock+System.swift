public import GatewayCore

extension GatewayClock {
    /// The wall clock (``SystemClock``), the one the composition root creates for a running gateway.
    public static var system: GatewayClock { GatewayClock(SystemClock.now) }
}

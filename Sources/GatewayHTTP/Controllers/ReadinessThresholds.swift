/// When `/readyz` answers 503: the pipeline is too far behind or too many deliveries are parked.
///
/// ## Configuration keys
/// - `pipeline.ready_max_lag_seconds` (default `60`), `pipeline.ready_max_parked` (default `100`).
public struct ReadinessThresholds: Sendable, Hashable {
    /// The oldest waiting delivery may wait this long.
    public var maxLagSeconds: Double
    /// This many deliveries may be parked.
    public var maxParked: Int

    /// Creates thresholds.
    public init(maxLagSeconds: Double = 60, maxParked: Int = 100) {
        self.maxLagSeconds = maxLagSeconds
        self.maxParked = maxParked
    }
}

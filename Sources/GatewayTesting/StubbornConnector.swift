import Dispatch
public import GatewayCore
import Synchronization

/// A connector whose detail fetch ignores cancellation and answers only after `seconds` (a connector retrying
/// inside its HTTP client): `finished` tells whether any fetch has come back yet.
public final class StubbornConnector: PlatformConnector, Sendable {
    /// Always Douyin.
    public let platform = Platform.douyin
    /// Always `s`.
    public let shop = "s"
    /// One-hour windows.
    public let pollPolicy = PollPolicy(maxWindowSeconds: 3600)
    /// How long a detail fetch takes.
    public let seconds: Double
    private let done = Atomic<Bool>(false)

    /// Creates a connector whose fetches take `seconds`.
    /// - Parameter seconds: the time a detail fetch takes.
    public init(seconds: Double) { self.seconds = seconds }

    /// Whether a fetch has returned.
    public var finished: Bool { done.load(ordering: .sequentiallyConsistent) }

    /// What every fetch throws.
    public struct Failure: Error {}

    /// No observations.
    public func observations(from entry: InboxEntry) throws -> [OrderObservation] { [] }

    /// Waits `seconds` ignoring cancellation, then throws ``Failure``.
    public func fetchOrder(platformOrderId: String) async throws -> PreparedObservation {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { continuation.resume() }
        }
        done.store(true, ordering: .sequentiallyConsistent)
        throw Failure()
    }

    /// No deliveries.
    public func poll(from: Timestamp, to: Timestamp) async throws -> [InboxDelivery] { [] }
}

import Dispatch
import GatewayCore
import Synchronization

/// A connector whose detail fetch ignores cancellation and answers only after `seconds` (a connector retrying
/// inside its HTTP client): `finished` tells whether any fetch has come back yet.
final class StubbornConnector: PlatformConnector, Sendable {
    let platform = Platform.douyin
    let shop = "s"
    let pollPolicy = PollPolicy(maxWindowSeconds: 3600)
    let seconds: Double
    private let done = Atomic<Bool>(false)

    init(seconds: Double) { self.seconds = seconds }

    /// Whether a fetch has returned.
    var finished: Bool { done.load(ordering: .sequentiallyConsistent) }

    struct Failure: Error {}

    func observations(from entry: InboxEntry) throws -> [OrderObservation] { [] }

    func fetchOrder(platformOrderId: String) async throws -> PreparedObservation {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { continuation.resume() }
        }
        done.store(true, ordering: .sequentiallyConsistent)
        throw Failure()
    }

    func poll(from: Timestamp, to: Timestamp) async throws -> [InboxDelivery] { [] }
}

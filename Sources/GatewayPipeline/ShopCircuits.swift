public import GatewayCore
import Synchronization

/// Per-shop back-off for detail fetches: after a shop's fetches time out, the shop is not asked again
/// until its back-off passes (1 s doubling up to a maximum), so one hanging platform costs the other shops
/// at most one deadline, not one per batch.
final class ShopCircuits: Sendable {
    private let state = Mutex<[String: (failures: Int, until: Timestamp)]>([:])

    /// When the shop may be asked again, if that is after `now`.
    func openUntil(shop: String, now: Timestamp) -> Timestamp? {
        state.withLock { states in
            guard let entry = states[shop], entry.until > now else { return nil }
            return entry.until
        }
    }

    /// Records a round of fetches for the shop that did not finish in time.
    func recordFailure(shop: String, now: Timestamp, maxBackoffMilliseconds: Int) {
        state.withLock { states in
            let failures = min((states[shop]?.failures ?? 0) + 1, 16)
            let backoff = min(Int64(1000) << Int64(failures - 1), Int64(maxBackoffMilliseconds))
            states[shop] = (failures, now.adding(milliseconds: backoff))
        }
    }

    /// Records a round in which every fetch of the shop finished in time.
    func recordSuccess(shop: String) {
        _ = state.withLock { $0.removeValue(forKey: shop) }
    }
}

import Logging
import Synchronization

/// Keeps rejected webhook requests visible without letting a flood of bad requests fill the log:
/// at most one log line per (platform, shop, reason) every ten seconds, with the count since.
///
/// The callers pass only configured platforms and shops (others as `unknown`), and the slot map is also capped
/// at ``capacity``: when full, the least recently logged slot is evicted, so memory stays bounded whatever arrives.
final class RejectionRecorder: Sendable {
    /// The default most slots kept.
    static let defaultCapacity = 512
    private struct Slot {
        var lastLogged: ContinuousClock.Instant
        var suppressed: Int
    }

    private let slots = Mutex<[String: Slot]>([:])
    private let logger: Logger
    private let interval: Duration

    /// The most slots kept.
    let capacity: Int

    init(logger: Logger, interval: Duration = .seconds(10), capacity: Int = RejectionRecorder.defaultCapacity) {
        self.logger = logger
        self.interval = interval
        self.capacity = max(1, capacity)
    }

    /// The number of slots held (never above ``capacity``).
    var count: Int { slots.withLock { $0.count } }

    func record(platform: String, shop: String, reason: String, message: String) {
        let key = "\(platform)/\(shop)/\(reason)"
        let now = ContinuousClock.now
        let suppressed: Int? = slots.withLock { slots in
            if var slot = slots[key], slot.lastLogged.duration(to: now) < interval {
                slot.suppressed += 1
                slots[key] = slot
                return nil
            }
            let count = slots[key]?.suppressed ?? 0
            if slots[key] == nil, slots.count >= capacity, let oldest = slots.min(by: { $0.value.lastLogged < $1.value.lastLogged })?.key {
                slots[oldest] = nil
            }
            slots[key] = Slot(lastLogged: now, suppressed: 0)
            return count
        }
        if let suppressed {
            logger.warning(
                "rejected webhook",
                metadata: [
                    "platform": "\(platform)", "shop": "\(shop)", "reason": "\(reason)", "message": "\(message)",
                    "suppressed_since_last": "\(suppressed)",
                ]
            )
        }
    }
}

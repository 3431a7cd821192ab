import Logging
import Synchronization

/// Keeps rejected webhook requests visible without letting a flood of bad requests fill the log:
/// at most one log line per (platform, shop, reason) every ten seconds, with the count since.
final class RejectionRecorder: Sendable {
    private struct Slot {
        var lastLogged: ContinuousClock.Instant
        var suppressed: Int
    }

    private let slots = Mutex<[String: Slot]>([:])
    private let logger: Logger
    private let interval: Duration

    init(logger: Logger, interval: Duration = .seconds(10)) {
        self.logger = logger
        self.interval = interval
    }

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

/// The life of one shipment's write-back to its platform (发货回传, issue #17; `shipping.md` §8b.9): written to the
/// outbox with the shipment, sent, and then confirmed, retried with back-off, or put in front of staff.
///
/// "Already shipped" is success only once the order's tracking number read back from the platform equals ours; a send
/// whose outcome is unknown (a timeout after the platform may have applied it) is read back before anything is sent
/// again, so a shipment is never sent twice. ``next(_:_:policy:)`` is the one transition function.
public enum WriteBackLifecycle {
    /// Where a write-back is.
    public enum State: Sendable, Hashable {
        /// Waiting to be sent, not before this time (`nil`: at once).
        case pending(attempts: Int, notBefore: Timestamp?)
        /// Claimed by a sender (one at a time).
        case sending(attempts: Int)
        /// Sent with an unknown outcome: read the order back before sending again.
        case unknownOutcome(attempts: Int)
        /// The platform has our tracking number.
        case confirmed
        /// The platform refused it for good (cancelled, refund pending, bad tracking number, courier): staff's queue.
        case rejected(reason: String)
        /// The platform shows another tracking number for the order: staff's queue.
        case conflict(platformTrackingNumber: String)
        /// Staff marked it handled (fixed on the platform by hand, or not to be written back).
        case handled(by: String)
    }

    /// What happened.
    public enum Event: Sendable, Hashable {
        /// A sender claimed it.
        case claimed
        /// The platform accepted the shipment.
        case accepted
        /// The platform says the order is already shipped, and reading it back found this tracking number (`nil`: none
        /// found or the read failed).
        case alreadyShipped(readBack: String?)
        /// Reading the order back (after an unknown outcome) found this tracking number, or none.
        case readBack(String?)
        /// A failure worth retrying (network, 5xx, throttling, token expiry) at this time.
        case transientFailure(at: Timestamp)
        /// The request may have reached the platform: no answer within the deadline.
        case timedOut
        /// A failure retrying cannot fix.
        case permanentFailure(reason: String)
        /// Staff fixed the shipment (courier, tracking number) and asked to send it again.
        case staffResend
        /// Staff marked it handled.
        case staffHandled(actor: String)
        /// Staff changed the tracking number (or courier) of a shipment the platform already has: send the platform's
        /// edit call.
        case staffEdited
        /// The outcome is unknown and the platform's tracking numbers cannot be read back (``TrackingReadBackUnavailable``):
        /// only staff can tell whether the shipment reached the platform.
        case readBackUnavailable
    }

    /// How often and how fast to retry.
    public struct RetryPolicy: Sendable, Hashable {
        /// Sends before a transient failure goes to staff.
        public var maxAttempts: Int
        /// The first wait, doubled after each failure.
        public var firstDelaySeconds: Int64
        /// The longest wait.
        public var maxDelaySeconds: Int64

        /// Creates a policy (defaults: 8 attempts, 30 s doubling up to 30 minutes).
        public init(maxAttempts: Int = 8, firstDelaySeconds: Int64 = 30, maxDelaySeconds: Int64 = 1_800) {
            self.maxAttempts = max(1, maxAttempts)
            self.firstDelaySeconds = max(1, firstDelaySeconds)
            self.maxDelaySeconds = max(self.firstDelaySeconds, maxDelaySeconds)
        }

        /// The wait after the `attempts`-th failed send (no overflow for any count).
        public func delay(afterAttempts attempts: Int) -> Int64 {
            var delay = firstDelaySeconds
            var step = 1
            while step < attempts, delay < maxDelaySeconds {
                delay = delay > maxDelaySeconds / 2 ? maxDelaySeconds : delay * 2
                step += 1
            }
            return min(delay, maxDelaySeconds)
        }
    }

    /// The one transition function. Events that do not apply to a state leave it as it is.
    /// - Parameter ours: our tracking number, compared with what the platform reads back.
    public static func next(_ state: State, _ event: Event, ours: String, policy: RetryPolicy = RetryPolicy()) -> State {
        switch (state, event) {
        case (.pending(let attempts, _), .claimed):
            return .sending(attempts: attempts + 1)
        case (.sending, .accepted):
            return .confirmed
        case (.sending, .alreadyShipped(let readBack)), (.unknownOutcome, .alreadyShipped(let readBack)):
            return settle(
                readBack,
                ours: ours,
                otherwise: .rejected(reason: "the platform says the order is already shipped, and no tracking number was read back")
            )
        case (.unknownOutcome(let attempts), .readBack(let readBack)):
            // Nothing on the platform: the send did not apply, so it may be sent again — unless it has been tried enough.
            let again: State =
                attempts < policy.maxAttempts
                ? .pending(attempts: attempts, notBefore: nil)
                : .rejected(reason: "the platform kept failing: \(attempts) attempts")
            return settle(readBack, ours: ours, otherwise: again)
        case (.sending(let attempts), .transientFailure(let at)):
            guard attempts < policy.maxAttempts else {
                return .rejected(reason: "the platform kept failing: \(attempts) attempts")
            }
            return .pending(attempts: attempts, notBefore: at.adding(seconds: policy.delay(afterAttempts: attempts)))
        case (.unknownOutcome, .readBackUnavailable):
            return .rejected(reason: Self.unverifiable)
        case (.sending(let attempts), .timedOut):
            return .unknownOutcome(attempts: attempts)
        case (.sending, .permanentFailure(let reason)):
            return .rejected(reason: reason)
        case (.rejected, .staffResend), (.conflict, .staffResend), (.confirmed, .staffEdited):
            return .pending(attempts: 0, notBefore: nil)
        case (.rejected, .staffHandled(let actor)), (.conflict, .staffHandled(let actor)), (.pending, .staffHandled(let actor)):
            return .handled(by: actor)
        default:
            return state
        }
    }

    private static func settle(_ readBack: String?, ours: String, otherwise: State) -> State {
        guard let readBack, !readBack.isEmpty else { return otherwise }
        return normalized(readBack) == normalized(ours) ? .confirmed : .conflict(platformTrackingNumber: readBack)
    }

    /// Why a lost answer that cannot be read back goes to staff.
    public static let unverifiable =
        "the platform's answer was lost and its tracking numbers cannot be read back: check the order on the platform, then mark it handled or resend"

    /// What a sender's claim makes of a write-back: a pending one is being sent, a `sending` one whose sender's lease
    /// ran out has an unknown outcome (the send may have reached the platform), an unknown outcome stays one, to be read
    /// back; `nil`: nothing to claim.
    public static func claimed(_ state: State) -> State? {
        switch state {
        case .pending(let attempts, _): .sending(attempts: attempts + 1)
        case .sending(let attempts): .unknownOutcome(attempts: attempts)
        case .unknownOutcome: state
        case .confirmed, .rejected, .conflict, .handled: nil
        }
    }

    /// How a change of state moves the write-back in or out of staff's 回传失败 queue (its `shipment_rejected`
    /// exception): it opens (or takes a new message) when the new state waits for staff, closes when a waiting one stops
    /// waiting; `nil`: no change there.
    public enum StaffQueueChange: Sendable, Hashable {
        /// The exception opens, or takes this message.
        case opens(message: String)
        /// The exception is resolved.
        case closes
    }

    /// The queue change of a transition (``StaffQueueChange``).
    public static func staffQueueChange(from before: State, to after: State) -> StaffQueueChange? {
        guard before != after else { return nil }
        if let message = staffMessage(after) { return .opens(message: message) }
        return needsStaff(before) ? .closes : nil
    }

    /// Whether a write-back waits for staff (the 回传失败 queue): rejected or in conflict.
    public static func needsStaff(_ state: State) -> Bool {
        switch state {
        case .rejected, .conflict: true
        default: false
        }
    }

    /// What staff read in the 回传失败 queue for a write-back waiting for them; `nil` for any other state.
    public static func staffMessage(_ state: State) -> String? {
        switch state {
        case .rejected(let reason): "the platform refused the shipment: \(reason)"
        case .conflict(let theirs): "the platform shows another tracking number: \(theirs)"
        default: nil
        }
    }

    /// Tracking numbers compared without case and surrounding spaces.
    static func normalized(_ trackingNumber: String) -> String { String(trackingNumber.trimmingWhitespace()).uppercased() }
}

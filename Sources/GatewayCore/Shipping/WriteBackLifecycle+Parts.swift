extension WriteBackLifecycle.State {
    /// The state as stores and the staff API spell it: its name (`pending`, `sending`, `unknown`, `confirmed`,
    /// `rejected`, `conflict`, `handled`), the sends made, the time it waits for, and its one detail (a rejection's
    /// reason, the platform's other tracking number, who marked it handled).
    public var parts: (name: String, attempts: Int, notBefore: Timestamp?, detail: String?) {
        switch self {
        case .pending(let attempts, let notBefore): ("pending", attempts, notBefore, nil)
        case .sending(let attempts): ("sending", attempts, nil, nil)
        case .unknownOutcome(let attempts): ("unknown", attempts, nil, nil)
        case .confirmed: ("confirmed", 0, nil, nil)
        case .rejected(let reason): ("rejected", 0, nil, reason)
        case .conflict(let theirs): ("conflict", 0, nil, theirs)
        case .handled(let by): ("handled", 0, nil, by)
        }
    }

    /// A state from its ``parts``; `nil` for a name that is none of them.
    public init?(name: String, attempts: Int, notBefore: Timestamp?, detail: String?) {
        switch name {
        case "pending": self = .pending(attempts: attempts, notBefore: notBefore)
        case "sending": self = .sending(attempts: attempts)
        case "unknown": self = .unknownOutcome(attempts: attempts)
        case "confirmed": self = .confirmed
        case "rejected": self = .rejected(reason: detail ?? "")
        case "conflict": self = .conflict(platformTrackingNumber: detail ?? "")
        case "handled": self = .handled(by: detail ?? "")
        default: return nil
        }
    }
}

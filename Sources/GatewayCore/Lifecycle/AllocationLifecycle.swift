/// The life of one line's farmer allocation: made when the line holds stock, given back exactly when the line is
/// released before shipment or planned again, kept after shipment (a refund after shipment is only flagged: the
/// household keeps its income).
///
/// ``next(_:_:)`` is the one transition function; ``OrderLifecycle`` carries out its ``Action``s (allocating may
/// still fail for want of supply, which opens a `no_supply` exception and leaves the line ``State/none``).
public enum AllocationLifecycle {
    /// A line's allocation.
    public enum State: Sendable, Hashable, CaseIterable {
        /// No active allocation.
        case none
        /// Parcels allocated to households' lots.
        case active
        /// Allocated, and flagged because the line was refunded after shipment.
        case activeRefundedAfterShipment
    }

    /// What the fulfilment step just decided for the line.
    public struct Event: Sendable, Hashable {
        /// The line's fulfilment state after the step.
        public var fulfilment: FulfilmentState
        /// Whether the planner planned the line again (its SKU or quantity changed while it held a reservation).
        public var replanned: Bool
        /// Whether the line is refunded (on the order's newest snapshot).
        public var refunded: Bool

        /// Creates an event.
        public init(fulfilment: FulfilmentState, replanned: Bool, refunded: Bool) {
            self.fulfilment = fulfilment
            self.replanned = replanned
            self.refunded = refunded
        }
    }

    /// What to do, in order.
    public enum Action: Sendable, Hashable {
        /// Give every active parcel back to its lot.
        case reverse
        /// Allocate the line's reserved units to lots, a trace code per parcel.
        case allocate
        /// Flag the active parcels as refunded after shipment.
        case flagRefundedAfterShipment
        /// Close the line's open `no_supply` exception: nothing is to be supplied any more.
        case closeSupplyShortage
    }

    /// The state after the event, and the actions that get there (assuming ``Action/allocate`` succeeds).
    public static func next(_ state: State, _ event: Event) -> (state: State, actions: [Action]) {
        var state = state
        var actions: [Action] = []
        if event.replanned, state != .none {
            actions.append(.reverse)
            state = .none
        }
        switch event.fulfilment {
        case .reserved, .consumed:
            if state == .none {
                actions.append(.allocate)
                state = .active
            }
            if event.fulfilment == .consumed, event.refunded, state == .active {
                actions.append(.flagRefundedAfterShipment)
                state = .activeRefundedAfterShipment
            }
        case .released, .dismissed:
            if state != .none {
                actions.append(.reverse)
                state = .none
            }
            actions.append(.closeSupplyShortage)
        case .held:
            break
        }
        return (state, actions)
    }
}

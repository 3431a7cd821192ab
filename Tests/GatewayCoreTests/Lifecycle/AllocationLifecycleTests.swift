import GatewayCore
import Testing

/// ``AllocationLifecycle``: every state × every event (5 fulfilment states × replanned × refunded), with the rules
/// checked one by one and the full table of the ones that act.
@Suite struct AllocationLifecycleTests {
    typealias State = AllocationLifecycle.State
    typealias Event = AllocationLifecycle.Event

    static var events: [Event] {
        FulfilmentState.allCases.flatMap { state in
            [false, true].flatMap { replanned in [false, true].map { Event(fulfilment: state, replanned: replanned, refunded: $0) } }
        }
    }

    @Test func thereAreSixtyCases() {
        #expect(State.allCases.count * Self.events.count == 60)
    }

    @Test func aHeldLineIsNeverAllocatedAndKeepsWhatItHasUnlessReplanned() {
        for state in State.allCases {
            for event in Self.events where event.fulfilment == .held {
                let (after, actions) = AllocationLifecycle.next(state, event)
                if event.replanned, state != .none {
                    #expect(after == .none && actions == [.reverse])
                } else {
                    #expect(after == state && actions.isEmpty)
                }
            }
        }
    }

    @Test func aReleasedOrDismissedLineGivesEverythingBackAndClosesItsShortage() {
        for state in State.allCases {
            for event in Self.events where event.fulfilment == .released || event.fulfilment == .dismissed {
                let (after, actions) = AllocationLifecycle.next(state, event)
                #expect(after == .none)
                #expect(actions == (state == .none ? [.closeSupplyShortage] : [.reverse, .closeSupplyShortage]), "\(state) \(event)")
            }
        }
    }

    @Test func aLineHoldingStockIsAllocatedOnceAndFlaggedOnlyWhenShippedAndRefunded() {
        let table: [(State, FulfilmentState, Bool, Bool, State, [AllocationLifecycle.Action])] = [
            (.none, .reserved, false, false, .active, [.allocate]),
            (.none, .reserved, false, true, .active, [.allocate]),
            (.none, .reserved, true, false, .active, [.allocate]),
            (.none, .consumed, false, false, .active, [.allocate]),
            (.none, .consumed, false, true, .activeRefundedAfterShipment, [.allocate, .flagRefundedAfterShipment]),
            (.none, .consumed, true, true, .activeRefundedAfterShipment, [.allocate, .flagRefundedAfterShipment]),
            (.active, .reserved, false, false, .active, []),
            (.active, .reserved, false, true, .active, []),
            (.active, .reserved, true, false, .active, [.reverse, .allocate]),
            (.active, .consumed, false, false, .active, []),
            (.active, .consumed, false, true, .activeRefundedAfterShipment, [.flagRefundedAfterShipment]),
            (.active, .consumed, true, false, .active, [.reverse, .allocate]),
            (.active, .consumed, true, true, .activeRefundedAfterShipment, [.reverse, .allocate, .flagRefundedAfterShipment]),
            (.activeRefundedAfterShipment, .consumed, false, true, .activeRefundedAfterShipment, []),
            (.activeRefundedAfterShipment, .consumed, false, false, .activeRefundedAfterShipment, []),
            (.activeRefundedAfterShipment, .reserved, false, false, .activeRefundedAfterShipment, []),
            (.activeRefundedAfterShipment, .reserved, true, false, .active, [.reverse, .allocate]),
        ]
        for (state, fulfilment, replanned, refunded, expectedState, expectedActions) in table {
            let (after, actions) = AllocationLifecycle.next(state, Event(fulfilment: fulfilment, replanned: replanned, refunded: refunded))
            #expect(after == expectedState, "\(state) \(fulfilment) replanned=\(replanned) refunded=\(refunded)")
            #expect(actions == expectedActions, "\(state) \(fulfilment) replanned=\(replanned) refunded=\(refunded)")
        }
        // Every (state, reserved|consumed) combination: allocated afterwards, and `.allocate` only from nothing.
        for state in State.allCases {
            for event in Self.events where event.fulfilment == .reserved || event.fulfilment == .consumed {
                let (after, actions) = AllocationLifecycle.next(state, event)
                #expect(after != .none)
                let startsEmpty = state == .none || event.replanned
                #expect(actions.contains(.allocate) == startsEmpty, "\(state) \(event)")
                #expect(actions.contains(.reverse) == (event.replanned && state != .none), "\(state) \(event)")
                #expect(!actions.contains(.closeSupplyShortage))
            }
        }
    }
}

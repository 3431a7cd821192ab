import GatewayCore
import Testing

/// ``ExceptionLifecycle``: every state × every event, each expected outcome written out by hand.
@Suite struct ExceptionLifecycleTests {
    typealias State = ExceptionLifecycle.State
    typealias Event = ExceptionLifecycle.Event

    static let states: [(String, State)] = [
        ("absent", .absent),
        ("open", .open(message: "oversold", note: nil)),
        ("open with a note", .open(message: "oversold", note: "waiting for stock")),
        ("resolved by the system", .resolved(by: ExceptionLifecycle.system, note: "cause gone")),
        ("resolved by staff", .resolved(by: "alice", note: "fixed")),
    ]

    static let events: [(String, Event)] = [
        ("cause found, same message", .causeFound(message: "oversold")),
        ("cause found, new message", .causeFound(message: "oversold: 0 left")),
        ("cause gone", .causeGone(note: "supply allocated")),
        ("superseded", .superseded),
        ("staff resolved", .staffResolved(actor: "bob", note: "done")),
        ("staff dismissed", .staffDismissed(actor: "bob", note: "not ours")),
        ("retried, still blocked", .retriedStillBlocked(note: "waiting for stock")),
    ]

    /// The expected transition for each (state, event) by their names: 5 × 7 = 35 rows.
    static let expected: [String: ExceptionLifecycle.Transition] = [
        "absent|cause found, same message": .moved(.open(message: "oversold", note: nil)),
        "absent|cause found, new message": .moved(.open(message: "oversold: 0 left", note: nil)),
        "absent|cause gone": .unchanged,
        "absent|superseded": .unchanged,
        "absent|staff resolved": .unchanged,
        "absent|staff dismissed": .unchanged,
        "absent|retried, still blocked": .unchanged,

        "open|cause found, same message": .unchanged,
        "open|cause found, new message": .moved(.open(message: "oversold: 0 left", note: nil)),
        "open|cause gone": .moved(.resolved(by: "system", note: "supply allocated")),
        "open|superseded": .moved(.resolved(by: "system", note: "superseded by a new cause")),
        "open|staff resolved": .moved(.resolved(by: "bob", note: "done")),
        "open|staff dismissed": .moved(.resolved(by: "bob", note: "not ours")),
        "open|retried, still blocked": .moved(.open(message: "oversold", note: "waiting for stock")),

        "open with a note|cause found, same message": .unchanged,
        "open with a note|cause found, new message": .moved(.open(message: "oversold: 0 left", note: "waiting for stock")),
        "open with a note|cause gone": .moved(.resolved(by: "system", note: "waiting for stock")),
        "open with a note|superseded": .moved(.resolved(by: "system", note: "superseded by a new cause")),
        "open with a note|staff resolved": .moved(.resolved(by: "bob", note: "done")),
        "open with a note|staff dismissed": .moved(.resolved(by: "bob", note: "not ours")),
        "open with a note|retried, still blocked": .unchanged,

        "resolved by the system|cause found, same message": .reopened(message: "oversold"),
        "resolved by the system|cause found, new message": .reopened(message: "oversold: 0 left"),
        "resolved by the system|cause gone": .unchanged,
        "resolved by the system|superseded": .unchanged,
        "resolved by the system|staff resolved": .moved(.resolved(by: "bob", note: "done")),
        "resolved by the system|staff dismissed": .unchanged,
        "resolved by the system|retried, still blocked": .unchanged,

        "resolved by staff|cause found, same message": .reopened(message: "oversold"),
        "resolved by staff|cause found, new message": .reopened(message: "oversold: 0 left"),
        "resolved by staff|cause gone": .unchanged,
        "resolved by staff|superseded": .unchanged,
        "resolved by staff|staff resolved": .unchanged,
        "resolved by staff|staff dismissed": .unchanged,
        "resolved by staff|retried, still blocked": .unchanged,
    ]

    @Test func everyStateAndEventHasItsWrittenOutcome() {
        #expect(Self.expected.count == Self.states.count * Self.events.count)
        for (stateName, state) in Self.states {
            for (eventName, event) in Self.events {
                let key = "\(stateName)|\(eventName)"
                #expect(ExceptionLifecycle.next(state, event) == Self.expected[key], "\(key)")
            }
        }
    }

    @Test func aResolvedExceptionIsNeverOpenedAgainInPlace() {
        for (_, state) in Self.states {
            guard case .resolved = state else { continue }
            for (_, event) in Self.events {
                if case .moved(.open) = ExceptionLifecycle.next(state, event) { Issue.record("\(state) reopened in place by \(event)") }
            }
        }
    }
}

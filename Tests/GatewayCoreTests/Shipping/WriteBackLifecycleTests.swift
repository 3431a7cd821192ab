import GatewayCore
import Testing

/// ``WriteBackLifecycle``: every state × every event. The transitions that change something are written out one by
/// one; every other pair must leave the state as it is.
@Suite struct WriteBackLifecycleTests {
    typealias State = WriteBackLifecycle.State
    typealias Event = WriteBackLifecycle.Event

    static let t = Timestamp(secondsSince1970: 1_000)
    static let policy = WriteBackLifecycle.RetryPolicy(maxAttempts: 3, firstDelaySeconds: 30, maxDelaySeconds: 100)

    static let states: [(String, State)] = [
        ("new", .pending(attempts: 0, notBefore: nil)),
        ("waiting", .pending(attempts: 2, notBefore: t)),
        ("sending", .sending(attempts: 1)),
        ("sending last", .sending(attempts: 3)),
        ("unknown", .unknownOutcome(attempts: 1)),
        ("unknown last", .unknownOutcome(attempts: 3)),
        ("confirmed", .confirmed),
        ("rejected", .rejected(reason: "cancelled")),
        ("conflict", .conflict(platformTrackingNumber: "YT1")),
        ("handled", .handled(by: "alice")),
    ]

    static let events: [(String, Event)] = [
        ("claimed", .claimed),
        ("accepted", .accepted),
        ("already ours", .alreadyShipped(readBack: " sf1234567890 ")),
        ("already other", .alreadyShipped(readBack: "YT9")),
        ("already none", .alreadyShipped(readBack: nil)),
        ("read ours", .readBack("SF1234567890")),
        ("read other", .readBack("YT9")),
        ("read none", .readBack(nil)),
        ("transient", .transientFailure(at: t)),
        ("timeout", .timedOut),
        ("permanent", .permanentFailure(reason: "bad tracking number")),
        ("resend", .staffResend),
        ("handled", .staffHandled(actor: "bob")),
        ("edited", .staffEdited),
        ("unreadable", .readBackUnavailable),
    ]

    static let changes: [String: State] = [
        "new|claimed": .sending(attempts: 1),
        "new|handled": .handled(by: "bob"),
        "waiting|claimed": .sending(attempts: 3),
        "waiting|handled": .handled(by: "bob"),
        "sending|accepted": .confirmed,
        "sending|already ours": .confirmed,
        "sending|already other": .conflict(platformTrackingNumber: "YT9"),
        "sending|already none": .rejected(reason: "the platform says the order is already shipped, and no tracking number was read back"),
        "sending|transient": .pending(attempts: 1, notBefore: t.adding(seconds: 30)),
        "sending|timeout": .unknownOutcome(attempts: 1),
        "sending|permanent": .rejected(reason: "bad tracking number"),
        "sending last|accepted": .confirmed,
        "sending last|already ours": .confirmed,
        "sending last|already other": .conflict(platformTrackingNumber: "YT9"),
        "sending last|already none": .rejected(reason: "the platform says the order is already shipped, and no tracking number was read back"),
        "sending last|transient": .rejected(reason: "the platform kept failing: 3 attempts"),
        "sending last|timeout": .unknownOutcome(attempts: 3),
        "sending last|permanent": .rejected(reason: "bad tracking number"),
        "unknown|already ours": .confirmed,
        "unknown|already other": .conflict(platformTrackingNumber: "YT9"),
        "unknown|already none": .rejected(reason: "the platform says the order is already shipped, and no tracking number was read back"),
        "unknown|read ours": .confirmed,
        "unknown|read other": .conflict(platformTrackingNumber: "YT9"),
        "unknown|read none": .pending(attempts: 1, notBefore: nil),
        "unknown last|already ours": .confirmed,
        "unknown last|already other": .conflict(platformTrackingNumber: "YT9"),
        "unknown last|already none": .rejected(reason: "the platform says the order is already shipped, and no tracking number was read back"),
        "unknown last|read ours": .confirmed,
        "unknown last|read other": .conflict(platformTrackingNumber: "YT9"),
        "unknown last|read none": .rejected(reason: "the platform kept failing: 3 attempts"),
        "rejected|resend": .pending(attempts: 0, notBefore: nil),
        "rejected|handled": .handled(by: "bob"),
        "conflict|resend": .pending(attempts: 0, notBefore: nil),
        "conflict|handled": .handled(by: "bob"),
        "confirmed|edited": .pending(attempts: 0, notBefore: nil),
        "unknown|unreadable": .rejected(reason: WriteBackLifecycle.unverifiable),
        "unknown last|unreadable": .rejected(reason: WriteBackLifecycle.unverifiable),
    ]

    @Test func everyStateAndEvent() {
        var changed = 0
        for (stateName, state) in Self.states {
            for (eventName, event) in Self.events {
                let key = "\(stateName)|\(eventName)"
                let after = WriteBackLifecycle.next(state, event, ours: "SF1234567890", policy: Self.policy)
                #expect(after == (Self.changes[key] ?? state), "\(key)")
                if Self.changes[key] != nil { changed += 1 }
            }
        }
        #expect(changed == Self.changes.count, "every written-out change names a real state and event")
    }

    @Test func aConfirmedShipmentIsNeverSentAgainUnlessStaffEditIt() {
        for (_, event) in Self.events where event != .staffEdited {
            #expect(WriteBackLifecycle.next(.confirmed, event, ours: "SF1", policy: Self.policy) == .confirmed)
        }
    }

    @Test func onlyRejectedAndConflictingWriteBacksWaitForStaff() {
        let waiting = Self.states.filter { WriteBackLifecycle.needsStaff($0.1) }.map(\.0)
        #expect(waiting == ["rejected", "conflict"])
    }

    @Test func aClaimSendsAPendingOneAndTurnsAnOrphanedSendIntoAnUnknownOutcome() {
        let claimed = Self.states.map { ($0.0, WriteBackLifecycle.claimed($0.1)) }
        let expected: [String: State?] = [
            "new": .sending(attempts: 1), "waiting": .sending(attempts: 3), "sending": .unknownOutcome(attempts: 1),
            "sending last": .unknownOutcome(attempts: 3), "unknown": .unknownOutcome(attempts: 1),
            "unknown last": .unknownOutcome(attempts: 3), "confirmed": nil, "rejected": nil, "conflict": nil, "handled": nil,
        ]
        for (name, state) in claimed { #expect(state == expected[name] ?? nil, "\(name)") }
    }

    @Test func theStaffQueueOpensAndClosesOnlyOnItsEdges() {
        for (beforeName, before) in Self.states {
            for (afterName, after) in Self.states {
                let change = WriteBackLifecycle.staffQueueChange(from: before, to: after)
                let expected: WriteBackLifecycle.StaffQueueChange? =
                    before == after
                    ? nil
                    : WriteBackLifecycle.needsStaff(after)
                        ? .opens(message: WriteBackLifecycle.staffMessage(after) ?? "")
                        : WriteBackLifecycle.needsStaff(before) ? .closes : nil
                #expect(change == expected, "\(beforeName) → \(afterName)")
            }
        }
        #expect(
            WriteBackLifecycle.staffQueueChange(from: .sending(attempts: 1), to: .rejected(reason: "cancelled"))
                == .opens(message: "the platform refused the shipment: cancelled")
        )
        #expect(WriteBackLifecycle.staffQueueChange(from: .rejected(reason: "x"), to: .pending(attempts: 0, notBefore: nil)) == .closes)
        #expect(WriteBackLifecycle.staffQueueChange(from: .sending(attempts: 1), to: .confirmed) == nil)
    }

    @Test func everyStateSurvivesItsParts() {
        for (name, state) in Self.states {
            let parts = state.parts
            #expect(State(name: parts.name, attempts: parts.attempts, notBefore: parts.notBefore, detail: parts.detail) == state, "\(name)")
        }
        #expect(State(name: "lost", attempts: 0, notBefore: nil, detail: nil) == nil)
    }

    @Test func backOffDoublesUpToItsCapWithoutOverflow() {
        let policy = WriteBackLifecycle.RetryPolicy(maxAttempts: 8, firstDelaySeconds: 30, maxDelaySeconds: 1_800)
        #expect((1...8).map { policy.delay(afterAttempts: $0) } == [30, 60, 120, 240, 480, 960, 1_800, 1_800])
        let huge = WriteBackLifecycle.RetryPolicy(maxAttempts: .max, firstDelaySeconds: .max / 2, maxDelaySeconds: .max)
        #expect(huge.delay(afterAttempts: .max) == .max)
    }
}

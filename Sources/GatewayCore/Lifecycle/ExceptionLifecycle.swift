/// The life of one fulfilment exception (one order, line and kind): opened when a cause blocks the line, closed by
/// the system when the cause goes away or another cause takes its place, or by staff (resolve or dismiss).
///
/// Every transition is in ``next(_:_:)``; stores only write the states it returns (``OrderLifecycle`` turns them into
/// ``LifecycleChanges``). A resolved exception is final: a cause found again opens a *new* exception
/// (``Transition/reopened``), so history is never rewritten — except that staff whose retry made the system close it
/// take the resolution over (who resolved it and their note).
public enum ExceptionLifecycle {
    /// Who closes exceptions whose cause went away by itself.
    public static let system = "system"
    /// The note of an exception closed because the line is now blocked for another reason.
    public static let supersededNote = "superseded by a new cause"

    /// Where an exception is.
    public enum State: Sendable, Hashable {
        /// No exception for this line and kind.
        case absent
        /// Holds the line: what is wrong, and staff's note if they retried it.
        case open(message: String, note: String?)
        /// Closed: by whom, with what note.
        case resolved(by: String, note: String?)
    }

    /// What can happen to an exception.
    public enum Event: Sendable, Hashable {
        /// The line is blocked for this kind's reason (again), with this message.
        case causeFound(message: String)
        /// The cause went away (the line was fulfilled, released, or supplied); `note` says how.
        case causeGone(note: String)
        /// The line is now blocked for a different reason.
        case superseded
        /// Staff resolved it (after a retry that cleared it, or by hand).
        case staffResolved(actor: String, note: String)
        /// Staff dismissed it: the line will not be fulfilled.
        case staffDismissed(actor: String, note: String)
        /// Staff retried it and the cause is still there; their note is kept.
        case retriedStillBlocked(note: String)
    }

    /// The result of one event.
    public enum Transition: Sendable, Hashable {
        /// Nothing changes.
        case unchanged
        /// The exception moves to a new state (its identity stays).
        case moved(State)
        /// The exception stays resolved and a new one opens with this message.
        case reopened(message: String)
    }

    /// The one transition function.
    public static func next(_ state: State, _ event: Event) -> Transition {
        switch (state, event) {
        case (.absent, .causeFound(let message)):
            return .moved(.open(message: message, note: nil))
        case (.absent, .causeGone), (.absent, .superseded), (.absent, .staffResolved), (.absent, .staffDismissed),
            (.absent, .retriedStillBlocked):
            return .unchanged

        case (.open(let old, let note), .causeFound(let message)):
            return old == message ? .unchanged : .moved(.open(message: message, note: note))
        case (.open(_, let note), .causeGone(let gone)):
            return .moved(.resolved(by: system, note: note ?? gone))
        case (.open, .superseded):
            return .moved(.resolved(by: system, note: supersededNote))
        case (.open, .staffResolved(let actor, let note)), (.open, .staffDismissed(let actor, let note)):
            return .moved(.resolved(by: actor, note: note))
        case (.open(let message, let old), .retriedStillBlocked(let note)):
            return old == note ? .unchanged : .moved(.open(message: message, note: note))

        case (.resolved, .causeFound(let message)):
            return .reopened(message: message)
        case (.resolved(let by, _), .staffResolved(let actor, let note)):
            // Staff's retry let the system close it in the same step: the resolution is theirs.
            return by == system ? .moved(.resolved(by: actor, note: note)) : .unchanged
        case (.resolved, .causeGone), (.resolved, .superseded), (.resolved, .staffDismissed), (.resolved, .retriedStillBlocked):
            return .unchanged
        }
    }
}

import Synchronization

/// Runs work with a deadline without waiting for work that ignores cancellation.
///
/// Structured concurrency waits for every child task, so a platform call that hangs would hold a
/// `withTaskGroup` forever. Here the work runs in its own task; when the deadline passes the caller goes
/// on at once and the work is cancelled (it finishes in the background when it honours cancellation or
/// reaches its own time-out).
public enum Deadline {
    /// Runs `operation`; returns `true` when it finished within `milliseconds`, `false` when the deadline came first.
    /// - Parameters:
    ///   - milliseconds: the deadline, from now.
    ///   - operation: the work; cancelled when the deadline passes first.
    /// - Returns: whether the work finished in time.
    public static func run(milliseconds: Int, _ operation: @escaping @Sendable () async -> Void) async -> Bool {
        let race = Race()
        return await withCheckedContinuation { continuation in
            race.start(continuation)
            let work = Task {
                await operation()
                race.finish(inTime: true)
            }
            let timer = Task {
                try? await Task.sleep(for: .milliseconds(milliseconds))
                if !Task.isCancelled { race.finish(inTime: false) }
            }
            race.attach(work: work, timer: timer)
        }
    }

    /// Who finished first: resumes the caller once, then cancels the loser.
    private final class Race: Sendable {
        private struct State {
            var continuation: CheckedContinuation<Bool, Never>?
            var work: Task<Void, Never>?
            var timer: Task<Void, Never>?
            var result: Bool?
        }
        private let state = Mutex(State())

        func start(_ continuation: CheckedContinuation<Bool, Never>) {
            state.withLock { $0.continuation = continuation }
        }

        func attach(work: Task<Void, Never>, timer: Task<Void, Never>) {
            let result = state.withLock { state in
                state.work = work
                state.timer = timer
                return state.result
            }
            // Finished before the tasks were attached: cancel the loser now.
            if let result { (result ? timer : work).cancel() }
        }

        func finish(inTime: Bool) {
            let (continuation, loser) = state.withLock { state -> (CheckedContinuation<Bool, Never>?, Task<Void, Never>?) in
                guard state.result == nil else { return (nil, nil) }
                state.result = inTime
                defer { state.continuation = nil }
                return (state.continuation, inTime ? state.timer : state.work)
            }
            loser?.cancel()
            continuation?.resume(returning: inTime)
        }
    }
}

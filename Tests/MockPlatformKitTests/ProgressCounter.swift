import Synchronization

/// Counts progress callbacks from concurrent tasks.
final class ProgressCounter: Sendable {
    private let count = Mutex(0)

    func increment() { count.withLock { $0 += 1 } }

    var value: Int { count.withLock { $0 } }
}

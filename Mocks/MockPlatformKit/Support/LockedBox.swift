import Synchronization

/// A reference to a value guarded by a mutex, for sharing mutable state with concurrent tasks.
final class LockedBox<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) { mutex = Mutex(value) }

    /// Runs `body` with exclusive access to the value.
    func withLock<Result: Sendable>(_ body: (inout Value) -> Result) -> Result {
        mutex.withLock { body(&$0) }
    }

    /// A copy of the value.
    var value: Value { mutex.withLock { $0 } }
}

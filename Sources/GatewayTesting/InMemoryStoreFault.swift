/// Errors the in-memory stores throw.
public enum InMemoryStoreFault: Error, Sendable {
    /// A store refused a write (a poisoned delivery).
    case storageFault(String)
}

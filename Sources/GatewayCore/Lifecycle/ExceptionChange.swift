/// One change to the exceptions table decided by ``OrderLifecycle`` (from ``ExceptionLifecycle``'s transitions).
public enum ExceptionChange: Sendable, Hashable {
    /// A new open exception.
    case opened(ExceptionOpening)
    /// An open exception's message or staff note changed; it stays open.
    case updated(id: Int64, message: String, note: String?)
    /// An open exception closed: by whom (``ExceptionLifecycle/system`` when its cause went away), with what note.
    case resolved(id: Int64, by: String, note: String?)
}

/// A sealed value could not be opened: its key id is not configured, or it does not open with that key.
public struct SealedValueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong (names key ids, never key bytes or the value).
    public let message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

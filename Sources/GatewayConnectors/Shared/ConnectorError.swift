/// A payload or configuration a connector cannot work with, with a readable message.
public struct ConnectorError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A staff directory operation that cannot be done, with a readable message.
public struct StaffDirectoryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of problems.
    public enum Kind: Sendable, Hashable {
        /// A user with that username already exists.
        case duplicateUsername
        /// No such user.
        case unknownUser
        /// The user's fields do not fit together.
        case invalidUser
    }

    /// The kind of problem.
    public let kind: Kind
    /// What went wrong.
    public let message: String

    private init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// A user with that username already exists.
    public static func duplicateUsername(_ name: String) -> StaffDirectoryError {
        StaffDirectoryError(.duplicateUsername, "a user named \"\(name)\" already exists")
    }

    /// No user with that name or id.
    public static func unknownUser(_ name: String) -> StaffDirectoryError { StaffDirectoryError(.unknownUser, "no user \"\(name)\"") }

    /// The user's fields do not fit together (e.g. a `staff` user without an enterprise).
    public static func invalidUser(_ message: String) -> StaffDirectoryError { StaffDirectoryError(.invalidUser, message) }

    public var description: String { message }
}

/// The store's answer when a login asks to check a password (issue #12): the attempt and the lock-out decision are
/// one atomic step, so parallel wrong passwords cannot all be checked before the lock is recorded.
public enum LoginAttempt: Sendable, Hashable {
    /// No such user: check a dummy hash so both cases take as long.
    case unknownUser
    /// The account is locked: refuse without checking the password.
    case locked(StaffCredentials)
    /// The attempt is counted as a failure in advance (a success clears it). `locksOnFailure`: this was the last attempt
    /// the policy allows, and the account is already locked unless the password turns out right.
    case admitted(StaffCredentials, locksOnFailure: Bool)
}

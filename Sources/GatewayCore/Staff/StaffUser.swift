/// A person (or automation account) who signs in to the console or calls the staff API.
public struct StaffUser: Sendable, Hashable, Codable {
    /// Stable id (never reused).
    public var id: String
    /// Unique login name.
    public var username: String
    /// The role.
    public var role: StaffRole
    /// The enterprise a `staff` user belongs to (`nil` for admins and auditors).
    public var enterpriseId: String?
    /// Disabled users can neither sign in nor use their tokens or sessions.
    public var disabled: Bool

    /// Creates a user.
    public init(id: String, username: String, role: StaffRole, enterpriseId: String? = nil, disabled: Bool = false) {
        self.id = id
        self.username = username
        self.role = role
        self.enterpriseId = enterpriseId
        self.disabled = disabled
    }
}

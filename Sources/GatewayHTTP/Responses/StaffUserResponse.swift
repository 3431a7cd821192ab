public import GatewayCore

/// A staff user as `gateway user list --json` prints it (`StaffUser` in the OpenAPI document's components).
public struct StaffUserResponse: Encodable, Sendable {
    /// The user id.
    public var id: String
    /// The login name.
    public var username: String
    /// `admin`, `staff` or `auditor`.
    public var role: String
    /// A staff member's enterprise.
    public var enterpriseId: String?
    /// Whether sign-in and tokens are stopped.
    public var disabled: Bool

    /// The API view of a user.
    public init(_ user: StaffUser) {
        id = user.id
        username = user.username
        role = user.role.rawValue
        enterpriseId = user.enterpriseId
        disabled = user.disabled
    }
}

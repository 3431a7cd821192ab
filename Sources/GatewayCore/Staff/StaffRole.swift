/// What a staff user may do (issue #7, "Access").
///
/// - `admin`: the county service centre — reads and changes everything, manages users and tokens.
/// - `staff`: an enterprise's order staff — reads and changes only their own enterprise's data.
/// - `auditor`: reads everything, changes nothing.
public enum StaffRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// The county service centre: everything.
    case admin
    /// One enterprise's staff: only that enterprise.
    case staff
    /// Read-only across every enterprise.
    case auditor
}

/// The authenticated caller of a request: a staff user and how they proved who they are.
///
/// The authorization rules live here, in one place:
/// - `admin` reads and writes every enterprise;
/// - `staff` reads and writes only its own enterprise (and nothing that belongs to no enterprise);
/// - `auditor` reads every enterprise and writes nothing;
/// - only `admin` opens raw platform payloads.
public struct StaffPrincipal: Sendable, Hashable {
    /// How a principal authenticated.
    public enum Method: String, Sendable, Hashable {
        /// A console session cookie.
        case session
        /// An API token from the staff directory.
        case apiToken
        /// The bootstrap `GATEWAY_ADMIN_TOKEN`.
        case bootstrapToken
    }

    /// The user.
    public var user: StaffUser
    /// How they authenticated.
    public var method: Method
    /// The API token's label when ``method`` is ``Method/apiToken``.
    public var tokenName: String?

    /// Creates a principal.
    public init(user: StaffUser, method: Method, tokenName: String? = nil) {
        self.user = user
        self.method = method
        self.tokenName = tokenName
    }

    /// The principal behind the bootstrap admin token.
    public static var bootstrapAdmin: StaffPrincipal {
        StaffPrincipal(user: StaffUser(id: "bootstrap", username: "bootstrap-admin", role: .admin), method: .bootstrapToken)
    }

    /// The role.
    public var role: StaffRole { user.role }

    /// Whether the principal may read data that belongs to an enterprise (`nil`: data that belongs to none, e.g. an unmapped shop).
    public func canRead(enterprise: String?) -> Bool {
        switch user.role {
        case .admin, .auditor: return true
        case .staff: return enterprise != nil && enterprise == user.enterpriseId
        }
    }

    /// Whether the principal may change data that belongs to an enterprise (`nil`: data that belongs to none).
    public func canWrite(enterprise: String?) -> Bool {
        switch user.role {
        case .admin: return true
        case .auditor: return false
        case .staff: return enterprise != nil && enterprise == user.enterpriseId
        }
    }

    /// The one enterprise a store write must stay within: staff's own enterprise; `nil` for admins (any enterprise).
    /// Auditors never reach a write (``canWrite(enterprise:)`` refuses them).
    public var writeScope: String? { user.role == .staff ? (user.enterpriseId ?? "") : nil }

    /// Whether the principal may manage users and tokens (admins only).
    public var canAdminister: Bool { user.role == .admin }

    /// Whether the principal may open raw platform payloads (admins only: a raw payload can hold a buyer's plaintext
    /// name, phone and address). Staff and auditors see orders with masked buyers and no raw payloads.
    public var canOpenRawPayloads: Bool { user.role == .admin }

    /// The shops this principal may read, from a `[shopKey: enterpriseId]` map; `nil` means every shop (admins, auditors).
    public func readableShops(_ shopEnterprises: [String: String]) -> Set<String>? {
        switch user.role {
        case .admin, .auditor: return nil
        case .staff: return Set(shopEnterprises.filter { canRead(enterprise: $0.value) }.keys)
        }
    }

    /// The name written to the audit log: the username, or `token:NAME` for API tokens.
    public var auditActor: String {
        switch method {
        case .session: return user.username
        case .apiToken: return "token:\(tokenName ?? user.username)"
        case .bootstrapToken: return "token:bootstrap"
        }
    }
}

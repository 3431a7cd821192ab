import GatewayCore

/// Who the caller is (`Me`).
struct MeResponse: Encodable, Sendable {
    var username: String
    var role: String
    var enterpriseId: String?
    /// `session`, `api_token` or `bootstrap_token`.
    var method: String
    var tokenName: String?
    /// The shops a staff member may read (absent for admins and auditors: all).
    var shops: [String]?

    init(_ principal: StaffPrincipal, shopEnterprises: [String: String]) {
        username = principal.user.username
        role = principal.role.rawValue
        enterpriseId = principal.user.enterpriseId
        method =
            switch principal.method {
            case .session: "session"
            case .apiToken: "api_token"
            case .bootstrapToken: "bootstrap_token"
            }
        tokenName = principal.tokenName
        shops = principal.readableShops(shopEnterprises)?.sorted()
    }
}

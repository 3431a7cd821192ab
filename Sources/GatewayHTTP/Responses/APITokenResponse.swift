public import GatewayCore

/// An API token's metadata (never its secret) as `gateway token list --json` prints it (`ApiToken` in the
/// OpenAPI document's components).
public struct APITokenResponse: Encodable, Sendable {
    /// The token id.
    public var id: String
    /// The user the token acts as.
    public var username: String
    /// The label.
    public var name: String
    /// When it was created (UTC).
    public var createdAt: String
    /// When it was last used (UTC).
    public var lastUsedAt: String?
    /// When it was revoked (UTC).
    public var revokedAt: String?

    /// The API view of a token.
    public init(_ token: StaffAPIToken, username: String) {
        id = token.id
        self.username = username
        name = token.name
        createdAt = APITime.string(token.createdAt)
        lastUsedAt = APITime.string(token.lastUsedAt)
        revokedAt = APITime.string(token.revokedAt)
    }
}

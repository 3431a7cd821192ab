/// An access token the mock issued to one shop of one app.
struct DouyinToken: Sendable, Equatable {
    var accessToken: String
    var refreshToken: String
    var shopKey: String
    var appKey: String
    /// Unix seconds after which the access token is refused.
    var accessExpiresAt: Int64
    /// Unix seconds after which the refresh token is refused.
    var refreshExpiresAt: Int64
    /// Whether the refresh token was already exchanged (refresh tokens are single use).
    var refreshUsed = false
}

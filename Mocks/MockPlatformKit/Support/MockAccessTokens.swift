import Synchronization

/// Access and refresh tokens a platform of the mock issued (Kuaishou's OAuth tokens, WeChat's
/// `client_credential` tokens), by token text.
///
/// Tokens are bound to the app that asked for them; a refresh token works once.
final class MockAccessTokens: Sendable {
    /// One issued token pair.
    struct Token: Sendable, Equatable {
        var accessToken: String
        var refreshToken: String
        var shopKey: String
        var appKey: String
        var accessExpiresAt: Int64
        var refreshExpiresAt: Int64
        var refreshUsed = false
    }

    /// What a presented access token turned out to be.
    enum Check: Sendable, Equatable {
        /// Issued to this app and not expired.
        case valid(Token)
        /// Never issued, or issued to another app.
        case unknown
        /// Issued, but expired.
        case expired
    }

    private struct State {
        var byAccess: [String: Token] = [:]
        var accessByRefresh: [String: String] = [:]
        var generator: SeededGenerator
    }

    /// Access token lifetime, seconds.
    let accessLifetime: Int64
    /// Refresh token lifetime, seconds.
    let refreshLifetime: Int64
    private let prefix: String
    private let state: Mutex<State>

    /// Creates a token store.
    /// - Parameters:
    ///   - seed: the platform seed.
    ///   - salt: keeps the stores of different platforms apart.
    ///   - prefix: the first characters of every token (looks like the platform's tokens).
    ///   - accessLifetime: access token lifetime in seconds.
    ///   - refreshLifetime: refresh token lifetime in seconds.
    init(seed: UInt64, salt: UInt64, prefix: String, accessLifetime: Int64, refreshLifetime: Int64) {
        self.prefix = prefix
        self.accessLifetime = accessLifetime
        self.refreshLifetime = refreshLifetime
        self.state = Mutex(State(generator: SeededGenerator(seed: seed, salt: salt)))
    }

    /// Issues a new token pair.
    func issue(shopKey: String, appKey: String, now: Int64) -> Token {
        state.withLock { state in
            let token = Token(
                accessToken: prefix + Self.randomText(&state.generator),
                refreshToken: prefix + "r" + Self.randomText(&state.generator),
                shopKey: shopKey,
                appKey: appKey,
                accessExpiresAt: now + accessLifetime,
                refreshExpiresAt: now + refreshLifetime
            )
            state.byAccess[token.accessToken] = token
            state.accessByRefresh[token.refreshToken] = token.accessToken
            return token
        }
    }

    /// Registers a token that never expires (a token configured as a shop credential).
    func register(accessToken: String, shopKey: String, appKey: String) {
        guard !accessToken.isEmpty else { return }
        state.withLock { state in
            state.byAccess[accessToken] = Token(
                accessToken: accessToken,
                refreshToken: "",
                shopKey: shopKey,
                appKey: appKey,
                accessExpiresAt: Int64.max,
                refreshExpiresAt: 0,
                refreshUsed: true
            )
        }
    }

    /// Exchanges a refresh token for a new pair; the old refresh token stops working.
    /// - Returns: the new pair, or nil when the refresh token is unknown, used, expired or of another app.
    func refresh(_ refreshToken: String, appKey: String, now: Int64) -> Token? {
        let previous: Token? = state.withLock { state in
            guard let access = state.accessByRefresh[refreshToken], var token = state.byAccess[access],
                token.appKey == appKey, !token.refreshUsed, token.refreshExpiresAt > now
            else { return nil }
            token.refreshUsed = true
            state.byAccess[access] = token
            return token
        }
        guard let previous else { return nil }
        return issue(shopKey: previous.shopKey, appKey: appKey, now: now)
    }

    /// Checks an access token.
    /// - Parameters:
    ///   - accessToken: the token presented.
    ///   - appKey: the app that presents it, or nil when the request names no app (WeChat).
    ///   - now: the mock's clock, Unix seconds.
    func check(_ accessToken: String, appKey: String?, now: Int64) -> Check {
        state.withLock { state in
            guard let token = state.byAccess[accessToken] else { return .unknown }
            if let appKey, token.appKey != appKey { return .unknown }
            return token.accessExpiresAt > now ? .valid(token) : .expired
        }
    }

    /// Makes every access token issued so far expired (configured tokens and refresh tokens keep working).
    func expireAll(now: Int64) {
        state.withLock { state in
            for (key, token) in state.byAccess where token.accessExpiresAt != Int64.max {
                state.byAccess[key]?.accessExpiresAt = now - 1
            }
        }
    }

    private static func randomText(_ generator: inout SeededGenerator) -> String {
        let bytes = (0..<3).flatMap { _ in withUnsafeBytes(of: generator.next().bigEndian) { Array($0) } }
        return Hex.lowercase(bytes)
    }
}

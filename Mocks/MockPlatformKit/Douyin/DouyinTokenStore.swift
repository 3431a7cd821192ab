import Foundation
import Synchronization

/// The access and refresh tokens the mock issued, by token.
final class DouyinTokenStore: Sendable {
    /// Access token lifetime, seconds (7 days).
    static let accessLifetime: Int64 = 604_800
    /// Refresh token lifetime, seconds (14 days).
    static let refreshLifetime: Int64 = 1_209_600

    private struct State {
        var byAccess: [String: DouyinToken] = [:]
        var accessByRefresh: [String: String] = [:]
        var generator: SeededGenerator
    }

    private let state: Mutex<State>

    init(seed: UInt64) {
        state = Mutex(State(generator: SeededGenerator(seed: seed, salt: 0x70C3)))
    }

    /// Issues a new token pair for a shop.
    func issue(shopKey: String, appKey: String, now: Int64) -> DouyinToken {
        state.withLock { state in
            let token = DouyinToken(
                accessToken: Self.uuid(&state.generator),
                refreshToken: Self.uuid(&state.generator),
                shopKey: shopKey,
                appKey: appKey,
                accessExpiresAt: now + Self.accessLifetime,
                refreshExpiresAt: now + Self.refreshLifetime
            )
            state.byAccess[token.accessToken] = token
            state.accessByRefresh[token.refreshToken] = token.accessToken
            return token
        }
    }

    /// Exchanges a refresh token for a new pair; the old refresh token stops working.
    /// - Returns: the new token, or nil when the refresh token is unknown, used, expired or of another app.
    func refresh(_ refreshToken: String, appKey: String, now: Int64) -> DouyinToken? {
        let previous: DouyinToken? = state.withLock { state in
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

    /// Checks an access token for an app.
    /// - Returns: the token, or the Douyin error to answer.
    func validate(_ accessToken: String, appKey: String, now: Int64) -> Result<DouyinToken, DouyinAPIError> {
        state.withLock { state in
            guard let token = state.byAccess[accessToken], token.appKey == appKey else { return .failure(.invalidAccessToken) }
            guard token.accessExpiresAt > now else { return .failure(.expiredAccessToken) }
            return .success(token)
        }
    }

    /// Makes every access token issued so far expired (refresh tokens keep working).
    func expireAll(now: Int64) {
        state.withLock { state in
            for key in state.byAccess.keys { state.byAccess[key]?.accessExpiresAt = now - 1 }
        }
    }

    private static func uuid(_ generator: inout SeededGenerator) -> String {
        let high = generator.next()
        let low = generator.next()
        let hex = Hex.lowercase(withUnsafeBytes(of: high.bigEndian) { Array($0) } + withUnsafeBytes(of: low.bigEndian) { Array($0) })
        let characters = Array(hex)
        return String(characters[0..<8]) + "-" + String(characters[8..<12]) + "-" + String(characters[12..<16]) + "-"
            + String(characters[16..<20]) + "-" + String(characters[20..<32])
    }
}

import Foundation
import GatewayCore
import Hummingbird

/// Finds the staff principal behind a request: an `Authorization: Bearer` token (bootstrap
/// `GATEWAY_ADMIN_TOKEN` or a directory API token) or the console's `gw_session` cookie.
struct StaffAuthenticator: Sendable {
    /// The console session cookie.
    static let sessionCookie = "gw_session"

    let directory: (any StaffDirectory)?
    let bootstrapDigests: [String]
    let clock: @Sendable () -> Timestamp

    init(directory: (any StaffDirectory)?, bootstrapTokens: [String], clock: @escaping @Sendable () -> Timestamp) {
        self.directory = directory
        self.bootstrapDigests = bootstrapTokens.filter { !$0.isEmpty }.map(StaffSecrets.digest)
        self.clock = clock
    }

    /// The result of looking at a request's credentials.
    enum Outcome {
        /// No credentials were presented.
        case anonymous
        /// Credentials were presented but are unknown, revoked, expired or belong to a disabled user.
        case rejected(String)
        /// A bearer token authenticated.
        case token(StaffPrincipal)
        /// A session cookie authenticated.
        case session(StaffPrincipal, StaffSession)
    }

    /// Checks the bearer token, if any.
    func bearer(_ request: Request) async throws -> Outcome {
        guard let header = request.headers[.authorization] else { return .anonymous }
        guard header.lowercased().hasPrefix("bearer ") else { return .rejected("expected Authorization: Bearer TOKEN") }
        let secret = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        guard !secret.isEmpty else { return .rejected("empty bearer token") }
        let digest = StaffSecrets.digest(secret)
        if bootstrapDigests.contains(where: { StaffSecrets.constantTimeEqual($0, digest) }) { return .token(.bootstrapAdmin) }
        if let directory, let found = try await directory.token(digest: digest, at: clock()) {
            return .token(StaffPrincipal(user: found.user, method: .apiToken, tokenName: found.token.name))
        }
        return .rejected("unknown or revoked token")
    }

    /// Checks the session cookie, if any.
    func session(_ request: Request) async throws -> Outcome {
        guard let value = request.cookies[Self.sessionCookie]?.value, !value.isEmpty else { return .anonymous }
        guard let directory, let found = try await directory.session(digest: StaffSecrets.digest(value), at: clock()) else {
            return .rejected("session expired or signed out")
        }
        return .session(StaffPrincipal(user: found.user, method: .session), found.session)
    }
}

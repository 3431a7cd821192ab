import Foundation
import GatewayCore
import GatewayHTTP
import GatewayRuntime
import GatewayStorage
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The per-client and per-username failure throttle: past it, sign-in and bearer tokens get `429` with
/// `Retry-After`, before any password or token is checked, and nothing is audited for the refused attempts.
@Suite struct SignInThrottleTests {
    /// Many usernames from one client: the client's budget runs out, whatever the names.
    @Test func oneClientGuessingManyUsernamesIsThrottled() async throws {
        let fixture = try await StaffFixture.make(
            clientThrottle: ThrottlePolicy(burst: 3, refillMilliseconds: 3_600_000),
            usernameThrottle: ThrottlePolicy(burst: 100, refillMilliseconds: 3_600_000)
        )
        let app = fixture.application()
        try await app.test(.router) { client in
            for index in 1...3 {
                let response = try await ConsoleLoginTests.postLogin(client, username: "ghost\(index)", password: "guess")
                #expect(response.status == .unauthorized)
            }
            let throttled = try await ConsoleLoginTests.postLogin(client, username: "ghost4", password: "guess")
            #expect(throttled.status == .tooManyRequests)
            let retryAfter = try #require(throttled.headers[.retryAfter].flatMap { Int($0) })
            #expect((1...3600).contains(retryAfter))
            #expect(String(buffer: throttled.body).contains("尝试过于频繁"))
            // Even the right password of a real user waits: the client is throttled, not the account.
            let right = try await ConsoleLoginTests.postLogin(client, username: "admin", password: StaffFixture.password)
            #expect(right.status == .tooManyRequests)
            #expect(ConsoleLoginTests.setCookie(right, "gw_session") == nil)
            // Refused attempts are not audited (a flood must not become database writes).
            #expect(try await fixture.audit.entries(subject: "user:ghost4", limit: 5).isEmpty)
            #expect(try await fixture.audit.entries(subject: "user:ghost3", limit: 5).count == 1)
        }
    }

    /// One username guessed too often is throttled, while other usernames from the same client still sign in —
    /// unknown usernames included (the lock-out only covers accounts that exist).
    @Test func oneUsernameGuessedTooOftenIsThrottled() async throws {
        let fixture = try await StaffFixture.make(
            lockout: LockoutPolicy(maxFailures: 100, lockSeconds: 900),
            clientThrottle: ThrottlePolicy(burst: 100, refillMilliseconds: 3_600_000),
            usernameThrottle: ThrottlePolicy(burst: 2, refillMilliseconds: 600_000)
        )
        let app = fixture.application()
        try await app.test(.router) { client in
            for _ in 1...2 {
                #expect(try await ConsoleLoginTests.postLogin(client, username: "nobody", password: "guess").status == .unauthorized)
            }
            let throttled = try await ConsoleLoginTests.postLogin(client, username: "nobody", password: "guess")
            #expect(throttled.status == .tooManyRequests)
            #expect((1...600).contains(throttled.headers[.retryAfter].flatMap { Int($0) } ?? 0))
            for _ in 1...2 {
                #expect(try await ConsoleLoginTests.postLogin(client, username: "staffOwn", password: "wrong").status == .unauthorized)
            }
            #expect(try await ConsoleLoginTests.postLogin(client, username: "staffOwn", password: StaffFixture.password).status == .tooManyRequests)
            // Another user from the same client is unaffected.
            #expect(try await ConsoleLoginTests.postLogin(client, username: "admin", password: StaffFixture.password).status == .seeOther)
        }
    }

    /// Unknown bearer tokens count against the client: past the budget the API answers 429 before looking the token up,
    /// and requests without credentials are still plain 401s.
    @Test func unknownBearerTokensAreThrottledPerClient() async throws {
        let fixture = try await StaffFixture.make(clientThrottle: ThrottlePolicy(burst: 2, refillMilliseconds: 600_000))
        let app = fixture.application()
        try await app.test(.router) { client in
            for _ in 1...2 {
                let response = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer not-a-token"])
                #expect(response.status == .unauthorized)
            }
            let throttled = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer not-a-token"])
            #expect(throttled.status == .tooManyRequests)
            #expect((1...600).contains(throttled.headers[.retryAfter].flatMap { Int($0) } ?? 0))
            let valid = try await client.execute(uri: "/api/v1/me", method: .get, headers: fixture.headers(.admin, console: false))
            #expect(valid.status == .tooManyRequests)
            #expect(try await client.execute(uri: "/api/v1/me", method: .get).status == .unauthorized)
        }
    }

    /// Over a real connection (the key is then the peer address, 127.0.0.1) the throttle works the same.
    @Test func liveConnectionsAreKeyedByPeerAddress() async throws {
        let fixture = try await StaffFixture.make(clientThrottle: ThrottlePolicy(burst: 1, refillMilliseconds: 3_600_000))
        let app = fixture.application()
        try await app.test(.live) { client in
            let first = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer wrong"])
            #expect(first.status == .unauthorized)
            let second = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer wrong"])
            #expect(second.status == .tooManyRequests)
        }
    }
}

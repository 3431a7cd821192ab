import Foundation
import GatewayCore
import GatewayHTTP
import GatewayPipeline
import GatewayRuntime
import GatewayStorage
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Sign-in through the real form handling: cookies and their flags, CSRF, lock-out, audit, language.
@Suite struct ConsoleLoginTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// The value of a `Set-Cookie` for a name, with its attributes.
    static func setCookie(_ response: TestResponse, _ name: String) -> String? {
        response.headers[values: .setCookie].first { $0.hasPrefix(name + "=") }
    }

    /// GETs the login form; returns the CSRF token (from the hidden field) and its cookie.
    static func loginForm(_ client: some TestClientProtocol, headers: HTTPFields = [:]) async throws -> (token: String, cookie: String) {
        let page = try await client.execute(uri: "/console/login", method: .get, headers: headers)
        let html = String(buffer: page.body)
        let marker = #"name="_csrf" value=""#
        let start = try #require(html.range(of: marker)).upperBound
        let token = String(html[start...].prefix { $0 != "\"" })
        let cookie = try #require(setCookie(page, "gw_login_csrf"))
        #expect(cookie.contains("gw_login_csrf=\(token)"))
        return (token, cookie)
    }

    static func postLogin(_ client: some TestClientProtocol, username: String, password: String, extra: HTTPFields = [:]) async throws -> TestResponse
    {
        let (token, _) = try await loginForm(client)
        var headers = form
        headers[.cookie] = "gw_login_csrf=\(token)"
        for field in extra { headers.append(field) }
        let body =
            "_csrf=\(token)&next=%2Fconsole%2Forders%3Fstatus%3Dpaid&username=\(username)&password="
            + (password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        return try await client.execute(uri: "/console/login", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    @Test func signingInSetsASafeSessionCookieAndRedirects() async throws {
        let fixture = try await StaffFixture.make()
        let app = fixture.application()
        try await app.test(.router) { client in
            let anonymous = try await client.execute(uri: "/console/orders?status=paid", method: .get)
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers[.location] == "/console/login?next=%2Fconsole%2Forders%3Fstatus%3Dpaid")

            let response = try await Self.postLogin(client, username: "staffOwn", password: StaffFixture.password)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/console/orders?status=paid")
            let cookie = try #require(Self.setCookie(response, "gw_session"))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"))
            let secret = String(cookie.dropFirst("gw_session=".count).prefix { $0 != ";" })
            let page = try await client.execute(uri: "/console/orders", method: .get, headers: [.cookie: "gw_session=\(secret)"])
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("staffOwn"))
            #expect(try await fixture.audit.entries(subject: "user:staffOwn", limit: 5).first?.action == "login.success")

            let behindTLS = try await Self.postLogin(
                client,
                username: "auditor",
                password: StaffFixture.password,
                extra: [HTTPField.Name("X-Forwarded-Proto")!: "https"]
            )
            #expect(try #require(Self.setCookie(behindTLS, "gw_session")).contains("Secure"))
        }
    }

    @Test func wrongPasswordsShowAnErrorAndLockTheAccount() async throws {
        let fixture = try await StaffFixture.make(lockout: LockoutPolicy(maxFailures: 3, lockSeconds: 900))
        let app = fixture.application()
        try await app.test(.router) { client in
            let unknown = try await Self.postLogin(client, username: "ghost", password: "whatever")
            #expect(unknown.status == .unauthorized)
            #expect(String(buffer: unknown.body).contains("用户名或密码错误"))
            for _ in 1...2 {
                let wrong = try await Self.postLogin(client, username: "staffOwn", password: "wrong password")
                #expect(wrong.status == .unauthorized)
                #expect(Self.setCookie(wrong, "gw_session") == nil)
            }
            let third = try await Self.postLogin(client, username: "staffOwn", password: "wrong password")
            #expect(third.status == .tooManyRequests)
            #expect(String(buffer: third.body).contains("账户已锁定"))
            // Locked: even the right password is refused, and the refusal is audited.
            let locked = try await Self.postLogin(client, username: "staffOwn", password: StaffFixture.password)
            #expect(locked.status == .tooManyRequests)
            #expect(Self.setCookie(locked, "gw_session") == nil)
            let actions = try await fixture.audit.entries(subject: "user:staffOwn", limit: 10).map(\.action)
            #expect(actions == ["login.locked", "login.lockout", "login.failure", "login.failure"])
            #expect(try await fixture.audit.entries(subject: "user:ghost", limit: 10).first?.detail == "unknown user")
            // Other users are not affected.
            #expect(try await Self.postLogin(client, username: "admin", password: StaffFixture.password).status == .seeOther)
        }
    }

    /// A 2 MB username (and any console form field over 4 KB) is refused before use; a long one is cut to 64 bytes
    /// before the lookup, and the audit rows stay short.
    @Test func hugeUsernamesAndFormFieldsAreBoundedAndAuditedShort() async throws {
        let fixture = try await StaffFixture.make()
        let app = fixture.application()
        try await app.test(.router) { client in
            let huge = String(repeating: "a", count: 2 << 20)
            let response = try await Self.postLogin(client, username: huge, password: "whatever")
            #expect([400, 401].contains(Int(response.status.code)), "\(response.status)")
            #expect(response.body.readableBytes < 64 * 1024)
            let long = String(repeating: "b", count: 300)
            let failed = try await Self.postLogin(client, username: long, password: "whatever")
            #expect(failed.status == .unauthorized)
            #expect(!String(buffer: failed.body).contains(long))
            let rows = try await fixture.audit.entries(subject: nil, limit: 100)
            #expect(!rows.isEmpty)
            for row in rows {
                #expect(row.actor.utf8.count <= 256 && row.subject.utf8.count <= 256 && row.detail.utf8.count <= 4096, "\(row.action)")
            }
            // Any console form field over 4 KB → 400, nothing done.
            var headers = fixture.headers(.admin, console: true)
            headers[.contentType] = "application/x-www-form-urlencoded"
            let note = String(repeating: "n", count: 5000)
            let resolve = try await client.execute(
                uri: "/console/exceptions/1/resolve",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: "_csrf=\(fixture.csrf(.admin))&action=dismiss&note=\(note)")
            )
            #expect(resolve.status == .badRequest)
            #expect(try await fixture.inventory.exception(id: 1)?.status == .open)
            // Usernames over 64 bytes cannot be created either.
            await #expect(throws: StaffDirectoryError.self) {
                try await fixture.staff.addUser(username: long, role: .admin, enterpriseId: nil, passwordHash: "x", at: SystemClock.now())
            }
        }
    }

    /// 20 wrong passwords at once for one user: the attempt and the lock-out decision are one step in the store, so at
    /// most `maxFailures` of them reach bcrypt (audited `login.failure`/`login.lockout`); the rest are refused as locked,
    /// and then even the right password is refused.
    @Test func parallelWrongPasswordsLockAfterAtMostMaxFailuresChecks() async throws {
        // The failure throttles are opened wide: this test is about the lock-out alone.
        let wide = ThrottlePolicy(burst: 1000, refillMilliseconds: 1)
        let fixture = try await StaffFixture.make(
            lockout: LockoutPolicy(maxFailures: 3, lockSeconds: 900),
            clientThrottle: wide,
            usernameThrottle: wide
        )
        let app = fixture.application()
        try await app.test(.router) { client in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<20 {
                    group.addTask { Int(try await Self.postLogin(client, username: "staffOwn", password: "wrong password").status.code) }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == 401 || $0 == 429 }, "\(statuses)")
            let actions = try await fixture.audit.entries(subject: "user:staffOwn", limit: 100).map(\.action)
            let checked = actions.filter { $0 == "login.failure" || $0 == "login.lockout" }.count
            #expect(checked <= 3, "\(actions)")
            #expect(actions.filter { $0 == "login.lockout" }.count == 1, "\(actions)")
            #expect(actions.count == 20)
            let right = try await Self.postLogin(client, username: "staffOwn", password: StaffFixture.password)
            #expect(right.status == .tooManyRequests)
            #expect(Self.setCookie(right, "gw_session") == nil)
        }
    }

    /// bcrypt runs on its own thread pool: while 4 logins check passwords, `/healthz` still answers at once (on the
    /// cooperative pool they would hold every thread of a 2-core machine, and `/healthz` would wait for a whole check).
    /// The bound is 1.5 checks timed just before: on the cooperative pool (as many threads as cores, two here) the four
    /// checks would run two at a time ahead of `/healthz`, which would wait two whole checks; a machine loaded by the
    /// suites running beside it slows both alike (0.9 of a check was too tight under a loaded full run: 1.18 s vs 1.12 s).
    @Test func bcryptDoesNotBlockOtherRequests() async throws {
        let fixture = try await StaffFixture.make()
        let hash = StaffSecrets.hashPassword(StaffFixture.password, cost: 14)
        _ = try await fixture.staff.addUser(username: "slow", role: .admin, enterpriseId: nil, passwordHash: hash, at: SystemClock.now())
        let oneCheck = ContinuousClock().measure { _ = StaffSecrets.verifyPassword(StaffFixture.password, hash: hash) }
        let app = fixture.application()
        try await app.test(.router) { client in
            let logins = (0..<4).map { _ in
                Task { try await Self.postLogin(client, username: "slow", password: StaffFixture.password).status }
            }
            let start = ContinuousClock.now
            try await Task.sleep(for: .milliseconds(40))
            let health = try await client.execute(uri: "/healthz", method: .get)
            let elapsed = ContinuousClock.now - start
            #expect(health.status == .ok)
            #expect(elapsed < oneCheck * 1.5, "healthz took \(elapsed) (40 ms of it asleep); one bcrypt check takes \(oneCheck)")
            for login in logins { #expect(try await login.value == .seeOther) }
        }
    }

    @Test func chineseByDefaultEnglishOnRequestAndRemembered() async throws {
        let fixture = try await StaffFixture.make()
        let app = fixture.application()
        try await app.test(.router) { client in
            let session = fixture.headers(.admin, console: true)
            let chinese = String(buffer: try await client.execute(uri: "/console/orders", method: .get, headers: session).body)
            #expect(chinese.contains("订单查询"))
            #expect(chinese.contains("lang=\"zh-CN\""))
            #expect(chinese.contains(">实时看板<") && chinese.contains(">对账<"))
            let english = try await client.execute(uri: "/console/orders?lang=en", method: .get, headers: session)
            #expect(String(buffer: english.body).contains(">Orders<"))
            let cookie = try #require(Self.setCookie(english, "gw_lang"))
            #expect(cookie.hasPrefix("gw_lang=en"))
            var remembered = session
            remembered[.cookie] = (session[.cookie] ?? "") + "; gw_lang=en"
            let again = String(buffer: try await client.execute(uri: "/console/orders", method: .get, headers: remembered).body)
            #expect(again.contains(">Live board<") && again.contains(">Reconciliation<"))
            #expect(!again.contains("订单查询"))
        }
    }

    @Test func orderPageShowsLinesTimelineAndRawPayloadEscaped() async throws {
        let fixture = try await StaffFixture.make()
        let app = fixture.application()
        try await app.test(.router) { client in
            // Raw payloads are for admins only (RawPayloadAccessTests: staff and auditors get a note instead).
            let page = try await client.execute(
                uri: "/console/orders/douyin/\(StaffFixture.ownShop)/\(StaffFixture.orderId)",
                method: .get,
                headers: fixture.headers(.admin, console: true)
            )
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("云岭苹果 5斤"))
            #expect(html.contains("138****5678"))
            #expect(html.contains("已应用"))  // merge decision
            #expect(html.contains("<details class=\"payload\">"))
            #expect(html.contains("&quot;secret_marker&quot;"))  // payload is HTML-escaped, pretty-printed
            #expect(html.contains("¥25.90"))
            let missing = try await client.execute(
                uri: "/console/orders/douyin/\(StaffFixture.ownShop)/404",
                method: .get,
                headers: fixture.headers(.staffOwn, console: true)
            )
            #expect(missing.status == .notFound)
            let search = try await client.execute(
                uri: "/console/orders?phone=5678&q=4984",
                method: .get,
                headers: fixture.headers(.admin, console: true)
            )
            #expect(String(buffer: search.body).contains(StaffFixture.orderId))
            let bad = try await client.execute(uri: "/console/orders?phone=abc", method: .get, headers: fixture.headers(.admin, console: true))
            #expect(String(buffer: bad.body).contains("filter-error"))
            let csv = try await client.execute(
                uri: "/console/orders.csv?sku=sku-apple",
                method: .get,
                headers: fixture.headers(.admin, console: true)
            )
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let text = String(buffer: csv.body)
            #expect(text.contains("platform_order_id"))
            // The columns and values of the staff API's JSON: paid_fen in fen (issue #15).
            #expect(text.contains(",paid_fen,") && text.contains(",2590,"))
        }
    }
}

import GatewayCore
import GatewayStorage
import Testing

@Suite struct StaffDirectoryStorageTests {
    let t0 = Timestamp(secondsSince1970: 1_764_400_000)

    @Test func usersAreAddedListedDisabledAndValidated() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase.open(path: directory.file("staff.sqlite"), keys: .tests)
        let staff = database
        let admin = try await staff.addUser(username: "county", role: .admin, enterpriseId: nil, passwordHash: "h1", at: t0)
        let clerk = try await staff.addUser(username: "li.lei", role: .staff, enterpriseId: "yunlai", passwordHash: "h2", at: t0)
        #expect(admin.id != clerk.id)
        #expect(try await staff.users().map(\.username) == ["county", "li.lei"])
        #expect(try await staff.user(username: "li.lei")?.enterpriseId == "yunlai")

        await #expect(throws: StaffDirectoryError.self) {
            _ = try await staff.addUser(username: "li.lei", role: .auditor, enterpriseId: nil, passwordHash: "h", at: t0)
        }
        do {
            _ = try await staff.addUser(username: "x", role: .staff, enterpriseId: nil, passwordHash: "h", at: t0)
            Issue.record("a staff user without an enterprise was accepted")
        } catch let error as StaffDirectoryError {
            #expect(error.kind == .invalidUser)
        }
        do {
            _ = try await staff.addUser(username: "y", role: .auditor, enterpriseId: "yunlai", passwordHash: "h", at: t0)
            Issue.record("an auditor with an enterprise was accepted")
        } catch let error as StaffDirectoryError {
            #expect(error.kind == .invalidUser)
        }

        // Reopening the file keeps everything (real SQLite file, migrated once).
        let reopened = try SQLiteDatabase.open(path: directory.file("staff.sqlite"), keys: .tests)
        #expect(try await reopened.credentials(username: "li.lei")?.passwordHash == "h2")
        #expect(try await reopened.setDisabled(username: "li.lei", true)?.disabled == true)
        #expect(try await reopened.setDisabled(username: "nobody", true) == nil)
        #expect(try await staff.user(username: "li.lei")?.disabled == true)
    }

    @Test func failedLoginsLockTheAccountAndSuccessResetsTheCount() async throws {
        let staff = try SQLiteDatabase.inMemory()
        _ = try await staff.addUser(username: "li.lei", role: .staff, enterpriseId: "yunlai", passwordHash: "h", at: t0)
        let policy = LockoutPolicy(maxFailures: 5, lockSeconds: 900)
        for attempt in 1...4 {
            let after = try #require(try await staff.recordFailedLogin(username: "li.lei", at: t0, policy: policy))
            #expect(after.failedAttempts == attempt)
            #expect(!after.isLocked(at: t0))
        }
        try await staff.recordSuccessfulLogin(username: "li.lei", at: t0)
        #expect(try await staff.credentials(username: "li.lei")?.failedAttempts == 0)
        for _ in 1...4 { _ = try await staff.recordFailedLogin(username: "li.lei", at: t0, policy: policy) }
        let fifth = try #require(try await staff.recordFailedLogin(username: "li.lei", at: t0, policy: policy))
        #expect(fifth.isLocked(at: t0.adding(seconds: 899)))
        #expect(!fifth.isLocked(at: t0.adding(seconds: 900)))
        #expect(try await staff.credentials(username: "li.lei")?.lockedUntil == t0.adding(seconds: 900))
        #expect(try await staff.recordFailedLogin(username: "ghost", at: t0, policy: policy) == nil)
        #expect(try await staff.setPasswordHash(username: "li.lei", "new"))
        #expect(try await staff.credentials(username: "li.lei")?.lockedUntil == nil)
    }

    @Test func sessionsExpireAndEndWhenTheUserIsDisabled() async throws {
        let staff = try SQLiteDatabase.inMemory()
        let user = try await staff.addUser(username: "li.lei", role: .staff, enterpriseId: "yunlai", passwordHash: "h", at: t0)
        let session = StaffSession(digest: "d1", userId: user.id, csrfToken: "c1", createdAt: t0, expiresAt: t0.adding(seconds: 60))
        try await staff.createSession(session)
        let found = try #require(try await staff.session(digest: "d1", at: t0.adding(seconds: 59)))
        #expect(found.session == session)
        #expect(found.user.username == "li.lei")
        #expect(try await staff.session(digest: "d1", at: t0.adding(seconds: 60)) == nil)
        #expect(try await staff.session(digest: "other", at: t0) == nil)
        #expect(try await staff.deleteExpiredSessions(at: t0.adding(seconds: 61)) == 1)

        try await staff.createSession(StaffSession(digest: "d2", userId: user.id, csrfToken: "c2", createdAt: t0, expiresAt: t0.adding(seconds: 600)))
        _ = try await staff.setDisabled(username: "li.lei", true)
        _ = try await staff.setDisabled(username: "li.lei", false)
        #expect(try await staff.session(digest: "d2", at: t0) == nil)  // disabling ended it

        try await staff.createSession(StaffSession(digest: "d3", userId: user.id, csrfToken: "c3", createdAt: t0, expiresAt: t0.adding(seconds: 600)))
        try await staff.deleteSession(digest: "d3")
        #expect(try await staff.session(digest: "d3", at: t0) == nil)
    }

    @Test func tokensAreFoundByDigestUntilRevokedOrTheirUserIsDisabled() async throws {
        let staff = try SQLiteDatabase.inMemory()
        _ = try await staff.addUser(username: "robot", role: .auditor, enterpriseId: nil, passwordHash: "h", at: t0)
        let token = try await staff.createToken(username: "robot", name: "nightly", digest: "aa", at: t0)
        let other = try await staff.createToken(username: "robot", name: "erp", digest: "bb", at: t0.adding(seconds: 1))
        #expect(token.id != other.id)
        let found = try #require(try await staff.token(digest: "aa", at: t0.adding(seconds: 5)))
        #expect(found.token.name == "nightly")
        #expect(found.user.role == .auditor)
        #expect(try await staff.tokens(username: "robot").first?.lastUsedAt == nil)  // newest first: erp, never used
        #expect(try await staff.tokens(username: "robot").last?.lastUsedAt == t0.adding(seconds: 5))
        let revoked = try #require(try await staff.revokeToken(id: token.id, at: t0.adding(seconds: 10)))
        #expect(revoked.revokedAt == t0.adding(seconds: 10))
        #expect(try await staff.token(digest: "aa", at: t0.adding(seconds: 11)) == nil)
        #expect(try await staff.revokeToken(id: "t-missing", at: t0) == nil)
        _ = try await staff.setDisabled(username: "robot", true)
        #expect(try await staff.token(digest: "bb", at: t0) == nil)
        await #expect(throws: StaffDirectoryError.self) {
            _ = try await staff.createToken(username: "ghost", name: "x", digest: "cc", at: t0)
        }
    }

    @Test func auditLogKeepsEntriesNewestFirstAndBySubject() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try SQLiteDatabase.open(path: directory.file("audit.sqlite"), keys: .tests)
        try await log.record(
            AuditEntry(at: t0, actor: "li.lei", action: "login.failure", subject: "user:li.lei", detail: "wrong password", enterpriseId: "yunlai")
        )
        try await log.record(
            AuditEntry(at: t0.adding(seconds: 1), actor: "cli:root", action: "user.add", subject: "user:han.mei", detail: "role staff")
        )
        try await log.record(AuditEntry(at: t0.adding(seconds: 2), actor: "li.lei", action: "login.success", subject: "user:li.lei", detail: ""))
        let all = try await log.entries(subject: nil, limit: 10)
        #expect(all.map(\.action) == ["login.success", "user.add", "login.failure"])
        #expect(all.last?.enterpriseId == "yunlai")
        #expect(all.last?.detail == "wrong password")
        #expect(try await log.entries(subject: "user:li.lei", limit: 10).count == 2)
        #expect(try await log.entries(subject: nil, limit: 1).map(\.action) == ["login.success"])
    }
}

import Foundation
import GatewayCore
import GatewayStorage
import GatewayTesting
import Testing

/// The staff and audit part of the store conformance suite (issue #13): the in-memory directory and audit log and the
/// SQLite ones (a real file) behave alike.
@Suite struct StaffStoreConformanceTests {
    let now = Timestamp(secondsSince1970: 1_000_000)

    static func stores(_ kind: StoreKind) throws -> (any StaffDirectory, any AuditLog, URL?) {
        switch kind {
        case .memory:
            return (InMemoryStaffDirectory(), InMemoryAuditLog(), nil)
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("staff-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let database = try SQLiteDatabase.open(path: directory.appendingPathComponent("gateway.sqlite").path, keys: .random())
            return (database, database, directory)
        }
    }

    @Test(arguments: StoreKind.allCases) func usersAreValidatedAndUnique(kind: StoreKind) async throws {
        let (staff, _, directory) = try Self.stores(kind)
        defer { directory.map { try? FileManager.default.removeItem(at: $0) } }
        let alice = try await staff.addUser(username: " alice ", role: .staff, enterpriseId: "yunlai", passwordHash: "h", at: now)
        #expect(alice.username == "alice" && alice.enterpriseId == "yunlai" && !alice.disabled)
        await #expect(throws: StaffDirectoryError.duplicateUsername("alice")) {
            try await staff.addUser(username: "alice", role: .admin, enterpriseId: nil, passwordHash: "h", at: now)
        }
        for (name, role, enterprise) in [
            ("bo b", StaffRole.admin, nil), ("a:b", .admin, nil), ("carol\n", .admin, nil), ("dave", .staff, nil), ("erin", .admin, "yunlai"),
        ] {
            do {
                _ = try await staff.addUser(username: name, role: role, enterpriseId: enterprise, passwordHash: "h", at: now)
                Issue.record("\(kind): \(name.debugDescription) \(role) \(enterprise ?? "-") was accepted")
            } catch let error as StaffDirectoryError {
                #expect(error.kind == .invalidUser)
            }
        }
        #expect(try await staff.users().map(\.username) == ["alice"])
    }

    @Test(arguments: StoreKind.allCases) func repeatedFailuresLockAndASuccessClears(kind: StoreKind) async throws {
        let (staff, _, directory) = try Self.stores(kind)
        defer { directory.map { try? FileManager.default.removeItem(at: $0) } }
        _ = try await staff.addUser(username: "alice", role: .admin, enterpriseId: nil, passwordHash: "h", at: now)
        let policy = LockoutPolicy(maxFailures: 3, lockSeconds: 60)
        for attempt in 1...3 {
            guard case .admitted(_, let locksOnFailure) = try await staff.beginLogin(username: "alice", at: now, policy: policy) else {
                Issue.record("\(kind): attempt \(attempt) refused")
                return
            }
            #expect(locksOnFailure == (attempt == 3))
        }
        guard case .locked = try await staff.beginLogin(username: "alice", at: now.adding(seconds: 59), policy: policy) else {
            Issue.record("\(kind): not locked after three failures")
            return
        }
        guard case .admitted = try await staff.beginLogin(username: "alice", at: now.adding(seconds: 61), policy: policy) else {
            Issue.record("\(kind): still locked after the lock ended")
            return
        }
        try await staff.recordSuccessfulLogin(username: "alice", at: now.adding(seconds: 61))
        #expect(try await staff.credentials(username: "alice")?.failedAttempts == 0)
        guard case .unknownUser = try await staff.beginLogin(username: "nobody", at: now, policy: policy) else {
            Issue.record("\(kind): an unknown user was admitted")
            return
        }
    }

    @Test(arguments: StoreKind.allCases) func disablingOrANewPasswordEndsSessionsAndTokens(kind: StoreKind) async throws {
        let (staff, _, directory) = try Self.stores(kind)
        defer { directory.map { try? FileManager.default.removeItem(at: $0) } }
        let alice = try await staff.addUser(username: "alice", role: .admin, enterpriseId: nil, passwordHash: "h", at: now)
        try await staff.createSession(
            StaffSession(digest: "s1", userId: alice.id, csrfToken: "c", createdAt: now, expiresAt: now.adding(seconds: 60))
        )
        let token = try await staff.createToken(username: "alice", name: "ci", digest: "t1", at: now)
        #expect(try await staff.session(digest: "s1", at: now.adding(seconds: 1))?.user.id == alice.id)
        #expect(try await staff.session(digest: "s1", at: now.adding(seconds: 61)) == nil, "expired")
        #expect(try await staff.token(digest: "t1", at: now.adding(seconds: 5))?.token.lastUsedAt == now.adding(seconds: 5))

        #expect(try await staff.setPasswordHash(username: "alice", "h2"))
        #expect(try await staff.session(digest: "s1", at: now.adding(seconds: 1)) == nil)
        #expect(try await staff.token(digest: "t1", at: now.adding(seconds: 6)) == nil)
        #expect(try await staff.tokens(username: "alice").first?.revokedAt != nil)

        try await staff.createSession(
            StaffSession(digest: "s2", userId: alice.id, csrfToken: "c", createdAt: now, expiresAt: now.adding(seconds: 60))
        )
        _ = try await staff.createToken(username: "alice", name: "ci2", digest: "t2", at: now.adding(seconds: 1))
        #expect(try await staff.setDisabled(username: "alice", true)?.disabled == true)
        #expect(try await staff.session(digest: "s2", at: now.adding(seconds: 2)) == nil)
        #expect(try await staff.token(digest: "t2", at: now.adding(seconds: 2)) == nil)
        _ = try await staff.setDisabled(username: "alice", false)
        #expect(try await staff.token(digest: "t2", at: now.adding(seconds: 3)) == nil, "a revoked token stays revoked")
        #expect(try await staff.revokeToken(id: token.id, at: now)?.revokedAt != nil)
        #expect(try await staff.revokeToken(id: "missing", at: now) == nil)
        await #expect(throws: StaffDirectoryError.unknownUser("bob")) {
            try await staff.createToken(username: "bob", name: "x", digest: "t3", at: now)
        }
    }

    @Test(arguments: StoreKind.allCases) func theAuditLogListsNewestFirstBySubject(kind: StoreKind) async throws {
        let (_, audit, directory) = try Self.stores(kind)
        defer { directory.map { try? FileManager.default.removeItem(at: $0) } }
        for index in 0..<5 {
            try await audit.record(
                AuditEntry(
                    at: now.adding(seconds: Int64(index)),
                    actor: "alice",
                    action: "a.\(index)",
                    subject: index % 2 == 0 ? "sku:1" : "sku:2",
                    detail: "{}"
                )
            )
        }
        #expect(try await audit.entries(subject: nil, limit: 3).map(\.action) == ["a.4", "a.3", "a.2"])
        #expect(try await audit.entries(subject: "sku:1", limit: 10).map(\.action) == ["a.4", "a.2", "a.0"])
        #expect(try await audit.entries(subject: "none", limit: 10).isEmpty)
    }
}

import GatewayCore
import Testing

@Suite struct StaffPrincipalTests {
    static func principal(_ role: StaffRole, _ enterprise: String? = nil) -> StaffPrincipal {
        StaffPrincipal(user: StaffUser(id: "u", username: "u", role: role, enterpriseId: enterprise), method: .session)
    }

    struct Case: Sendable, CustomStringConvertible {
        var role: StaffRole
        var own: String?
        var target: String?
        var read: Bool
        var write: Bool
        var description: String { "\(role) of \(own ?? "-") on \(target ?? "-")" }
    }

    @Test(arguments: [
        Case(role: .admin, own: nil, target: "yunlai", read: true, write: true),
        Case(role: .admin, own: nil, target: nil, read: true, write: true),
        Case(role: .staff, own: "yunlai", target: "yunlai", read: true, write: true),
        Case(role: .staff, own: "yunlai", target: "linyin", read: false, write: false),
        Case(role: .staff, own: "yunlai", target: nil, read: false, write: false),
        Case(role: .auditor, own: nil, target: "linyin", read: true, write: false),
        Case(role: .auditor, own: nil, target: nil, read: true, write: false),
    ])
    func rolesReadAndWriteOnlyWhatTheyMay(_ example: Case) {
        let principal = Self.principal(example.role, example.own)
        #expect(principal.canRead(enterprise: example.target) == example.read)
        #expect(principal.canWrite(enterprise: example.target) == example.write)
    }

    @Test func staffSeeOnlyTheirEnterprisesShops() {
        let shops = ["yunlai-douyin": "yunlai", "yunlai-kuaishou": "yunlai", "linyin-taobao": "linyin"]
        #expect(Self.principal(.staff, "yunlai").readableShops(shops) == ["yunlai-douyin", "yunlai-kuaishou"])
        #expect(Self.principal(.staff, "nobody").readableShops(shops) == [])
        #expect(Self.principal(.admin).readableShops(shops) == nil)
        #expect(Self.principal(.auditor).readableShops(shops) == nil)
        #expect(Self.principal(.admin).canAdminister)
        #expect(!Self.principal(.auditor).canAdminister)
    }

    @Test func auditActorNamesTheCredential() {
        let user = StaffUser(id: "u1", username: "li.lei", role: .staff, enterpriseId: "yunlai")
        #expect(StaffPrincipal(user: user, method: .session).auditActor == "li.lei")
        #expect(StaffPrincipal(user: user, method: .apiToken, tokenName: "erp").auditActor == "token:erp")
        #expect(StaffPrincipal.bootstrapAdmin.auditActor == "token:bootstrap")
        #expect(StaffPrincipal.bootstrapAdmin.role == .admin)
    }

    @Test func lockoutAfterTheConfiguredFailures() {
        let policy = LockoutPolicy(maxFailures: 3, lockSeconds: 60)
        let now = Timestamp(secondsSince1970: 1_764_400_000)
        var failures = 0
        for _ in 0..<2 {
            let next = policy.afterFailure(failures: failures, at: now)
            #expect(next.lockedUntil == nil)
            failures = next.failures
        }
        #expect(failures == 2)
        let third = policy.afterFailure(failures: failures, at: now)
        #expect(third.lockedUntil == now.adding(seconds: 60))
        #expect(third.failures == 0)
        let credentials = StaffCredentials(user: StaffUser(id: "u", username: "u", role: .admin), passwordHash: "x", lockedUntil: third.lockedUntil)
        #expect(credentials.isLocked(at: now.adding(seconds: 59)))
        #expect(!credentials.isLocked(at: now.adding(seconds: 60)))
    }
}

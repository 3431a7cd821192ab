import Foundation
import GatewayCore
import GatewayHTTP
import GatewayStorage

/// The demo's console logins: an admin and a warehouse worker (`staff` of the shipping warehouse's enterprise), with
/// random passwords printed once and an API token for the worker. Created only in the demo's own fresh database.
struct DemoLogins: Sendable {
    /// One login.
    struct Login: Sendable, Equatable {
        /// The login name.
        var username: String
        /// The password, in the clear (printed once).
        var password: String
    }

    /// The admin.
    var admin: Login
    /// The warehouse worker.
    var worker: Login
    /// The worker's enterprise.
    var workerEnterprise: String
    /// The worker's staff API token.
    var workerToken: String

    /// The admin's login name.
    static let adminName = "demo-admin"
    /// The worker's login name.
    static let workerName = "demo-packer"
    /// The demo's bcrypt cost (fast: the database is thrown away at the next run).
    static let cost = 10

    /// Creates both users (audited as `demo`) and the worker's token.
    static func create(_ stores: GatewayStores, workerEnterprise: String, at now: Timestamp) async throws -> DemoLogins {
        let admin = Login(username: adminName, password: password())
        let worker = Login(username: workerName, password: password())
        _ = try await stores.staff.addUser(
            username: admin.username,
            role: .admin,
            enterpriseId: nil,
            passwordHash: StaffSecrets.hashPassword(admin.password, cost: cost),
            at: now
        )
        _ = try await stores.staff.addUser(
            username: worker.username,
            role: .staff,
            enterpriseId: workerEnterprise,
            passwordHash: StaffSecrets.hashPassword(worker.password, cost: cost),
            at: now
        )
        let token = StaffSecrets.randomToken()
        _ = try await stores.staff.createToken(username: worker.username, name: "demo worker", digest: StaffSecrets.digest(token), at: now)
        for (user, detail) in [(admin.username, "role admin"), (worker.username, "role staff")] {
            try await stores.audit.record(
                AuditEntry(
                    at: now,
                    actor: "demo",
                    action: "user.add",
                    subject: "user:\(user)",
                    detail: detail,
                    enterpriseId: user == worker.username ? workerEnterprise : nil
                )
            )
        }
        return DemoLogins(admin: admin, worker: worker, workerEnterprise: workerEnterprise, workerToken: token)
    }

    /// A random password of 16 letters and digits (no look-alikes).
    static func password() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
}

import ArgumentParser
import Foundation
import GatewayCore
import GatewayHTTP
import GatewayStorage

/// `gateway token create|list|revoke`: API tokens for automation (`Authorization: Bearer TOKEN` on `/api/v1`).
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Manage staff API tokens.",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    /// `gateway token create --user NAME --name LABEL`: prints the token once; only its digest is stored.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token for a user; the token is printed once.")

        @OptionGroup var options: ConfigOptions
        @Option(help: "The user the token acts as.") var user: String
        @Option(help: "A label, e.g. erp-sync.") var name: String

        func run() async throws {
            let (token, secret) = try await create(stores: try StaffCLI.openStores(options))
            print("token id: \(token.id)")
            print("token:    \(secret)")
            print("(shown once; use it as Authorization: Bearer TOKEN)")
        }

        /// Creates the token and audits it. - Returns: its metadata and the secret.
        func create(stores: GatewayStores) async throws -> (StaffAPIToken, String) {
            let secret = StaffSecrets.randomToken()
            let token = try await StaffCLI.run {
                try await stores.staff.createToken(username: user, name: name, digest: StaffSecrets.digest(secret), at: StaffCLI.now())
            }
            let owner = try await stores.staff.user(username: user)
            try await stores.audit.record(
                AuditEntry(
                    at: StaffCLI.now(),
                    actor: StaffCLI.actor,
                    action: "token.create",
                    subject: "token:\(token.id)",
                    detail: "user \(user), name \(name)",
                    enterpriseId: owner?.enterpriseId
                )
            )
            return (token, secret)
        }
    }

    /// `gateway token list [--user NAME]`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (never their secrets).")

        @OptionGroup var options: ConfigOptions
        @Option(help: "Only this user's tokens.") var user: String?
        @Flag(help: "Print the staff API's JSON ({\"items\":[…],\"next\":null}) instead of lines.") var json = false

        func run() async throws {
            let stores = try StaffCLI.openStores(options)
            let users = Dictionary(try await stores.staff.users().map { ($0.id, $0.username) }, uniquingKeysWith: { first, _ in first })
            let tokens = try await stores.staff.tokens(username: user)
            if json {
                try JSONOutput.printPage(tokens.map { APITokenResponse($0, username: users[$0.userId] ?? $0.userId) })
                return
            }
            for token in tokens {
                let state = token.revokedAt == nil ? "active" : "revoked"
                print("\(token.id)\t\(users[token.userId] ?? token.userId)\t\(token.name)\t\(state)")
            }
        }
    }

    /// `gateway token revoke ID`.
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by id.")

        @OptionGroup var options: ConfigOptions
        @Argument(help: "The token id (from create or list).") var id: String

        func run() async throws {
            try await revoke(stores: try StaffCLI.openStores(options))
            print("revoked \(id)")
        }

        /// Revokes the token and audits it.
        func revoke(stores: GatewayStores) async throws {
            guard let token = try await stores.staff.revokeToken(id: id, at: StaffCLI.now()) else { throw ValidationError("no token \"\(id)\"") }
            try await stores.audit.record(
                AuditEntry(at: StaffCLI.now(), actor: StaffCLI.actor, action: "token.revoke", subject: "token:\(token.id)", detail: token.name)
            )
        }
    }
}

import ArgumentParser
import Foundation
import GatewayConfig
import GatewayCore
import GatewayHTTP
import GatewayStorage

#if canImport(Glibc)
import Glibc
#endif

/// `gateway user add|list|disable|enable|password`: staff users of the console and the staff API.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage staff users (console and staff API).",
        subcommands: [Add.self, List.self, Disable.self, Enable.self, Password.self]
    )

    /// `gateway user add NAME --role R [--enterprise E] [--password-stdin]`.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user (the password is prompted for, or read from stdin).")

        @OptionGroup var options: ConfigOptions
        @Argument(help: "Login name.") var name: String
        @Option(help: "admin, staff or auditor.") var role: StaffRole
        @Option(help: "The enterprise of a staff user (config shops[].enterprise).") var enterprise: String?
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false
        @Option(help: "Bcrypt cost (4…31).") var cost: Int = 12

        func run() async throws {
            let password = try StaffCLI.readPassword(fromStdin: passwordStdin, confirm: true)
            let user = try await add(password: password, stores: try StaffCLI.openStores(options))
            print("added \(user.username) (\(user.role.rawValue)\(user.enterpriseId.map { ", enterprise \($0)" } ?? ""))")
        }

        /// Adds the user with a password and audits it.
        func add(password: String, stores: GatewayStores) async throws -> StaffUser {
            guard password.count >= 8 else { throw ValidationError("the password must have at least 8 characters") }
            let user = try await StaffCLI.run {
                try await stores.staff.addUser(
                    username: name,
                    role: role,
                    enterpriseId: enterprise,
                    passwordHash: StaffSecrets.hashPassword(password, cost: cost),
                    at: StaffCLI.now()
                )
            }
            try await stores.audit.record(
                AuditEntry(
                    at: StaffCLI.now(),
                    actor: StaffCLI.actor,
                    action: "user.add",
                    subject: "user:\(user.username)",
                    detail: "role \(user.role.rawValue)",
                    enterpriseId: user.enterpriseId
                )
            )
            return user
        }
    }

    /// `gateway user list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")

        @OptionGroup var options: ConfigOptions
        @Flag(help: "Print the staff API's JSON ({\"items\":[…],\"next\":null}) instead of lines.") var json = false

        func run() async throws {
            let stores = try StaffCLI.openStores(options)
            if json {
                FileHandle.standardOutput.write(try await jsonPage(stores: stores) + Data("\n".utf8))
                return
            }
            for line in try await lines(stores: stores) { print(line) }
        }

        /// The users as the staff API would list them (`{"items":[StaffUser…],"next":null}`).
        func jsonPage(stores: GatewayStores) async throws -> Data {
            try APIJSON.encode(APIPage(items: try await stores.staff.users().map(StaffUserResponse.init), next: nil))
        }

        /// One line per user: name, role, enterprise, state.
        func lines(stores: GatewayStores) async throws -> [String] {
            try await stores.staff.users().map { user in
                let state = user.disabled ? "disabled" : "active"
                return "\(user.username)\t\(user.role.rawValue)\t\(user.enterpriseId ?? "-")\t\(state)"
            }
        }
    }

    /// `gateway user disable NAME`: the user can no longer sign in; their sessions end and their tokens stop working.
    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a user (ends their sessions, revokes their API tokens).")

        @OptionGroup var options: ConfigOptions
        @Argument(help: "Login name.") var name: String

        func run() async throws {
            try await StaffCLI.setDisabled(name, true, stores: try StaffCLI.openStores(options))
            print("disabled \(name)")
        }
    }

    /// `gateway user enable NAME`.
    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Re-enable a disabled user (revoked tokens stay revoked).")

        @OptionGroup var options: ConfigOptions
        @Argument(help: "Login name.") var name: String

        func run() async throws {
            try await StaffCLI.setDisabled(name, false, stores: try StaffCLI.openStores(options))
            print("enabled \(name)")
        }
    }

    /// `gateway user password NAME [--password-stdin]`: sets a new password and lifts a lock-out.
    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a user's password (lifts a lock-out, ends their sessions, revokes their API tokens)."
        )

        @OptionGroup var options: ConfigOptions
        @Argument(help: "Login name.") var name: String
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false
        @Option(help: "Bcrypt cost (4…31).") var cost: Int = 12

        func run() async throws {
            let password = try StaffCLI.readPassword(fromStdin: passwordStdin, confirm: true)
            guard password.count >= 8 else { throw ValidationError("the password must have at least 8 characters") }
            let stores = try StaffCLI.openStores(options)
            guard try await stores.staff.setPasswordHash(username: name, StaffSecrets.hashPassword(password, cost: cost)) else {
                throw ValidationError("no user \"\(name)\"")
            }
            let user = try await stores.staff.user(username: name)
            try await stores.audit.record(
                AuditEntry(
                    at: StaffCLI.now(),
                    actor: StaffCLI.actor,
                    action: "user.password",
                    subject: "user:\(name)",
                    detail: "",
                    enterpriseId: user?.enterpriseId
                )
            )
            print("password set for \(name)")
        }
    }
}

extension StaffRole: ExpressibleByArgument {}

/// Helpers shared by `gateway user` and `gateway token`.
enum StaffCLI {
    /// The audit actor of CLI changes: `cli:$USER`.
    static var actor: String { "cli:\(ProcessInfo.processInfo.environment["USER"] ?? "unknown")" }

    /// The current time.
    static func now() -> Timestamp { StoreAccess.clock.now() }

    /// Opens the configured database (migrating it).
    static func openStores(_ options: ConfigOptions) throws -> GatewayStores {
        let configuration = try options.load()
        do {
            return try GatewayStores.open(
                url: configuration.storage.url,
                synchronous: configuration.storage.synchronous,
                keys: configuration.storage.dataKeys
            )
        } catch let error as StorageError {
            throw ValidationError(error.message)
        }
    }

    /// Runs a directory operation, turning its errors into readable CLI errors.
    static func run<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StaffDirectoryError {
            throw ValidationError(error.message)
        }
    }

    /// Disables or enables a user and audits it.
    static func setDisabled(_ name: String, _ disabled: Bool, stores: GatewayStores) async throws {
        guard let user = try await stores.staff.setDisabled(username: name, disabled) else { throw ValidationError("no user \"\(name)\"") }
        try await stores.audit.record(
            AuditEntry(
                at: now(),
                actor: actor,
                action: disabled ? "user.disable" : "user.enable",
                subject: "user:\(name)",
                detail: "",
                enterpriseId: user.enterpriseId
            )
        )
    }

    /// Reads a password from stdin (first line) or prompts twice without echo.
    static func readPassword(fromStdin: Bool, confirm: Bool) throws -> String {
        if fromStdin {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw ValidationError("no password on standard input") }
            return line
        }
        #if canImport(Glibc)
        guard let first = getpass("Password: ").map({ String(cString: $0) }), !first.isEmpty else { throw ValidationError("no password given") }
        if confirm {
            let second = getpass("Repeat password: ").map { String(cString: $0) }
            guard second == first else { throw ValidationError("the passwords differ") }
        }
        return first
        #else
        throw ValidationError("use --password-stdin on this system")
        #endif
    }
}

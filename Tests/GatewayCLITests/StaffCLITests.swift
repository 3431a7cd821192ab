import ArgumentParser
import Foundation
import GatewayCore
import GatewayHTTP
import GatewayStorage
import Testing

@testable import gateway

/// `gateway user …` and `gateway token …` against a real SQLite file.
@Suite struct StaffCLITests {
    @Test func usersAndTokensAreManagedAndAudited() async throws {
        let database = NSTemporaryDirectory() + "staff-cli-\(UUID().uuidString).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) } }
        let stores = try GatewayStores.open(url: "sqlite:" + database, keys: .random())

        let add = try #require(
            try GatewayCommand.parseAsRoot([
                "user", "add", "wang.fang", "--role", "staff", "--enterprise", "yunlai", "--password-stdin", "--cost", "4", "--database",
                "sqlite:" + database,
            ]) as? UserCommand.Add
        )
        #expect(add.passwordStdin)
        let user = try await add.add(password: "a long password", stores: stores)
        #expect(user.role == .staff)
        #expect(user.enterpriseId == "yunlai")
        let credentials = try #require(try await stores.staff.credentials(username: "wang.fang"))
        #expect(StaffSecrets.verifyPassword("a long password", hash: credentials.passwordHash))
        #expect(!StaffSecrets.verifyPassword("another password", hash: credentials.passwordHash))
        await #expect(throws: ValidationError.self) { _ = try await add.add(password: "a long password", stores: stores) }  // duplicate
        await #expect(throws: ValidationError.self) { _ = try await add.add(password: "short", stores: stores) }
        #expect(throws: (any Error).self) { try GatewayCommand.parseAsRoot(["user", "add", "x", "--role", "owner"]) }

        let list = try #require(try GatewayCommand.parseAsRoot(["user", "list"]) as? UserCommand.List)
        #expect(try await list.lines(stores: stores) == ["wang.fang\tstaff\tyunlai\tactive"])
        // `--json` prints the staff API's shape: a page of StaffUser objects with snake_case keys.
        let listJSON = try #require(try GatewayCommand.parseAsRoot(["user", "list", "--json"]) as? UserCommand.List)
        #expect(listJSON.json)
        let page = try #require(try JSONSerialization.jsonObject(with: try await listJSON.jsonPage(stores: stores)) as? [String: Any])
        #expect(page["next"] is NSNull)
        let first = try #require((page["items"] as? [[String: Any]])?.first)
        #expect(first["username"] as? String == "wang.fang")
        #expect(first["enterprise_id"] as? String == "yunlai")
        #expect(first["disabled"] as? Bool == false)
        #expect(first["id"] is String)

        let create = try #require(
            try GatewayCommand.parseAsRoot(["token", "create", "--user", "wang.fang", "--name", "erp-sync"]) as? TokenCommand.Create
        )
        let (token, secret) = try await create.create(stores: stores)
        #expect(secret.count == 64)
        let found = try #require(try await stores.staff.token(digest: StaffSecrets.digest(secret), at: StaffCLI.now()))
        #expect(found.token.id == token.id)
        #expect(found.user.username == "wang.fang")

        let revoke = try #require(try GatewayCommand.parseAsRoot(["token", "revoke", token.id]) as? TokenCommand.Revoke)
        try await revoke.revoke(stores: stores)
        #expect(try await stores.staff.token(digest: StaffSecrets.digest(secret), at: StaffCLI.now()) == nil)
        let missing = try #require(try GatewayCommand.parseAsRoot(["token", "revoke", "t-nope"]) as? TokenCommand.Revoke)
        await #expect(throws: ValidationError.self) { try await missing.revoke(stores: stores) }

        try await StaffCLI.setDisabled("wang.fang", true, stores: stores)
        #expect(try await list.lines(stores: stores) == ["wang.fang\tstaff\tyunlai\tdisabled"])
        #expect(try #require(try GatewayCommand.parseAsRoot(["user", "disable", "wang.fang"]) as? UserCommand.Disable).name == "wang.fang")

        let actions = try await stores.audit.entries(subject: nil, limit: 10).map(\.action)
        #expect(actions == ["user.disable", "token.revoke", "token.create", "user.add"])
        #expect(try await stores.audit.entries(subject: "user:wang.fang", limit: 1).first?.actor.hasPrefix("cli:") == true)
    }
}

import ArgumentParser
import Foundation
import Testing

@testable import gateway

/// Without `storage.data_keys` the commands that open the storage refuse, and `check-config` says so.
@Suite struct DataKeyCLITests {
    @Test func withoutDataKeysCheckConfigAndMigrateRefuse() async throws {
        let directory = NSTemporaryDirectory() + "data-keys-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/gateway.yaml"
        let database = directory + "/gateway.sqlite"
        try """
        storage: { url: "sqlite:\(database)" }
        shops:
          - { key: a, platform: youzan, enterprise: e, credentials: { client_id: c, client_secret: s } }
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let check = try #require(try GatewayCommand.parseAsRoot(["check-config", "--config", path]) as? CheckConfigCommand)
        await #expect(throws: ExitCode.self) { try await check.run() }
        let migrate = try #require(try GatewayCommand.parseAsRoot(["migrate", "--config", path]) as? MigrateCommand)
        await #expect(throws: ExitCode.self) { try await migrate.run() }
        #expect(!FileManager.default.fileExists(atPath: database))
    }
}

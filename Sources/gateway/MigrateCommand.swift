import ArgumentParser
import GatewayConfig
import GatewayCore
import GatewayStorage

/// `gateway migrate`: creates or upgrades the database schema.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or upgrade the database schema.")

    @OptionGroup var options: ConfigOptions

    func run() async throws {
        let configuration = try options.load()
        do {
            _ = try GatewayStores.open(
                url: configuration.storage.url,
                synchronous: configuration.storage.synchronous,
                keys: configuration.storage.dataKeys
            )
            print("migrated \(configuration.storage.url)")
        } catch let error as StorageError {
            print("error: \(error)")
            throw ExitCode(1)
        }
    }
}

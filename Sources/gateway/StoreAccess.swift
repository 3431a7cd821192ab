import ArgumentParser
import Foundation
import GatewayConfig
import GatewayCore
import GatewayImport
import GatewayPipeline
import GatewayRuntime
import GatewayStorage

/// Opening the stores from the command line, with master data seeded as `gateway serve` would.
enum StoreAccess {
    /// Opens the configured stores and seeds master data from `master_data.file`.
    static func open(_ configuration: GatewayConfiguration) async throws -> GatewayStores {
        let stores: GatewayStores
        do {
            stores = try GatewayStores.open(
                url: configuration.storage.url,
                synchronous: configuration.storage.synchronous,
                keys: configuration.storage.dataKeys
            )
        } catch let error as StorageError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        do {
            try await MasterDataSeeder.seed(configuration, into: stores, clock: clock)
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        } catch let error as ImportError {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        }
        return stores
    }

    /// The audit actor for command-line changes: `cli:USER`.
    static var actor: String { "cli:" + (ProcessInfo.processInfo.environment["USER"] ?? "unknown") }

    /// The command line's one clock (the wall clock), created here as `GatewayServer` creates the server's.
    static let clock = GatewayClock.system

    /// Now, from ``clock``.
    static func now() -> Timestamp { clock.now() }
}

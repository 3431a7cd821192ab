import ArgumentParser
import Foundation
import GatewayConfig

/// Options shared by commands that read the configuration.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file.")
    var config: String = "config/gateway.yaml"

    @Option(name: .long, help: "Storage URL (sqlite:PATH or postgres://…); overrides storage.url.")
    var database: String?

    /// Loads the configuration, applying command-line overrides; prints every problem and exits on failure.
    func load() throws -> GatewayConfiguration {
        do {
            var configuration = try ConfigurationLoader().load(path: config)
            if let database { configuration.storage.url = database }
            return configuration
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}

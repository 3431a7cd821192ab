import ArgumentParser
import Foundation
import GatewayConfig
import GatewayCore

/// `gateway check-config`: validates the configuration and reports every problem at once.
struct CheckConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate the configuration file; list every problem with file and key."
    )

    @Option(name: .long, help: "Configuration file.")
    var config: String = "config/gateway.yaml"

    func run() async throws {
        do {
            let configuration = try ConfigurationLoader().load(path: config)
            if configuration.storage.dataKeys == nil {
                // Loads, but `serve`, `migrate` and every command that opens the storage would refuse it.
                print(
                    ConfigurationError(problems: [
                        ConfigurationProblem(
                            file: config,
                            key: "storage.data_keys",
                            message: "is not set: personal data and raw payloads are stored encrypted; set it to \"${GATEWAY_DATA_KEY}\" "
                                + "with GATEWAY_DATA_KEY=KEY_ID:BASE64 (32 random bytes, e.g. k1:$(openssl rand -base64 32))"
                        )
                    ])
                )
                throw ExitCode(1)
            }
            print(
                "\(config): OK — \(configuration.shops.count) shop(s): "
                    + configuration.shops.map { "\($0.key) (\($0.platform.rawValue))" }.joined(separator: ", ")
            )
            for setting in configuration.defaultedSettings {
                print("warning: \(setting) — `gateway serve` refuses demo defaults without --allow-demo-secrets")
            }
        } catch let error as ConfigurationError {
            print(error)
            throw ExitCode(1)
        }
    }
}

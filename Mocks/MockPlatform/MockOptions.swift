import ArgumentParser
import GatewayConfig
import Logging

/// Options shared by every subcommand.
struct MockOptions: ParsableArguments {
    @Option(name: .long, help: "The gateway configuration file whose shops and credentials the mock serves.")
    var config: String = "config/gateway.yaml"

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port: Int = 9090

    @Option(name: .long, help: "The interface to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "The mock's seed (ids, buyers, faults).")
    var mockSeed: UInt64 = 1

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    /// Loads the configuration, reporting every problem.
    func loadConfiguration() throws -> GatewayConfiguration {
        try ConfigurationLoader().load(path: config)
    }

    /// A logger at the chosen level.
    func makeLogger() -> Logger {
        var logger = Logger(label: "mock-platform")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        return logger
    }
}

import ArgumentParser
import Foundation
import GatewayConfig
import GatewayCore
import GatewayRuntime
import Logging
import ServiceLifecycle

/// `gateway serve`: runs the gateway until SIGTERM or Ctrl-C.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the gateway (webhooks, poller, pipeline, staff API).")

    @OptionGroup var options: ConfigOptions

    @Option(name: .long, help: "Port to listen on; overrides server.port.")
    var port: Int?

    @Flag(name: .long, help: "Only receive and store deliveries (no processing, no polling); for ingest benchmarks.")
    var ingestOnly = false

    @Flag(
        name: .long,
        help: "Start even when a secret still has its ${VAR:-default} demo value (the demo, tests and benchmarks against the mock platform)."
    )
    var allowDemoSecrets = false

    func run() async throws {
        var configuration = try options.load()
        if let port { configuration.server.port = port }
        var logger = Logger(label: "gateway")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        if !configuration.defaultedSettings.isEmpty {
            guard allowDemoSecrets else {
                FileHandle.standardError.write(Data(Self.refusal(configuration).utf8))
                throw ExitCode(2)
            }
            logger.warning("running with demo secrets (--allow-demo-secrets): \(configuration.defaultedSettings.map(\.key).joined(separator: ", "))")
        }
        let token = ProcessInfo.processInfo.environment["GATEWAY_ADMIN_TOKEN"] ?? ""
        if token.isEmpty { logger.warning("GATEWAY_ADMIN_TOKEN is not set: the staff API refuses every request") }
        let server = try GatewayServer(configuration: configuration, apiTokens: [token], logger: logger)
        let host = configuration.server.host
        let storage = configuration.storage.url
        try await server.seedMasterData()
        let group = try buildServiceGroup(server, runPipeline: !ingestOnly) { port in
            // Scripts and tests read this line to find the port when `--port 0` picks a free one.
            FileHandle.standardOutput.write(Data("gateway listening on http://\(host):\(port) (storage \(storage))\n".utf8))
        }
        try await group.run()
    }

    /// Why `serve` will not start with demo defaults, naming every key and its variable.
    static func refusal(_ configuration: GatewayConfiguration) -> String {
        let list = configuration.defaultedSettings.map { "  - \($0)" }.joined(separator: "\n")
        return """
            gateway serve: \(configuration.sourcePath): \(configuration.defaultedSettings.count) value(s) still use their ${VAR:-default} demo default:
            \(list)
            Set these environment variables (or write the values without a default), or pass --allow-demo-secrets to run
            against the mock platform.

            """
    }
}

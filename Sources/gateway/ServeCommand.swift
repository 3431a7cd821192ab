import ArgumentParser
import Foundation
import GatewayConfig
import GatewayCore
import GatewayRuntime
import Logging

/// `gateway serve`: runs the gateway until SIGTERM or Ctrl-C.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the gateway (webhooks, poller, pipeline, staff API).")

    @OptionGroup var options: ConfigOptions

    @Option(name: .long, help: "Port to listen on; overrides server.port.")
    var port: Int?

    @Flag(name: .long, help: "Only receive and store deliveries (no processing, no polling); for ingest benchmarks.")
    var ingestOnly = false

    func run() async throws {
        var configuration = try options.load()
        if let port { configuration.server.port = port }
        var logger = Logger(label: "gateway")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let token = ProcessInfo.processInfo.environment["GATEWAY_ADMIN_TOKEN"] ?? ""
        if token.isEmpty { logger.warning("GATEWAY_ADMIN_TOKEN is not set: the staff API refuses every request") }
        let server = try GatewayServer(configuration: configuration, apiTokens: [token], logger: logger)
        let host = configuration.server.host
        let storage = configuration.storage.url
        try await server.run(runPipeline: !ingestOnly) { port in
            // Scripts and tests read this line to find the port when `--port 0` picks a free one.
            FileHandle.standardOutput.write(Data("gateway listening on http://\(host):\(port) (storage \(storage))\n".utf8))
        }
    }
}

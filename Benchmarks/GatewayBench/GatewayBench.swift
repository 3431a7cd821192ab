import ArgumentParser
import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import NIOHTTP1

/// `gateway-bench ingest`: signed Douyin pushes against a `gateway serve` child process, as a ratio
/// to the same server's `/healthz` requests per second measured in the same run.
@main
struct GatewayBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gateway-bench",
        abstract: "Benchmarks of the gateway; results are ratios against a baseline measured in the same run.",
        subcommands: [IngestBenchmark.self, AllocateBenchmark.self, AllocateStoredBenchmark.self],
        defaultSubcommand: IngestBenchmark.self
    )
}

struct IngestBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ingest", abstract: "Webhook ingest: acknowledged deliveries/s vs /healthz req/s.")

    @Option(help: "The gateway binary (build it with -c release).") var gateway = ".build/release/gateway"
    @Option(help: "Concurrent connections.") var connections = 64
    @Option(help: "Seconds per phase.") var seconds = 10.0
    @Option(help: "SQLite synchronous mode: full (durable) or normal.") var synchronous = "full"
    @Option(help: "Messages per push body (Douyin batches pushes as an array).") var messagesPerPush = 1

    /// A fixed data key for the throwaway database (payloads are sealed at rest as in production).
    static let benchDataKey = Data("gateway-bench-data-key-32-bytes!".utf8).base64EncodedString()

    func run() async throws {
        let directory = NSTemporaryDirectory() + "gateway-bench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let appKey = "7011223344556677889"
        let appSecret = "bench-secret"
        let config = """
            server: { host: 127.0.0.1, port: 0, max_body_bytes: 1048576 }
            storage: { url: "sqlite:\(directory)/bench.sqlite", synchronous: \(synchronous), data_keys: "bench:\(Self.benchDataKey)" }
            shops:
              - key: bench-douyin
                platform: douyin
                enterprise: yunlai
                credentials: { app_key: "\(appKey)", app_secret: "\(appSecret)", shop_id: "1" }
                poll: { enabled: false }
            """
        try config.write(toFile: directory + "/gateway.yaml", atomically: true, encoding: .utf8)
        let (process, port) = try startGateway(configPath: directory + "/gateway.yaml")
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        var clientConfiguration = HTTPClient.Configuration()
        clientConfiguration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
        let base = "http://127.0.0.1:\(port)"

        print(
            "gateway-bench ingest: \(connections) connections, \(seconds)s per phase, synchronous=\(synchronous), \(messagesPerPush) message(s) per push"
        )
        _ = try await phase(client: client, seconds: 1) { _ in Self.get(base + "/healthz") }  // warm-up
        let health = try await phase(client: client, seconds: seconds) { _ in Self.get(base + "/healthz") }
        let counter = Counter()
        let pushes = try await phase(client: client, seconds: seconds) { _ in
            var messages: [String] = []
            for _ in 0..<messagesPerPush {
                let n = counter.next()
                let data = #"{\"p_id\":\#(4_984_023_467_827_000_000 + n),\"order_status\":105,\"update_time\":1764400000}"#
                messages.append(#"{"tag":"101","msg_id":"bench-\#(n)","data":"\#(data)"}"#)
            }
            let body = "[" + messages.joined(separator: ",") + "]"
            let digest = Self.hex(Insecure.MD5.hash(data: Array((appKey + body + appSecret).utf8)))
            var request = HTTPClientRequest(url: base + "/webhooks/douyin/bench-douyin")
            request.method = .POST
            request.headers.add(name: "app-id", value: appKey)
            request.headers.add(name: "event-sign", value: digest)
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
            return request
        }
        let deliveriesPerSecond = pushes.rate * Double(messagesPerPush)
        print(health.summary(label: "/healthz baseline"))
        print(pushes.summary(label: "signed Douyin pushes"))
        try await client.shutdown()
        print(String(format: "ratio (acknowledged deliveries/s ÷ /healthz req/s): %.2f", deliveriesPerSecond / health.rate))
        print(String(format: "ack latency p50 %.1f ms, p99 %.1f ms (durable: synchronous=%@)", pushes.p50 * 1000, pushes.p99 * 1000, synchronous))
    }

    static func get(_ url: String) -> HTTPClientRequest { HTTPClientRequest(url: url) }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Lowercase hex, without `String(format:)` (the client shares the CPU with the server).
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        for byte in bytes {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    func startGateway(configPath: String) throws -> (Process, Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gateway)
        process.arguments = ["serve", "--config", configPath, "--port", "0", "--ingest-only", "--allow-demo-secrets"]
        var environment = ProcessInfo.processInfo.environment
        environment["LOG_LEVEL"] = "error"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        var text = ""
        while true {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { throw ValidationError("gateway exited before listening: \(text)") }
            text += String(decoding: data, as: UTF8.self)
            if let range = text.range(of: #"127\.0\.0\.1:(\d+)"#, options: .regularExpression), let port = Int(text[range].split(separator: ":")[1]) {
                pipe.fileHandleForReading.readabilityHandler = { _ = $0.availableData }
                return (process, port)
            }
        }
    }

    /// Runs `connections` workers for `seconds`, each sending requests back to back.
    func phase(client: HTTPClient, seconds: Double, request: @escaping @Sendable (Int) -> HTTPClientRequest) async throws -> PhaseResult {
        let start = ContinuousClock.now
        let end = start + .milliseconds(Int(seconds * 1000))
        let results = await withTaskGroup(of: ([Double], Int).self) { group in
            for worker in 0..<connections {
                group.addTask {
                    var latencies: [Double] = []
                    var failures = 0
                    while ContinuousClock.now < end {
                        let sent = ContinuousClock.now
                        do {
                            let response = try await client.execute(request(worker), timeout: .seconds(30))
                            _ = try await response.body.collect(upTo: 1 << 16)
                            if response.status == .ok {
                                let elapsed = sent.duration(to: .now).components
                                latencies.append(Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
                            } else {
                                failures += 1
                            }
                        } catch {
                            failures += 1
                        }
                    }
                    return (latencies, failures)
                }
            }
            var all: [Double] = []
            var failures = 0
            for await (latencies, failed) in group {
                all += latencies
                failures += failed
            }
            return (all, failures)
        }
        let elapsed = start.duration(to: .now).components
        return PhaseResult(latencies: results.0.sorted(), failures: results.1, seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
    }
}

/// Results of one phase.
struct PhaseResult {
    var latencies: [Double]
    var failures: Int
    var seconds: Double

    var rate: Double { Double(latencies.count) / seconds }
    var p50: Double { percentile(0.50) }
    var p99: Double { percentile(0.99) }

    func percentile(_ p: Double) -> Double {
        guard !latencies.isEmpty else { return 0 }
        return latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
    }

    func summary(label: String) -> String {
        String(format: "%@: %.0f req/s, p50 %.1f ms, p99 %.1f ms, %d ok, %d failed", label, rate, p50 * 1000, p99 * 1000, latencies.count, failures)
    }
}

/// A shared increasing counter for unique message ids.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

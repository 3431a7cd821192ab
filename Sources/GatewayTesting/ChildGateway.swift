import Foundation

/// A `gateway serve` child process, for crash tests: started on a free port, killed with SIGKILL.
public final class ChildGateway: @unchecked Sendable {
    /// The child process (or its wrapper).
    public let process = Process()
    /// The port it listens on.
    public let port: Int

    /// The `gateway` binary next to the test bundle (`.build/debug/gateway`), or `GATEWAY_BINARY`.
    public static var binary: String {
        if let path = ProcessInfo.processInfo.environment["GATEWAY_BINARY"] { return path }
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0])
        var directory = testBinary.deletingLastPathComponent()
        while !directory.path.isEmpty && directory.path != "/" {
            let candidate = directory.appendingPathComponent("gateway").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return FileManager.default.currentDirectoryPath + "/.build/debug/gateway"
    }

    /// Starts `gateway serve --config PATH --port N --allow-demo-secrets` (0: a free port; the test configurations keep
    /// the mock platform's demo secrets) and waits for its "listening" line.
    /// - Parameters:
    ///   - extraArguments: more `serve` arguments (e.g. `--ingest-only`).
    ///   - wrapper: a command the gateway runs under (e.g. `strace -f -o FILE`); its last element is followed by the binary.
    public init(configPath: String, adminToken: String, port requestedPort: Int = 0, extraArguments: [String] = [], wrapper: [String] = []) throws {
        let command =
            wrapper + [Self.binary, "serve", "--config", configPath, "--port", String(requestedPort), "--allow-demo-secrets"]
            + extraArguments
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        var environment = ProcessInfo.processInfo.environment
        environment["GATEWAY_ADMIN_TOKEN"] = adminToken
        environment["LOG_LEVEL"] = "error"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var buffer = ""
        let deadline = Date().addingTimeInterval(60)
        var found: Int?
        while found == nil && Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            buffer += String(decoding: data, as: UTF8.self)
            if let range = buffer.range(of: #"listening on http://127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                found = Int(buffer[range].split(separator: ":").last ?? "")
            }
        }
        guard let found else {
            process.terminate()
            throw ChildGatewayError.didNotStart(buffer)
        }
        port = found
        // Keep draining stdout so the child never blocks on a full pipe.
        output.fileHandleForReading.readabilityHandler = { handle in _ = handle.availableData }
    }

    /// The gateway's base URL.
    public var url: String { "http://127.0.0.1:\(port)" }

    /// The gateway's own process id: the child's, or under a wrapper (strace) the wrapper's child.
    public var gatewayPid: Int32 {
        let wrapper = process.processIdentifier
        let children = (try? String(contentsOfFile: "/proc/\(wrapper)/task/\(wrapper)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { Int32($0) } ?? wrapper
    }

    /// Kills the process at once, like a power cut to the process.
    public func kill9() {
        kill(gatewayPid, SIGKILL)
        process.waitUntilExit()
    }

    /// Asks the process to stop gracefully and waits.
    public func stop() {
        kill(gatewayPid, SIGTERM)
        process.waitUntilExit()
    }
}

/// A TCP port on 127.0.0.1 that nothing listens on right now.
public func freeLoopbackPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw ChildGatewayError.noPort }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    guard bound else { throw ChildGatewayError.noPort }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// Why a ``ChildGateway`` could not start.
public enum ChildGatewayError: Error {
    /// No free loopback port was found.
    case noPort
    /// The child printed no "listening" line (its output so far).
    case didNotStart(String)
}

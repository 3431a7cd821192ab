import Foundation
public import GatewayCore
import Yams

/// Reads and validates the YAML configuration, reporting every problem at once.
///
/// Secrets are written `${ENV_VAR}` (must be set) or `${ENV_VAR:-default}` (the default is used when
/// the variable is unset; the shipped demo configuration uses this so the demo runs with no setup). Every value
/// taken from such a default is listed in ``GatewayConfiguration/defaultedSettings``.
public struct ConfigurationLoader: Sendable {
    /// The environment used for `${…}` substitution.
    public var environment: [String: String]

    /// Creates a loader.
    /// - Parameter environment: variables for `${…}` substitution; defaults to the process environment.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Loads and validates a configuration file.
    /// - Throws: ``ConfigurationError`` listing every problem with file and key.
    public func load(path: String) throws -> GatewayConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(problems: [ConfigurationProblem(file: path, key: "(file)", message: "cannot read the file")])
        }
        return try parse(yaml: String(decoding: data, as: UTF8.self), sourcePath: path)
    }

    /// Parses and validates configuration text.
    /// - Throws: ``ConfigurationError`` listing every problem with file and key.
    public func parse(yaml: String, sourcePath: String = "<memory>") throws -> GatewayConfiguration {
        var reader = Reader(file: sourcePath, environment: environment)
        let root: Any?
        do {
            root = try YAMLDocument.load(yaml)
        } catch {
            throw ConfigurationError(problems: [ConfigurationProblem(file: sourcePath, key: "(file)", message: "not valid YAML: \(error)")])
        }
        guard let top = root as? [String: Any] else {
            throw ConfigurationError(problems: [ConfigurationProblem(file: sourcePath, key: "(root)", message: "expected a mapping at the top level")]
            )
        }
        var configuration = reader.configuration(from: top)
        if !reader.problems.isEmpty { throw ConfigurationError(problems: reader.problems) }
        configuration.defaultedSettings = reader.defaulted
        return configuration
    }
}

/// Walks the parsed YAML, collecting problems instead of stopping at the first.
private struct Reader {
    let file: String
    let environment: [String: String]
    var problems: [ConfigurationProblem] = []
    /// Values that came from a `${NAME:-default}` default.
    var defaulted: [DefaultedSetting] = []

    mutating func problem(_ key: String, _ message: String) {
        problems.append(ConfigurationProblem(file: file, key: key, message: message))
    }

    mutating func configuration(from top: [String: Any]) -> GatewayConfiguration {
        checkKeys(top, allowed: ["server", "storage", "pipeline", "shops", "master_data", "stock_sync", "security", "retention", "trace"], at: "")
        let server = mapping(top["server"], at: "server")
        let storage = mapping(top["storage"], at: "storage")
        let pipeline = mapping(top["pipeline"], at: "pipeline")
        checkKeys(
            server,
            allowed: ["host", "port", "max_body_bytes", "idle_timeout_seconds", "request_timeout_seconds", "max_connections"],
            at: "server"
        )
        checkKeys(storage, allowed: ["url", "synchronous", "max_queued_deliveries", "max_queued_bytes", "data_keys"], at: "storage")
        checkKeys(
            pipeline,
            allowed: [
                "batch_size", "idle_milliseconds", "detail_concurrency", "max_attempts", "detail_timeout_milliseconds",
                "max_detail_backoff_milliseconds", "ready_max_lag_seconds", "ready_max_parked",
            ],
            at: "pipeline"
        )
        let defaults = (server: ServerSettings(), storage: StorageSettings(), pipeline: PipelineSettings())
        let serverSettings = ServerSettings(
            host: string(server["host"], at: "server.host") ?? defaults.server.host,
            port: int(server["port"], at: "server.port", range: 0...65535) ?? defaults.server.port,
            maxBodyBytes: int(server["max_body_bytes"], at: "server.max_body_bytes", range: 1024...(64 << 20)) ?? defaults.server.maxBodyBytes,
            idleTimeoutSeconds: int(server["idle_timeout_seconds"], at: "server.idle_timeout_seconds", range: 1...3600)
                ?? defaults.server.idleTimeoutSeconds,
            requestTimeoutSeconds: int(server["request_timeout_seconds"], at: "server.request_timeout_seconds", range: 1...3600)
                ?? defaults.server.requestTimeoutSeconds,
            maxConnections: int(server["max_connections"], at: "server.max_connections", range: 16...1_000_000)
                ?? defaults.server.maxConnections
        )
        var storageSettings = StorageSettings(
            url: string(storage["url"], at: "storage.url") ?? defaults.storage.url,
            synchronous: string(storage["synchronous"], at: "storage.synchronous") ?? defaults.storage.synchronous,
            maxQueuedDeliveries: int(storage["max_queued_deliveries"], at: "storage.max_queued_deliveries", range: 1...10_000_000)
                ?? defaults.storage.maxQueuedDeliveries,
            maxQueuedBytes: int(storage["max_queued_bytes"], at: "storage.max_queued_bytes", range: 65_536...(16 << 30))
                ?? defaults.storage.maxQueuedBytes
        )
        storageSettings.synchronous = storageSettings.synchronous.lowercased()
        if !["full", "normal"].contains(storageSettings.synchronous) {
            problem("storage.synchronous", "must be full or normal, not \(storageSettings.synchronous)")
        }
        if !(storageSettings.url.hasPrefix("sqlite:") || storageSettings.url.hasPrefix("postgres://")) {
            problem("storage.url", "must start with sqlite: or postgres://")
        }
        storageSettings.dataKeys = dataKeys(storage["data_keys"], at: "storage.data_keys")
        let pipelineSettings = PipelineSettings(
            batchSize: int(pipeline["batch_size"], at: "pipeline.batch_size", range: 1...10_000) ?? defaults.pipeline.batchSize,
            idleMilliseconds: int(pipeline["idle_milliseconds"], at: "pipeline.idle_milliseconds", range: 1...60_000)
                ?? defaults.pipeline.idleMilliseconds,
            detailConcurrency: int(pipeline["detail_concurrency"], at: "pipeline.detail_concurrency", range: 1...256)
                ?? defaults.pipeline.detailConcurrency,
            maxAttempts: int(pipeline["max_attempts"], at: "pipeline.max_attempts", range: 1...1000) ?? defaults.pipeline.maxAttempts,
            detailTimeoutMilliseconds: int(pipeline["detail_timeout_milliseconds"], at: "pipeline.detail_timeout_milliseconds", range: 50...600_000)
                ?? defaults.pipeline.detailTimeoutMilliseconds,
            maxDetailBackoffMilliseconds: int(
                pipeline["max_detail_backoff_milliseconds"],
                at: "pipeline.max_detail_backoff_milliseconds",
                range: 500...3_600_000
            ) ?? defaults.pipeline.maxDetailBackoffMilliseconds,
            readyMaxLagSeconds: int(pipeline["ready_max_lag_seconds"], at: "pipeline.ready_max_lag_seconds", range: 1...86_400)
                ?? defaults.pipeline.readyMaxLagSeconds,
            readyMaxParked: int(pipeline["ready_max_parked"], at: "pipeline.ready_max_parked", range: 0...10_000_000)
                ?? defaults.pipeline.readyMaxParked
        )
        var shops: [ShopConfiguration] = []
        if top["shops"] == nil {
            problem("shops", "is missing: configure at least one shop")
        } else if let list = top["shops"] as? [Any] {
            var seen: [String: Int] = [:]
            for (index, item) in list.enumerated() {
                let at = "shops[\(index)]"
                guard let shop = self.shop(item, at: at) else { continue }
                if let first = seen[shop.key] {
                    problem("\(at).key", "duplicate shop key \"\(shop.key)\" (first used by shops[\(first)])")
                } else {
                    seen[shop.key] = index
                }
                shops.append(shop)
            }
        } else {
            problem("shops", "expected a list of shops")
        }
        var configuration = GatewayConfiguration(
            server: serverSettings,
            storage: storageSettings,
            pipeline: pipelineSettings,
            shops: shops,
            sourcePath: file
        )
        let masterData = mapping(top["master_data"], at: "master_data")
        checkKeys(masterData, allowed: ["file", "households", "supply_lots"], at: "master_data")
        configuration.masterData = MasterDataSettings(
            file: string(masterData["file"], at: "master_data.file").map(resolve),
            households: string(masterData["households"], at: "master_data.households").map(resolve),
            supplyLots: string(masterData["supply_lots"], at: "master_data.supply_lots").map(resolve)
        )
        let retention = mapping(top["retention"], at: "retention")
        checkKeys(retention, allowed: ["payload_days"], at: "retention")
        configuration.retention = RetentionSettings(
            payloadDays: int(retention["payload_days"], at: "retention.payload_days", range: RetentionSettings.payloadDaysRange)
                ?? RetentionSettings().payloadDays
        )
        let trace = mapping(top["trace"], at: "trace")
        checkKeys(trace, allowed: ["public_base_url"], at: "trace")
        if let text = string(trace["public_base_url"], at: "trace.public_base_url") {
            if let base = TraceSettings.canonicalBaseURL(text) {
                configuration.trace = TraceSettings(configuredBaseURL: base)
            } else {
                problem(
                    "trace.public_base_url",
                    "\"\(text)\" is not an absolute http(s) URL without query or fragment, e.g. https://trace.example.cn"
                )
            }
        }
        let stockSync = mapping(top["stock_sync"], at: "stock_sync")
        checkKeys(stockSync, allowed: ["enabled", "debounce_milliseconds"], at: "stock_sync")
        configuration.stockSync = StockSyncSettings(
            enabled: bool(stockSync["enabled"], at: "stock_sync.enabled") ?? true,
            debounceMilliseconds: int(stockSync["debounce_milliseconds"], at: "stock_sync.debounce_milliseconds", range: 10...600_000) ?? 500
        )
        let security = mapping(top["security"], at: "security")
        checkKeys(
            security,
            allowed: [
                "client_failure_burst", "client_failure_refill_milliseconds", "username_failure_burst", "username_failure_refill_milliseconds",
            ],
            at: "security"
        )
        let securityDefaults = SecuritySettings()
        configuration.security = SecuritySettings(
            clientFailureBurst: int(security["client_failure_burst"], at: "security.client_failure_burst", range: 1...1_000_000)
                ?? securityDefaults.clientFailureBurst,
            clientFailureRefillMilliseconds: int(
                security["client_failure_refill_milliseconds"],
                at: "security.client_failure_refill_milliseconds",
                range: 1...86_400_000
            ) ?? securityDefaults.clientFailureRefillMilliseconds,
            usernameFailureBurst: int(security["username_failure_burst"], at: "security.username_failure_burst", range: 1...1_000_000)
                ?? securityDefaults.usernameFailureBurst,
            usernameFailureRefillMilliseconds: int(
                security["username_failure_refill_milliseconds"],
                at: "security.username_failure_refill_milliseconds",
                range: 1...86_400_000
            ) ?? securityDefaults.usernameFailureRefillMilliseconds
        )
        return configuration
    }

    /// A path relative to the configuration file's folder (absolute paths are kept).
    func resolve(_ path: String) -> String {
        guard !path.hasPrefix("/"), file != "<memory>" else { return path }
        return URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(path).path
    }

    mutating func shop(_ item: Any, at path: String) -> ShopConfiguration? {
        guard let node = item as? [String: Any] else {
            problem(path, "expected a mapping")
            return nil
        }
        checkKeys(node, allowed: ["key", "platform", "enterprise", "api_base", "credentials", "poll", "rate_limit", "reconciliation"], at: path)
        let key = string(node["key"], at: "\(path).key")
        let platformName = string(node["platform"], at: "\(path).platform")
        let enterprise = string(node["enterprise"], at: "\(path).enterprise")
        let apiBase = string(node["api_base"], at: "\(path).api_base")
        if key == nil { problem("\(path).key", "is missing") }
        if let key, key.isEmpty || !key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) || !key.allSatisfy(\.isASCII) {
            problem("\(path).key", "\"\(key)\" must be non-empty ASCII letters, digits, - or _ (it appears in URLs)")
        }
        if enterprise == nil { problem("\(path).enterprise", "is missing") }
        var platform: Platform?
        if let platformName {
            platform = Platform(rawValue: platformName)
            if platform == nil {
                problem(
                    "\(path).platform",
                    "unknown platform \"\(platformName)\" (expected one of \(Platform.allCases.map(\.rawValue).joined(separator: ", ")))"
                )
            }
        } else {
            problem("\(path).platform", "is missing")
        }
        var credentials: [String: String] = [:]
        let credentialNode = mapping(node["credentials"], at: "\(path).credentials")
        for (name, value) in credentialNode.sorted(by: { $0.key < $1.key }) {
            if let text = string(value, at: "\(path).credentials.\(name)") { credentials[name] = text }
        }
        if let platform {
            for name in platform.requiredCredentials where (credentials[name] ?? "").isEmpty && credentialNode[name] == nil {
                problem("\(path).credentials.\(name)", "missing credential for \(platform.rawValue)")
            }
            for name in platform.requiredCredentials where credentialNode[name] != nil && credentials[name]?.isEmpty == true {
                problem("\(path).credentials.\(name)", "is empty")
            }
            if platform == .standard, let secret = credentials["secret"], !secret.isEmpty, !secret.hasPrefix("whsec_") {
                problem("\(path).credentials.secret", "a Standard Webhooks secret starts with whsec_")
            }
        }
        if let apiBase, !(apiBase.hasPrefix("http://") || apiBase.hasPrefix("https://")) {
            problem("\(path).api_base", "must be an http:// or https:// URL")
        }
        let pollNode = mapping(node["poll"], at: "\(path).poll")
        checkKeys(pollNode, allowed: ["enabled", "interval_seconds", "lookback_seconds", "settle_seconds"], at: "\(path).poll")
        let poll = PollSettings(
            enabled: bool(pollNode["enabled"], at: "\(path).poll.enabled") ?? (apiBase != nil),
            intervalSeconds: double(pollNode["interval_seconds"], at: "\(path).poll.interval_seconds") ?? 30,
            lookbackSeconds: Int64(int(pollNode["lookback_seconds"], at: "\(path).poll.lookback_seconds", range: 0...(90 * 86_400)) ?? 3600),
            settleSeconds: int(pollNode["settle_seconds"], at: "\(path).poll.settle_seconds", range: 0...86_400).map(Int64.init)
        )
        if poll.enabled && apiBase == nil { problem("\(path).poll.enabled", "polling needs api_base") }
        let rateNode = mapping(node["rate_limit"], at: "\(path).rate_limit")
        checkKeys(rateNode, allowed: ["requests_per_second", "burst"], at: "\(path).rate_limit")
        let rate = RateLimitSettings(
            requestsPerSecond: double(rateNode["requests_per_second"], at: "\(path).rate_limit.requests_per_second") ?? 10,
            burst: int(rateNode["burst"], at: "\(path).rate_limit.burst", range: 1...10_000) ?? 20
        )
        let reconciliationNode = mapping(node["reconciliation"], at: "\(path).reconciliation")
        checkKeys(reconciliationNode, allowed: ["tolerance_fen"], at: "\(path).reconciliation")
        let tolerance = int(reconciliationNode["tolerance_fen"], at: "\(path).reconciliation.tolerance_fen", range: 0...1_000_000) ?? 0
        guard let key, let platform, let enterprise else { return nil }
        var shop = ShopConfiguration(
            key: key,
            platform: platform,
            enterprise: enterprise,
            apiBase: apiBase,
            credentials: credentials,
            poll: poll,
            rateLimit: rate
        )
        shop.reconciliationToleranceFen = Int64(tolerance)
        return shop
    }

    /// `storage.data_keys`: `KEY_ID:BASE64[,…]`, each problem reported (never the key bytes).
    mutating func dataKeys(_ value: Any?, at path: String) -> DataKeyRing? {
        guard value != nil else { return nil }
        guard let text = string(value, at: path) else { return nil }
        do {
            return try DataKeyRing(parsing: text)
        } catch {
            for message in error.problems { problem(path, message) }
            return nil
        }
    }

    // MARK: scalars

    mutating func mapping(_ value: Any?, at path: String) -> [String: Any] {
        guard let value else { return [:] }
        if let map = value as? [String: Any] { return map }
        problem(path, "expected a mapping")
        return [:]
    }

    mutating func checkKeys(_ node: [String: Any], allowed: Set<String>, at path: String) {
        for key in node.keys.sorted() where !allowed.contains(key) {
            problem(path.isEmpty ? key : "\(path).\(key)", "unknown key (expected one of \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    mutating func string(_ value: Any?, at path: String) -> String? {
        guard let value else { return nil }
        let text: String
        switch value {
        case let s as String: text = s
        case let i as Int: text = String(i)
        case let d as Double: text = String(d)
        case let b as Bool: text = String(b)
        default:
            problem(path, "expected a text value")
            return nil
        }
        return substitute(text, at: path)
    }

    mutating func int(_ value: Any?, at path: String, range: ClosedRange<Int>) -> Int? {
        guard let value else { return nil }
        let number: Int?
        switch value {
        case let i as Int: number = i
        case let s as String: number = substitute(s, at: path).flatMap { Int($0) }
        default: number = nil
        }
        guard let number else {
            problem(path, "expected a whole number")
            return nil
        }
        guard range.contains(number) else {
            problem(path, "\(number) is out of range \(range.lowerBound)…\(range.upperBound)")
            return nil
        }
        return number
    }

    mutating func double(_ value: Any?, at path: String) -> Double? {
        guard let value else { return nil }
        switch value {
        case let i as Int where i > 0: return Double(i)
        case let d as Double where d > 0: return d
        default:
            problem(path, "expected a positive number")
            return nil
        }
    }

    mutating func bool(_ value: Any?, at path: String) -> Bool? {
        guard let value else { return nil }
        if let b = value as? Bool { return b }
        problem(path, "expected true or false")
        return nil
    }

    /// Replaces `${NAME}` and `${NAME:-default}` with environment values.
    mutating func substitute(_ text: String, at path: String) -> String? {
        guard text.contains("${") else { return text }
        var output = ""
        var rest = Substring(text)
        var ok = true
        while let start = rest.range(of: "${") {
            output += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                problem(path, "unterminated ${ in \"\(text)\"")
                return nil
            }
            let expression = rest[start.upperBound..<end]
            let parts = expression.split(separator: ":-", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            if let value = environment[name], !value.isEmpty {
                output += value
            } else if parts.count == 2 {
                output += parts[1]
                defaulted.append(DefaultedSetting(key: path, variable: name))
            } else {
                problem(path, "environment variable \(name) is not set")
                ok = false
            }
            rest = rest[rest.index(after: end)...]
        }
        output += rest
        return ok ? output : nil
    }
}

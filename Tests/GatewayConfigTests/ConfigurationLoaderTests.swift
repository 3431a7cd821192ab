import GatewayConfig
import GatewayCore
import Testing

@Suite struct ConfigurationLoaderTests {
    @Test func shippedConfigurationLoadsWithDemoDefaults() throws {
        let configuration = try ConfigurationLoader(environment: [:]).load(path: "config/gateway.yaml")
        #expect(configuration.shops.count >= 2)
        let douyin = try #require(configuration.shop("yunlai-douyin"))
        #expect(douyin.platform == .douyin)
        #expect(douyin.credential("app_secret") == "demo-yunlai-douyin-secret")
        #expect(configuration.storage.url == "sqlite:data/gateway.sqlite")
        #expect(configuration.storage.synchronous == "full")
    }

    @Test func environmentOverridesDefaultsAndPlainVariablesAreRequired() throws {
        let yaml = """
            shops:
              - key: a
                platform: douyin
                enterprise: yunlai
                api_base: "http://127.0.0.1:9090"
                credentials: { app_key: "k", app_secret: "${A_SECRET:-fallback}", shop_id: "${A_SHOP}" }
            """
        let configuration = try ConfigurationLoader(environment: ["A_SECRET": "real", "A_SHOP": "42"]).parse(yaml: yaml)
        #expect(configuration.shops[0].credential("app_secret") == "real")
        #expect(configuration.shops[0].credential("shop_id") == "42")
        #expect(configuration.shops[0].poll.enabled)
    }

    /// Slow-client limits and failure throttles are read and bounded; demo defaults are remembered by key.
    @Test func serverLimitsThrottlesAndDefaultedSecrets() throws {
        let shop = """
            shops:
              - key: a
                platform: douyin
                enterprise: yunlai
                credentials: { app_key: "k", app_secret: "${A_SECRET:-fallback}", shop_id: "1" }
            """
        let yaml =
            "server: { idle_timeout_seconds: 5, request_timeout_seconds: 7, max_connections: 100 }\n"
            + "security: { client_failure_burst: 3, client_failure_refill_milliseconds: 100, username_failure_burst: 4 }\n" + shop
        let configuration = try ConfigurationLoader(environment: [:]).parse(yaml: yaml)
        #expect(configuration.server.idleTimeoutSeconds == 5 && configuration.server.requestTimeoutSeconds == 7)
        #expect(configuration.server.maxConnections == 100)
        #expect(configuration.security.clientFailureBurst == 3 && configuration.security.clientFailureRefillMilliseconds == 100)
        #expect(configuration.security.usernameFailureBurst == 4 && configuration.security.usernameFailureRefillMilliseconds == 30_000)
        #expect(configuration.defaultedSettings == [DefaultedSetting(key: "shops[0].credentials.app_secret", variable: "A_SECRET")])
        #expect(try ConfigurationLoader(environment: ["A_SECRET": "x"]).parse(yaml: shop).defaultedSettings.isEmpty)
        let bad = "server: { idle_timeout_seconds: 0, max_connections: 1 }\nsecurity: { client_failure_burst: 0, other: 1 }\n" + shop
        let error = try #require(throws: ConfigurationError.self) { try ConfigurationLoader(environment: [:]).parse(yaml: bad) }
        let keys = Set(error.problems.map(\.key))
        #expect(keys.isSuperset(of: ["server.idle_timeout_seconds", "server.max_connections", "security.client_failure_burst"]), "\(keys)")
        #expect(keys.contains("security.other"), "\(error)")
    }

    /// `trace.public_base_url`: configured (canonical, no trailing `/`), else the listener's address; bad values are problems.
    @Test func traceBaseURLIsConfiguredOrDerivedFromTheServersAddress() throws {
        let shop = """
            shops:
              - key: a
                platform: douyin
                enterprise: yunlai
                credentials: { app_key: "k", app_secret: "s", shop_id: "1" }
            """
        let configured = try ConfigurationLoader(environment: [:]).parse(yaml: "trace: { public_base_url: \"https://trace.example.cn/q/\" }\n" + shop)
        #expect(configured.trace.publicBaseURL(server: configured.server) == "https://trace.example.cn/q")
        let derived = try ConfigurationLoader(environment: [:]).parse(yaml: "server: { host: 0.0.0.0, port: 9000 }\n" + shop)
        #expect(derived.trace.configuredBaseURL == nil)
        #expect(derived.trace.publicBaseURL(server: derived.server) == "http://127.0.0.1:9000")
        let named = try ConfigurationLoader(environment: [:]).parse(yaml: "server: { host: gw.local, port: 8081 }\n" + shop)
        #expect(named.trace.publicBaseURL(server: named.server) == "http://gw.local:8081")
        let freePort = try ConfigurationLoader(environment: [:]).parse(yaml: "server: { port: 0 }\n" + shop)
        #expect(freePort.trace.publicBaseURL(server: freePort.server) == nil)
        for bad in ["ftp://x.cn", "trace.example.cn", "https://x.cn/?a=1", "https://x.cn/#f", "https://u:p@x.cn"] {
            let error = try #require(throws: ConfigurationError.self) {
                try ConfigurationLoader(environment: [:]).parse(yaml: "trace: { public_base_url: \"\(bad)\" }\n" + shop)
            }
            #expect(error.problems.map(\.key) == ["trace.public_base_url"], "\(bad)")
        }
        let unknown = try #require(throws: ConfigurationError.self) {
            try ConfigurationLoader(environment: [:]).parse(yaml: "trace: { base: x }\n" + shop)
        }
        #expect(unknown.problems.map(\.key) == ["trace.base"])
    }

    @Test func reportsEveryProblemAtOnceWithFileAndKey() throws {
        let yaml = """
            server: { port: 99999 }
            storage: { url: "mysql://x", synchronous: maybe }
            shops:
              - key: dup
                platform: douyin
                enterprise: yunlai
                credentials: { app_key: "k", app_secret: "${UNSET_SECRET}" }
              - key: dup
                platform: tiktok
                enterprise: yunlai
                credentials: {}
              - key: std
                platform: standard
                enterprise: yunlai
                credentials: { secret: "not-whsec" }
                colour: blue
            """
        let error = try #require(throws: ConfigurationError.self) {
            try ConfigurationLoader(environment: [:]).parse(yaml: yaml, sourcePath: "test.yaml")
        }
        let keys = Set(error.problems.map(\.key))
        #expect(keys.contains("server.port"))
        #expect(keys.contains("storage.url"))
        #expect(keys.contains("storage.synchronous"))
        #expect(keys.contains("shops[0].credentials.app_secret"))  // unset env var
        #expect(keys.contains("shops[0].credentials.shop_id"))  // missing credential
        #expect(keys.contains("shops[1].platform"))  // unknown platform
        #expect(keys.contains("shops[2].credentials.secret"))
        #expect(keys.contains("shops[2].colour"))
        #expect(error.problems.allSatisfy { $0.file == "test.yaml" })
        #expect(error.problems.contains { $0.message.contains("UNSET_SECRET") })
        #expect(error.problems.contains { $0.message.contains("unknown platform \"tiktok\"") })
        // The duplicate key is reported even though the second shop has other problems.
        let yamlDuplicate = """
            shops:
              - { key: same, platform: standard, enterprise: e, credentials: { secret: "whsec_c2VjcmV0" } }
              - { key: same, platform: standard, enterprise: e, credentials: { secret: "whsec_c2VjcmV0" } }
            """
        let duplicate = try #require(throws: ConfigurationError.self) { try ConfigurationLoader(environment: [:]).parse(yaml: yamlDuplicate) }
        #expect(duplicate.problems.map(\.key) == ["shops[1].key"])
        #expect(duplicate.problems[0].message.contains("duplicate shop key"))
    }

    @Test func missingFileAndBadYamlAreClear() {
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader().load(path: "/nonexistent/gateway.yaml") }
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader().parse(yaml: "shops: [") }
    }
}

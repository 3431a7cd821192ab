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

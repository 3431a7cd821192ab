import AsyncHTTPClient
import GatewayConfig
import GatewayConnectors
import GatewayRuntime

/// The YAML the operator writes: the gateway configuration (and, when it loads, the connectors and receivers
/// every shop gets from it) and the master data file. Inputs are the YAML text.
enum ConfigTargets {
    static let all: [FuzzTarget] = [
        FuzzTarget(
            name: "config-yaml",
            summary: "ConfigurationLoader.parse(yaml:) -> ConnectorRegistry (every shop's connector)",
            run: configuration
        ),
        FuzzTarget(name: "master-data-yaml", summary: "MasterDataLoader.parse(yaml:)", run: masterData),
    ]

    /// The environment `${VAR}` and `${VAR:-default}` read.
    static let environment = ["GATEWAY_PORT": "8080", "DOUYIN_APP_SECRET": "s3cret", "EMPTY": ""]

    static func configuration(_ input: [UInt8]) {
        let loader = ConfigurationLoader(environment: environment)
        guard let configuration = try? loader.parse(yaml: String(decoding: input, as: UTF8.self)) else { return }
        // Building connectors sends nothing; the shared client is never asked to connect.
        _ = try? buildConnectorRegistry(configuration: configuration, http: HTTPClient.shared, clock: ScriptedPlatform.clock)
    }

    static func masterData(_ input: [UInt8]) {
        _ = try? MasterDataLoader(shopKeys: ["yunlai-douyin", "s1"]).parse(yaml: String(decoding: input, as: UTF8.self))
    }
}

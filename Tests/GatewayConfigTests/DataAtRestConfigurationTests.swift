import GatewayConfig
import GatewayCore
import Testing

/// `storage.data_keys` and `retention.payload_days`: read, validated, every problem named with its key.
@Suite struct DataAtRestConfigurationTests {
    static let key1 = Base64.encode([UInt8](repeating: 1, count: 32))
    static let key2 = Base64.encode([UInt8](repeating: 2, count: 32))

    static func yaml(storage: String = "", retention: String = "") -> String {
        """
        \(storage.isEmpty ? "" : "storage: { \(storage) }")
        \(retention.isEmpty ? "" : "retention: { \(retention) }")
        shops:
          - key: a
            platform: youzan
            enterprise: yunlai
            credentials: { client_id: "c", client_secret: "s" }
        """
    }

    @Test func theShippedConfigurationReadsGatewayDataKeyWithADemoDefault() throws {
        let demo = try ConfigurationLoader(environment: [:]).load(path: "config/gateway.yaml")
        #expect(demo.storage.dataKeys?.current.id == "demo")
        #expect(demo.retention.payloadDays == 90)
        let rotated = try ConfigurationLoader(environment: ["GATEWAY_DATA_KEY": "k2:\(Self.key2),k1:\(Self.key1)"]).load(path: "config/gateway.yaml")
        #expect(rotated.storage.dataKeys?.keys.map(\.id) == ["k2", "k1"])
    }

    @Test func anUnsetVariableOrABadKeyIsAProblemOfStorageDataKeys() throws {
        let unset = try #require(throws: ConfigurationError.self) {
            try ConfigurationLoader(environment: [:]).parse(yaml: Self.yaml(storage: #"data_keys: "${GATEWAY_DATA_KEY}""#), sourcePath: "g.yaml")
        }
        #expect(unset.problems.map(\.description) == ["g.yaml: storage.data_keys: environment variable GATEWAY_DATA_KEY is not set"])
        let short = Base64.encode([UInt8](repeating: 3, count: 16))
        let bad = try #require(throws: ConfigurationError.self) {
            try ConfigurationLoader(environment: ["GATEWAY_DATA_KEY": "k1:\(short),k1:\(Self.key1),:x"]).parse(
                yaml: Self.yaml(storage: #"data_keys: "${GATEWAY_DATA_KEY}""#)
            )
        }
        #expect(bad.problems.allSatisfy { $0.key == "storage.data_keys" })
        let text = bad.description
        #expect(text.contains("entry 1: key \"k1\" is 16 bytes; AES-256-GCM needs exactly 32"))
        #expect(text.contains("entry 3"))
        #expect(!text.contains(short) && !text.contains(Self.key1))
        // Absent: loads (serving then refuses: StorageError.missingDataKeys, and check-config reports it).
        #expect(try ConfigurationLoader(environment: [:]).parse(yaml: Self.yaml()).storage.dataKeys == nil)
    }

    @Test func retentionDaysAreBounded() throws {
        #expect(try ConfigurationLoader(environment: [:]).parse(yaml: Self.yaml(retention: "payload_days: 3650")).retention.payloadDays == 3650)
        #expect(try ConfigurationLoader(environment: [:]).parse(yaml: Self.yaml()).retention.payloadDays == 90)
        for bad in ["payload_days: 0", "payload_days: 3651", "payload_days: many", "payload_days: 30, colour: blue"] {
            let error = try #require(throws: ConfigurationError.self) {
                try ConfigurationLoader(environment: [:]).parse(yaml: Self.yaml(retention: bad))
            }
            #expect(error.problems.allSatisfy { $0.key.hasPrefix("retention.") }, "\(bad)")
        }
    }
}

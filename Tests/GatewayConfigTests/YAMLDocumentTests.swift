import Foundation
import Testing

@testable import GatewayConfig

/// Issue #12, found by the `config-yaml` fuzz target: a mapping key that is not plain text made `Yams.load` trap.
@Suite struct YAMLDocumentTests {
    static let nonScalarKeys = [
        "{a: 1}: x\n",
        "[a, b]: x\n",
        "top:\n  ? {k: v}\n  : x\n",
        "list:\n  - { province: 湖南, city: 长沙, weicity: 重庆, weight5 }: \n",
        "a: &anchor {k: v}\n*anchor : x\n",
        "!!set\n? [a]\n",
    ]

    @Test(arguments: nonScalarKeys) func aNonScalarKeyIsAProblemNotATrap(yaml: String) {
        #expect(throws: YAMLDocument.Problem.self) { try YAMLDocument.load(yaml) }
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader(environment: [:]).parse(yaml: yaml) }
        #expect(throws: ConfigurationError.self) { try MasterDataLoader(shopKeys: ["s"]).parse(yaml: yaml) }
    }

    /// The fuzzer's own input, byte for byte.
    @Test func theFuzzersInputIsRefused() throws {
        let base64 = [
            "IyBXaGF0IGEgY2VfZmVuOiA4Nzk5LCB3ZWlnaHQ6IDEwIH0KZGVzdGluYXRpb25zOgogIC0geyBwcm92aW5jZTog5rmW5Y2X55yB",
            "LCBjaXR5OiDplb/mspnluIIsIHdlaWeN5bqG5biCLCB3ZWlnaHQ6IDUgfQogIC0geyBwcm92aW5jZTog6LS15bee55yBLCBjaXR5",
            "OiDotLXpmLPluIIsIHdlaWNpdHk6IOmHjeW6huW4giwgd2VpZ2h0NSB9OiAKICAtIHsgcHJvdmluY2U6IOi0teW3nuecgSwgY2ln",
            "aHQ6IH0K",
        ].joined()
        let yaml = String(decoding: try #require(Data(base64Encoded: base64)), as: UTF8.self)
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader(environment: [:]).parse(yaml: yaml) }
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: (any Error).self) { try YAMLDocument.load(deep) }
        let fine = String(repeating: "[", count: 10) + "1" + String(repeating: "]", count: 10)
        #expect((try? YAMLDocument.load(fine)) != nil)
    }

    @Test func plainDocumentsReadAsBefore() throws {
        let value = try YAMLDocument.load("a: 1\nb: [x, y]\nc: {d: true}\n") as? [String: Any]
        #expect(value?["a"] as? Int == 1)
        #expect(value?["b"] as? [String] == ["x", "y"])
        #expect((value?["c"] as? [String: Any])?["d"] as? Bool == true)
        #expect(try YAMLDocument.load("") == nil)
    }
}

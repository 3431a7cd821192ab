import GatewayCore
import Testing

/// `storage.data_keys`: parsing, rotation order and refusals that name key ids, never key bytes.
@Suite struct DataKeyRingTests {
    static let key1 = Base64.encode((0..<32).map { UInt8($0) })
    static let key2 = Base64.encode((0..<32).map { UInt8(255 - $0) })

    @Test func theFirstKeyEncryptsAndEveryKeyIsFound() throws {
        let ring = try DataKeyRing(parsing: " k2:\(Self.key2) , k1:\(Self.key1)")
        #expect(ring.current.id == "k2")
        #expect(ring.keys.map(\.id) == ["k2", "k1"])
        #expect(ring.key(id: "k1")?.material == (0..<32).map { UInt8($0) })
        #expect(ring.key(id: "k0") == nil)
    }

    @Test(arguments: [
        ("", "is empty"),
        (" , ", "is empty"),
        ("k1", "has no key id"),
        ("k1:not*base64", "is not standard Base64"),
        ("k1:" + Base64.encode([UInt8](repeating: 7, count: 16)), "is 16 bytes; AES-256-GCM needs exactly 32"),
        ("bad id:" + key1, "must be 1…32 ASCII letters"),
        ("k1:\(key1),k1:\(key2)", "appears more than once"),
        ("k1:\(key1),", "entry 2 is empty"),
    ])
    func badSpecificationsAreRefusedClearly(specification: String, expected: String) {
        do {
            _ = try DataKeyRing(parsing: specification)
            Issue.record("accepted \(specification)")
        } catch {
            #expect(error.description.contains(expected), "\(error)")
            // Never the key bytes.
            #expect(!error.description.contains(Self.key1) && !error.description.contains(Self.key2))
        }
    }

    @Test func descriptionsNeverShowKeyBytes() throws {
        let ring = try DataKeyRing(parsing: "k1:\(Self.key1)")
        #expect(ring.description == "DataKeyRing(k1*)")
        #expect(!String(reflecting: ring).contains("material: [0, 1"))
        #expect(String(describing: ring.current) == "DataKey(k1, redacted)")
    }

    @Test func base64MatchesRFC4648Vectors() {
        let vectors = [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")]
        for (plain, encoded) in vectors {
            #expect(Base64.encode(Array(plain.utf8)) == encoded)
            #expect(Base64.decode(encoded) == Array(plain.utf8))
        }
        let all = (0...255).map { UInt8($0) }
        #expect(Base64.decode(Base64.encode(all)) == all)
        for bad in ["Zg", "Zg=", "Z===", "Zh==", "Zm9v!", "=Zm9"] { #expect(Base64.decode(bad) == nil, "\(bad)") }
    }

    @Test func sealedValuesRoundTripAndPlaintextIsToldApart() throws {
        let value = SealedValue(keyId: "k1", box: Array(repeating: 9, count: 40))
        #expect(SealedValue(binary: value.binary) == value)
        #expect(SealedValue(text: value.text) == value)
        #expect(value.text.hasPrefix("gw1:k1:"))
        #expect(SealedValue.isSealed(binary: value.binary))
        // Plaintext stored before encryption: JSON text.
        #expect(!SealedValue.isSealed(binary: Array(#"{"msg_id":"1"}"#.utf8)))
        #expect(!SealedValue.isSealed(text: #"[{"tag":"101"}]"#))
        // Cut short or with a bad key id: not a sealed value.
        #expect(SealedValue(binary: Array(value.binary.prefix(10))) == nil)
        #expect(SealedValue(text: "gw1:k 1:AAAA") == nil)
        #expect(SealedValue.associatedData(purpose: .inboxPayload, keyId: "k1") == Array("gw1|inbox.payload|k1".utf8))
    }
}

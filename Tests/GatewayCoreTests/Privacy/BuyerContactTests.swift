import Foundation
import GatewayCore
import Testing

/// What is personal: a plaintext receiver lives in memory only — never encoded, described or fingerprinted.
@Suite struct BuyerContactTests {
    static let contact = BuyerContact(name: "张三丰", phone: "13812345678", address: "解放路 88 号")

    @Test func onlyPlaintextValuesArePersonal() {
        #expect(BuyerContact(name: "张*", phone: "138****5678", address: "  ") == nil)
        let partly = BuyerContact(name: "张*", phone: "13812345678", address: nil)
        #expect(partly?.name == nil && partly?.phone == "13812345678")
    }

    @Test func theReceiverIsNeverEncodedDescribedOrFingerprinted() throws {
        var buyer = BuyerInfo(maskedName: "张**", maskedPhone: "138****5678", phoneTail: "5678", province: "湖南省", city: "长沙市")
        let without = buyer
        buyer.receiver = Self.contact
        let snapshot = OrderSnapshot(
            status: .paid,
            platformStatus: "paid",
            totalFen: 100,
            paidFen: 100,
            createdAt: Timestamp(secondsSince1970: 1_764_400_000),
            lines: [],
            buyer: buyer
        )
        let json = String(decoding: try JSONEncoder().encode(snapshot), as: UTF8.self)
        let described = String(describing: snapshot) + String(reflecting: snapshot) + "\(Self.contact as Any)"
        for secret in ["13812345678", "张三丰", "解放路"] {
            #expect(!json.contains(secret))
            #expect(!described.contains(secret))
        }
        // The description (and so the content fingerprint) is what it was before the receiver existed.
        #expect(
            String(describing: without)
                == #"BuyerInfo(maskedName: Optional("张**"), maskedPhone: Optional("138****5678"), phoneTail: Optional("5678"), province: Optional("湖南省"), city: Optional("长沙市"), platformCiphertext: [:])"#
        )
        var plain = snapshot
        plain.buyer.receiver = nil
        #expect(Fingerprint.of(snapshot) == Fingerprint.of(plain))
    }

    @Test func aStoredSealedReceiverRoundTrips() throws {
        var buyer = BuyerInfo(maskedName: "张*")
        buyer.sealedReceiver = "gw1:k1:AAAA"
        let decoded = try JSONDecoder().decode(BuyerInfo.self, from: try JSONEncoder().encode(buyer))
        #expect(decoded.sealedReceiver == "gw1:k1:AAAA")
        #expect(decoded.receiver == nil)
        // Orders stored before the receiver existed decode as before.
        let old = try JSONDecoder().decode(BuyerInfo.self, from: Data(#"{"maskedName":"张*","platformCiphertext":{}}"#.utf8))
        #expect(old == BuyerInfo(maskedName: "张*"))
    }
}

import GatewayCore
import Testing

@Suite struct MoneyTests {
    @Test(arguments: [
        ("200.07", Int64(20007)), ("12.5", 1250), ("3", 300), ("0.01", 1), ("-1.20", -120), (" 88.80 ", 8880), ("1.000", 100),
        ("92233720368547758.07", 9_223_372_036_854_775_807),
    ])
    func yuanToFenIsExact(text: String, fen: Int64) {
        #expect(Money.fen(fromYuan: text) == fen)
    }

    @Test(arguments: ["", "abc", "1.234", "1,00", "1.2.3", ".", "--1", "92233720368547758.08"])
    func refusesWhatWouldLoseMoney(text: String) {
        #expect(Money.fen(fromYuan: text) == nil)
    }

    @Test func fenFormatsAsYuan() {
        #expect(Money.yuanString(fromFen: 20007) == "200.07")
        #expect(Money.yuanString(fromFen: 5) == "0.05")
        #expect(Money.yuanString(fromFen: -120) == "-1.20")
    }

    @Test func timestampSecondsRoundDown() {
        #expect(Timestamp(millisecondsSince1970: 1999).secondsSince1970 == 1)
        #expect(Timestamp(millisecondsSince1970: -1).secondsSince1970 == -1)
        #expect(Timestamp(secondsSince1970: 5).adding(seconds: 2).millisecondsSince1970 == 7000)
    }

    @Test func hexAndFingerprintAreStable() {
        #expect(Hex.encode([0x00, 0xAB, 0xFF]) == "00abff")
        #expect(Hex.encode([0xAB], uppercase: true) == "AB")
        #expect(Fingerprint.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(Fingerprint.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
    }

    @Test func saturatingProductClampsInsteadOfTrapping() {
        #expect(Money.saturatingProduct(5980, 3) == 17_940)
        #expect(Money.saturatingProduct(.max, 2) == .max)
        #expect(Money.saturatingProduct(.max, -2) == .min)
        #expect(Money.saturatingProduct(-100_000, .max) == .min)
        #expect(Money.saturatingProduct(.min, -1) == .max)
        #expect(Money.saturatingProduct(0, .max) == 0)
    }
}

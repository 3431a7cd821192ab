import GatewayCore
import Testing

@Suite struct TrackingNumberTests {
    @Test func parsesScannedNumbersAndRefusesTheRest() {
        #expect(TrackingNumber("SF1234567890")?.value == "SF1234567890")
        #expect(TrackingNumber("  jt0001234567\n")?.value == "JT0001234567", "scanner newline dropped, upper-cased")
        #expect(TrackingNumber("YT-12345")?.value == "YT-12345")
        for bad in ["", "12345", String(repeating: "1", count: 41), "SF 123456", "SF123456;", "顺丰1234567", "SF\u{0}123456"] {
            #expect(TrackingNumber(bad) == nil, "\(bad)")
        }
        #expect(TrackingNumber(String(repeating: "9", count: 40)) != nil)
        #expect(TrackingNumber("123456") != nil)
    }
}

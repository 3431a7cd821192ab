import GatewayCore
import Testing

@Suite struct TraceCodeTests {
    @Test func codesAreTenCrockfordCharactersFromFiftyBits() {
        var rng = SplitMix64(seed: 42)
        var seen: Set<String> = []
        let allowed = Set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        for _ in 0..<20_000 {
            let code = TraceCode.make(using: &rng)
            #expect(code.count == 10)
            #expect(code.allSatisfy { allowed.contains($0) })
            #expect(TraceCode.isWellFormed(code))
            seen.insert(code)
        }
        #expect(seen.count == 20_000)
        // The first character carries only the top 5 of 50 bits: every value appears.
        var firsts: Set<Character> = []
        for _ in 0..<2000 { firsts.insert(TraceCode.make(using: &rng).first!) }
        #expect(firsts.count == 32)
    }

    @Test func encodesTheLowFiftyBits() {
        struct Fixed: RandomNumberGenerator {
            var value: UInt64
            mutating func next() -> UInt64 { value }
        }
        var all = Fixed(value: UInt64.max)
        #expect(TraceCode.make(using: &all) == "ZZZZZZZZZZ")
        var one = Fixed(value: (1 << 50) | 33)
        #expect(TraceCode.make(using: &one) == "0000000011")
    }

    @Test func readsTypedCodesLeniently() {
        #expect(TraceCode.normalized("abcd-efgh-jk") == "ABCDEFGHJK")
        #expect(TraceCode.normalized("o1il0OoLlI") == "0111000111")
        #expect(TraceCode.isWellFormed("0123456789"))
        #expect(!TraceCode.isWellFormed("012345678"))
        #expect(!TraceCode.isWellFormed("0123456789A"))
        #expect(!TraceCode.isWellFormed("UUUUUUUUUU"))
        #expect(!TraceCode.isWellFormed("01234!6789"))
    }
}

import GatewayCore
import Testing

/// The bounded set of recent poll rows: oldest forgotten first, never more than its capacity.
@Suite struct RecentKeysTests {
    @Test func keepsTheNewestKeysUpToItsCapacity() {
        var keys = RecentKeys(capacity: 3)
        for key in ["a", "b", "c", "a"] { keys.insert(key) }
        #expect(keys.count == 3)
        keys.insert("d")  // forgets "a", the oldest inserted
        #expect(!keys.contains("a"))
        #expect(keys.contains("b") && keys.contains("c") && keys.contains("d"))
        for index in 0..<10_000 { keys.insert("k\(index)") }
        #expect(keys.count == 3)
        #expect(keys.contains("k9999") && keys.contains("k9997") && !keys.contains("k9996"))
        var tiny = RecentKeys(capacity: 0)
        tiny.insert("x")
        tiny.insert("y")
        #expect(tiny.count == 1 && tiny.contains("y"))
    }
}

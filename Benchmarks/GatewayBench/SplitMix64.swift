/// SplitMix64: a small, fast, seedable generator (the same seed gives the same season, and the same allocation data, on every machine).
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (`bound` > 0).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    /// A number in `0..<1`.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// An index of `items` drawn by weight.
    mutating func pickIndex<T>(_ items: [T], weight: (T) -> Double) -> Int {
        let total = items.reduce(0) { $0 + weight($1) }
        var target = unit() * total
        for (index, item) in items.enumerated() {
            target -= weight(item)
            if target < 0 { return index }
        }
        return items.count - 1
    }

    /// An element of a non-empty array drawn by weight.
    mutating func pick<T>(_ items: [T], weight: (T) -> Double) -> T { items[pickIndex(items, weight: weight)] }
}

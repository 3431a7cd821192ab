/// SplitMix64: a small, fast, seedable generator, so that a property test or a scenario can be replayed from its seed
/// (the same seed gives the same sequence on every machine).
///
/// ```swift
/// var random = SplitMix64(seed: 42)
/// let pick = random.below(10)
/// let shuffled = [1, 2, 3].shuffled(using: &random)
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator.
    /// - Parameter seed: the seed; equal seeds give equal sequences.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (a bound below 1 counts as 1).
    /// - Parameter bound: the exclusive upper bound.
    /// - Returns: the number.
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    /// A number in `0..<1`.
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// An index of `items` drawn by weight.
    /// - Parameters:
    ///   - items: the items (not empty).
    ///   - weight: each item's non-negative weight.
    /// - Returns: the index drawn.
    public mutating func pickIndex<T>(_ items: [T], weight: (T) -> Double) -> Int {
        let total = items.reduce(0) { $0 + weight($1) }
        var target = unit() * total
        for (index, item) in items.enumerated() {
            target -= weight(item)
            if target < 0 { return index }
        }
        return items.count - 1
    }

    /// An element of a non-empty array drawn by weight.
    /// - Parameters:
    ///   - items: the items (not empty).
    ///   - weight: each item's non-negative weight.
    /// - Returns: the item drawn.
    public mutating func pick<T>(_ items: [T], weight: (T) -> Double) -> T { items[pickIndex(items, weight: weight)] }
}

/// The name some tests know the generator by.
public typealias SeededRandom = SplitMix64

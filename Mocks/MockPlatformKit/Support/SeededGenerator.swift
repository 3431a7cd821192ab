/// A small reproducible random number generator (SplitMix64).
///
/// Every random choice of the mock (faults, scenario decisions, fake buyers) goes through one of these,
/// so a run is reproducible from its seed.
struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    init(seed: UInt64) { self.state = seed }

    /// Creates a generator for an independent stream of a seed (``derive(_:_:)``).
    init(seed: UInt64, salt: UInt64) { self.init(seed: Self.derive(seed, salt)) }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A uniform value in `0 ..< 1` (53 random bits).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// True with probability `probability` (never for 0, always for 1).
    mutating func chance(_ probability: Double) -> Bool {
        probability > 0 && unit() < probability
    }

    /// A uniform integer in `0 ..< bound`.
    mutating func below(_ bound: Int) -> Int {
        bound <= 1 ? 0 : Int(next() % UInt64(bound))
    }

    /// Mixes a seed with a salt, for independent streams derived from one seed.
    static func derive(_ seed: UInt64, _ salt: UInt64) -> UInt64 {
        var generator = SeededGenerator(seed: seed ^ (salt &* 0x2545_F491_4F6C_DD1D))
        return generator.next()
    }
}

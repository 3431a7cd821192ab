import GatewayCore

// The loop of `gateway-bench allocate` (same generated households, lots and demands), alone in a small
// executable so that valgrind can count its instructions (valgrind 3.19 cannot load the gateway-bench
// binary). Usage: allocate-driver LINES [HOUSEHOLDS]. Built and run by allocate-callgrind.sh.

/// The benchmark's seeded SplitMix64.
struct BenchRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

let arguments = CommandLine.arguments
let lines = arguments.count > 1 ? Int(arguments[1]) ?? 20000 : 20000
let householdCount = arguments.count > 2 ? Int(arguments[2]) ?? 1435 : 1435
var rng = BenchRandom(seed: 2026)
var households: [String: Household] = [:]
var lots: [SupplyLot] = []
let parcelSizes: [Int64] = [2500, 5000, 10000]
for index in 0..<householdCount {
    let id = "BJ-\(index)"
    households[id] = Household(id: id, name: "户\(index)", village: "村\(index % 7)", registeredPoor: rng.below(100) < 60, members: 4)
    let capacity = Int64(5000 + rng.below(15000)) * 1000
    lots.append(
        SupplyLot(
            id: "LOT-\(index)",
            householdId: id,
            enterpriseId: "yunlai",
            product: "ponkan",
            grade: "A",
            capacityGrams: capacity,
            priceFenPerKg: Int64(280 + rng.below(80)),
            harvestDate: "2026-11-01"
        )
    )
}
var demands: [SupplyDemand] = []
for index in 0..<lines {
    demands.append(
        SupplyDemand(
            lineRef: "line-\(index)",
            enterpriseId: "yunlai",
            product: "ponkan",
            grade: "A",
            date: "2026-11-\(10 + index % 20)",
            parcelGrams: parcelSizes[rng.below(parcelSizes.count)],
            parcels: 1 + rng.below(3)
        )
    )
}
var pool = SupplyPool(lots: lots, allocatedGrams: [:], households: households, policy: .registeredPoorFirst)
var allocations = 0
for demand in demands { allocations += (try? pool.allocate(demand).count) ?? 0 }
print(
    "allocate-driver: \(lines) lines, \(demands.reduce(0) { $0 + $1.parcels }) parcels, \(allocations) allocations, \(pool.totalAllocatedGrams / 1000) kg"
)

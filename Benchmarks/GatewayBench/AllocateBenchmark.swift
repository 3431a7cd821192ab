import ArgumentParser
import GatewayCore

/// `gateway-bench allocate`: order lines/s of the pure ``SupplyPool`` over one lot per household, as a
/// ratio to a trivial loop over the same demands (summing their grams) measured in the same run.
struct AllocateBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocate",
        abstract: "Farmer supply allocation core: lines/s of SupplyPool vs a loop that only sums the demands."
    )

    @Option(help: "Order lines to allocate.") var lines = 1_000_000
    @Option(help: "Households, one supply lot each (about 60% registered poor).") var households = 1435
    @Option(help: "Allocation unit in grams (0 = one parcel per unit).") var unitGrams = 0
    @Option(help: "Share cap of the registered-poor tier in percent (0 = no cap).") var poorShare = 0
    @Option(help: "Seed of the generated data.") var seed: UInt64 = 2026

    func run() throws {
        var rng = BenchRandom(seed: seed)
        var householdsById: [String: Household] = [:]
        var lots: [SupplyLot] = []
        let parcelSizes: [Int64] = [2500, 5000, 10000]
        for index in 0..<households {
            let id = "BJ-\(index)"
            householdsById[id] = Household(id: id, name: "户\(index)", village: "村\(index % 7)", registeredPoor: rng.below(100) < 60, members: 4)
            // Capacities of 5–20 t per household: enough for the whole run's demand (lines × 2 parcels × 5.8 kg on average).
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
        demands.reserveCapacity(lines)
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
        var tiers = AllocationPolicy.registeredPoorFirst.tiers
        if poorShare > 0 { tiers[0].maxShare = poorShare }
        let policy = AllocationPolicy(tiers: tiers, unitGrams: unitGrams > 0 ? Int64(unitGrams) : nil)
        print("gateway-bench allocate: \(lines) lines over \(households) households' lots, unit \(unitGrams == 0 ? "parcel" : "\(unitGrams) g")")

        let clock = ContinuousClock()
        var sum: Int64 = 0
        let baselineStart = clock.now
        for demand in demands { sum &+= demand.totalGrams &+ Int64(demand.lineRef.utf8.count) }
        let baseline = clock.now - baselineStart

        var pool = SupplyPool(lots: lots, allocatedGrams: [:], households: householdsById, policy: policy)
        var allocations = 0
        var shortages = 0
        let start = clock.now
        for demand in demands {
            do {
                allocations += try pool.allocate(demand).count
            } catch {
                shortages += 1
            }
        }
        let elapsed = clock.now - start
        let baselineRate = Double(lines) / seconds(baseline)
        let rate = Double(lines) / seconds(elapsed)
        print("baseline (sum the demands): \(Int(baselineRate)) lines/s (checksum \(sum))")
        print("SupplyPool.allocate: \(Int(rate)) lines/s, \(allocations) allocations, \(shortages) shortages, \(pool.totalAllocatedGrams / 1000) kg")
        print("ratio (allocated lines/s ÷ baseline lines/s): \(format(rate / baselineRate))")
    }

    private func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return max(1e-9, Double(parts.seconds) + Double(parts.attoseconds) / 1e18)
    }

    private func format(_ value: Double) -> String {
        let scaled = (value * 1_000_000).rounded() / 1_000_000
        return "\(scaled)"
    }
}

/// A seeded SplitMix64 generator so every run allocates the same data.
struct BenchRandom: RandomNumberGenerator {
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

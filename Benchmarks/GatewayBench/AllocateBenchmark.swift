import ArgumentParser
import Foundation
import GatewayCore

/// `gateway-bench allocate`: parcels/s of the pure ``SupplyPool`` over one lot per household, as a ratio to
/// ``RoundRobinAllocator`` — the same demands and the same per-parcel bookkeeping without the choice of the
/// lot — measured in the same run, before and after the pool.
struct AllocateBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocate",
        abstract: "Farmer supply allocation core: parcels/s of SupplyPool vs the same bookkeeping without the choice."
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
        let parcels = demands.reduce(0) { $0 + $1.parcels }
        let unitText = unitGrams == 0 ? "parcel" : "\(unitGrams) g"
        print("gateway-bench allocate: \(lines) lines, \(parcels) parcels over \(households) households' lots, unit \(unitText)")

        let before = baseline(demands, lots: lots, households: householdsById, policy: policy)
        var pool = SupplyPool(lots: lots, allocatedGrams: [:], households: householdsById, policy: policy)
        var allocations = 0
        var shortages = 0
        let clock = ContinuousClock()
        let cpuStart = Self.threadCPUSeconds()
        let start = clock.now
        for demand in demands {
            do {
                allocations += try pool.allocate(demand).count
            } catch {
                shortages += 1
            }
        }
        let elapsed = seconds(clock.now - start)
        let cpu = max(1e-9, Self.threadCPUSeconds() - cpuStart)
        let after = baseline(demands, lots: lots, households: householdsById, policy: policy)

        let baselineRate = (before.rate + after.rate) / 2
        let rate = Double(parcels) / elapsed
        print(
            "baseline (round robin over the lots, same bookkeeping, no choice): \(Int(baselineRate)) parcels/s"
                + " (before \(Int(before.rate)), after \(Int(after.rate)); \(Int(before.cpuRate)) per CPU second)"
        )
        print(
            "SupplyPool.allocate: \(Int(rate)) parcels/s, \(Int(Double(lines) / elapsed)) lines/s (\(Int(Double(parcels) / cpu)) parcels per CPU second),"
                + " \(allocations) allocations, \(shortages) shortages, \(pool.totalAllocatedGrams / 1000) kg"
        )
        print("ratio (SupplyPool parcels/s ÷ baseline parcels/s): \(format(rate / baselineRate))")
    }

    /// Runs the round-robin baseline over the demands: parcels/s by the wall clock and per CPU second.
    private func baseline(
        _ demands: [SupplyDemand],
        lots: [SupplyLot],
        households: [String: Household],
        policy: AllocationPolicy
    )
        -> (rate: Double, cpuRate: Double)
    {
        var allocator = RoundRobinAllocator(lots: lots, households: households, policy: policy)
        let clock = ContinuousClock()
        let cpuStart = Self.threadCPUSeconds()
        let start = clock.now
        var parcels = 0
        for demand in demands { parcels += allocator.allocate(demand).count }
        let elapsed = seconds(clock.now - start)
        let cpu = max(1e-9, Self.threadCPUSeconds() - cpuStart)
        precondition(allocator.totalAllocatedGrams > 0 || parcels == 0)
        return (Double(parcels) / elapsed, Double(parcels) / cpu)
    }

    /// CPU time of the calling thread, seconds: unlike the wall clock, it does not count time other processes
    /// on a shared machine take.
    private static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
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

import ArgumentParser
import Foundation
import GatewayCore
import GatewayTesting

/// `gateway-bench allocate`: parcels/s of the pure ``SupplyPool`` over one lot per household, as a ratio to
/// ``RoundRobinAllocator`` — the same demands and the same per-parcel bookkeeping without the choice of the
/// lot — measured in the same run, the two taking turns over chunks of the demands.
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
    @Option(help: "Chunks of demands the baseline and the pool take turns on.") var chunks = 20

    func run() throws {
        var rng = SplitMix64(seed: seed)
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

        // The baseline and the pool take turns over the same chunks of demands, so that both see the same load
        // on a shared machine; each keeps its own state from chunk to chunk.
        var baseline = RoundRobinAllocator(lots: lots, households: householdsById, policy: policy)
        var pool = SupplyPool(lots: lots, allocatedGrams: [:], households: householdsById, policy: policy)
        var baselineTime = Measured()
        var poolTime = Measured()
        var allocations = 0
        var shortages = 0
        var baselineAllocations = 0
        let chunk = max(1, (demands.count + chunks - 1) / chunks)
        for first in stride(from: 0, to: demands.count, by: chunk) {
            let range = first..<min(demands.count, first + chunk)
            baselineTime.measure {
                for demand in demands[range] { baselineAllocations += baseline.allocate(demand).count }
            }
            poolTime.measure {
                for demand in demands[range] {
                    do {
                        allocations += try pool.allocate(demand).count
                    } catch {
                        shortages += 1
                    }
                }
            }
        }
        precondition(baselineAllocations == parcels && baseline.totalAllocatedGrams > 0 || parcels == 0)

        let baselineRate = Double(parcels) / baselineTime.wall
        let rate = Double(parcels) / poolTime.wall
        print(
            "baseline (round robin over the lots, same bookkeeping, no choice): \(Int(baselineRate)) parcels/s"
                + " (\(Int(Double(parcels) / baselineTime.cpu)) per CPU second)"
        )
        print(
            "SupplyPool.allocate: \(Int(rate)) parcels/s, \(Int(Double(lines) / poolTime.wall)) lines/s"
                + " (\(Int(Double(parcels) / poolTime.cpu)) parcels per CPU second),"
                + " \(allocations) allocations, \(shortages) shortages, \(pool.totalAllocatedGrams / 1000) kg"
        )
        print("ratio (SupplyPool parcels/s ÷ baseline parcels/s): \(format(rate / baselineRate))")
        print("ratio per CPU second: \(format(baselineTime.cpu / poolTime.cpu)); \(chunks) chunks, taking turns")
    }

    /// Wall-clock and thread CPU seconds summed over several measured blocks.
    private struct Measured {
        var wall = 1e-9
        var cpu = 1e-9

        mutating func measure(_ body: () -> Void) {
            let clock = ContinuousClock()
            let cpuStart = AllocateBenchmark.threadCPUSeconds()
            let start = clock.now
            body()
            let parts = (clock.now - start).components
            wall += Double(parts.seconds) + Double(parts.attoseconds) / 1e18
            cpu += AllocateBenchmark.threadCPUSeconds() - cpuStart
        }
    }

    /// CPU time of the calling thread, seconds: unlike the wall clock, it does not count time other processes
    /// on a shared machine take.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private func format(_ value: Double) -> String {
        let scaled = (value * 1_000_000).rounded() / 1_000_000
        return "\(scaled)"
    }
}

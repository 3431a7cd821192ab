import GatewayCore

/// The `gateway-bench allocate` baseline: the bookkeeping of ``SupplyPool/allocate(_:)`` without the choice.
/// Each parcel goes to the next lot in turn; it gets the same ``ParcelAllocation`` (the same strings, income
/// and figures), and the lot, tier and pool totals and the changed lots are kept the same way. What the pool
/// does beyond this is choosing the lot by the quota rule.
struct RoundRobinAllocator {
    private let lots: [SupplyLot]
    private let tierOfLot: [Int]
    private let tierNames: [String]
    private var allocated: [Int64]
    private var tierAllocated: [Int64]
    private var poolAllocated: Int64 = 0
    private var changed: [Bool]
    private var changedPositions: [Int] = []
    private var next = 0

    init(lots: [SupplyLot], households: [String: Household], policy: AllocationPolicy) {
        self.lots = lots
        tierOfLot = lots.map { lot in
            let poor = households[lot.householdId]?.registeredPoor ?? false
            return policy.tiers.firstIndex { $0.admits(registeredPoor: poor) } ?? 0
        }
        tierNames = policy.tiers.map(\.name)
        allocated = [Int64](repeating: 0, count: lots.count)
        tierAllocated = [Int64](repeating: 0, count: policy.tiers.count)
        changed = [Bool](repeating: false, count: lots.count)
    }

    /// Grams allocated over all lots.
    var totalAllocatedGrams: Int64 { poolAllocated }

    /// One allocation per parcel (the unit is the parcel), to the lots in turn.
    mutating func allocate(_ demand: SupplyDemand) -> [ParcelAllocation] {
        var result: [ParcelAllocation] = []
        result.reserveCapacity(demand.parcels)
        for parcel in 0..<demand.parcels {
            let position = next
            next = next + 1 == lots.count ? 0 : next + 1
            let quota = allocated[position] + demand.parcelGrams
            result.append(
                ParcelAllocation(
                    lineRef: demand.lineRef,
                    parcelIndex: parcel,
                    lotId: lots[position].id,
                    householdId: lots[position].householdId,
                    grams: demand.parcelGrams,
                    tier: tierNames[tierOfLot[position]],
                    quotaGrams: quota,
                    deficitGrams: quota - allocated[position],
                    incomeFen: ParcelAllocation.incomeFen(grams: demand.parcelGrams, priceFenPerKg: lots[position].priceFenPerKg)
                )
            )
            allocated[position] += demand.parcelGrams
            tierAllocated[tierOfLot[position]] += demand.parcelGrams
            poolAllocated += demand.parcelGrams
            if !changed[position] {
                changed[position] = true
                changedPositions.append(position)
            }
        }
        return result
    }
}

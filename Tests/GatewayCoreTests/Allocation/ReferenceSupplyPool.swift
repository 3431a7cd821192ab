import GatewayCore

/// The allocation core as it was before the tournament index (issue #14, target 3), kept verbatim as the
/// test-only reference of the quota rule: every tier's eligible lots are scanned for every unit. The
/// differential tests check ``SupplyPool`` against it parcel by parcel. See ``SupplyPool`` for the rule.
struct ReferenceSupplyPool: Sendable {
    /// The lots, in the order given.
    let lots: [SupplyLot]
    /// The policy.
    let policy: AllocationPolicy
    /// Ids of lots whose allocated grams changed since the pool was made or ``clearChanges()`` was called.
    private(set) var changedLotIds: Set<String> = []

    private var allocated: [Int64]
    private let capacity: [Int64]
    private let lotIndexById: [String: Int]
    /// The tier index of each lot, `-1` when no tier admits it.
    private let tierOfLot: [Int]
    private var tierAllocated: [Int64]
    private var poolAllocated: Int64 = 0
    private let totalCapacity: Int64
    /// Per demand key (day, enterprise, product, grade): for each tier, the id of the list of lots whose key
    /// and window match. Equal lists share an id, so days with the same lots share the totals cache.
    private var candidateCache: [CandidateKey: [Int]] = [:]
    /// Candidate lists by id: lot positions in tie-break order (capacity descending, then id ascending).
    private var candidateLists: [[Int]] = []
    private var candidateListIds: [[Int]: Int] = [:]
    /// Per tier: C and T of the eligible lots of one candidate list, per unit size, kept up to date as units
    /// are placed so a unit costs one pass over the lots, not two.
    private var eligibleTotals: [EligibleTotals]

    private struct EligibleTotals: Sendable {
        var listId = -1
        var byUnit: [Int64: (capacity: Int64, allocated: Int64)] = [:]
    }

    private struct CandidateKey: Hashable, Sendable {
        var date: String
        var enterpriseId: String
        var product: String
        var grade: String
    }

    /// Creates a pool.
    /// - Parameters:
    ///   - lots: the lots of one enterprise, product and grade (lots of other keys are kept but only
    ///     supply demands of their own key).
    ///   - allocatedGrams: grams already allocated per lot id (absent = 0; negative values count as 0).
    ///   - households: the households by id, for the tiers' registered-poor flag.
    ///   - policy: the tiers and unit.
    init(lots: [SupplyLot], allocatedGrams: [String: Int64], households: [String: Household], policy: AllocationPolicy) {
        self.lots = lots
        self.policy = policy
        var index: [String: Int] = [:]
        for (position, lot) in lots.enumerated() where index[lot.id] == nil { index[lot.id] = position }
        lotIndexById = index
        capacity = lots.map(\.capacityGrams)
        allocated = lots.map { max(0, allocatedGrams[$0.id] ?? 0) }
        tierOfLot = lots.map { lot in
            let poor = households[lot.householdId]?.registeredPoor ?? false
            return policy.tiers.firstIndex { $0.admits(registeredPoor: poor) } ?? -1
        }
        var tierTotals = [Int64](repeating: 0, count: policy.tiers.count)
        var pool: Int64 = 0
        for position in lots.indices {
            pool += allocated[position]
            if tierOfLot[position] >= 0 { tierTotals[tierOfLot[position]] += allocated[position] }
        }
        tierAllocated = tierTotals
        poolAllocated = pool
        totalCapacity = capacity.reduce(0) { $0 + max(0, $1) }
        eligibleTotals = Array(repeating: EligibleTotals(), count: policy.tiers.count)
    }

    /// Grams allocated to a lot so far (0 for an unknown lot).
    func allocatedGrams(lot id: String) -> Int64 {
        guard let position = lotIndexById[id] else { return 0 }
        return allocated[position]
    }

    /// Capacity left on a lot (capacity − allocated; 0 for an unknown lot).
    func remainingGrams(lot id: String) -> Int64 {
        guard let position = lotIndexById[id] else { return 0 }
        return capacity[position] - allocated[position]
    }

    /// Allocated grams of every lot, by lot id.
    var allocatedGramsByLot: [String: Int64] {
        var result: [String: Int64] = [:]
        for (position, lot) in lots.enumerated() { result[lot.id] = allocated[position] }
        return result
    }

    /// Grams allocated to the lots of a tier (by index in `policy.tiers`).
    func allocatedGrams(tier: Int) -> Int64 { tierAllocated[tier] }

    /// Grams allocated over all lots.
    var totalAllocatedGrams: Int64 { poolAllocated }

    /// Forgets which lots changed (after the caller wrote them back).
    mutating func clearChanges() { changedLotIds.removeAll(keepingCapacity: true) }

    /// Allocates a demand, unit by unit, by the policy above.
    /// - Returns: the allocations, in parcel order; their grams sum to `demand.totalGrams`.
    /// - Throws: ``SupplyShortage`` when some unit finds no lot; then nothing changes.
    mutating func allocate(_ demand: SupplyDemand) throws(SupplyShortage) -> [ParcelAllocation] {
        guard demand.parcels >= 0, demand.parcelGrams > 0 else {
            throw SupplyShortage(demand: demand, availableGrams: 0, message: "line \(demand.lineRef): the demand has no positive parcel weight")
        }
        if demand.parcels == 0 { return [] }
        let key = CandidateKey(date: demand.date, enterpriseId: demand.enterpriseId, product: demand.product, grade: demand.grade)
        let candidates = candidateLots(for: key)
        let (unit, unitsPerParcel) = ReferenceSupplyPool.units(parcelGrams: demand.parcelGrams, unitGrams: policy.unitGrams)
        var newlyChanged: [String] = []
        var result: [ParcelAllocation] = []
        result.reserveCapacity(demand.parcels)
        for parcel in 0..<demand.parcels {
            let firstOfParcel = result.count
            for _ in 0..<unitsPerParcel {
                guard let choice = chooseLot(unit: unit, candidates: candidates) else {
                    invalidateTotals()
                    reverse(result)
                    for id in newlyChanged { changedLotIds.remove(id) }
                    throw shortage(demand: demand, unit: unit, candidates: candidates)
                }
                let position = choice.position
                let lot = lots[position]
                if let merged = result[firstOfParcel...].firstIndex(where: { $0.lotId == lot.id }) {
                    result[merged].grams += unit
                    result[merged].incomeFen = ParcelAllocation.incomeFen(grams: result[merged].grams, priceFenPerKg: lot.priceFenPerKg)
                } else {
                    result.append(
                        ParcelAllocation(
                            lineRef: demand.lineRef,
                            parcelIndex: parcel,
                            lotId: lot.id,
                            householdId: lot.householdId,
                            grams: unit,
                            tier: policy.tiers[choice.tier].name,
                            quotaGrams: choice.quotaGrams,
                            deficitGrams: choice.quotaGrams - allocated[position],
                            incomeFen: ParcelAllocation.incomeFen(grams: unit, priceFenPerKg: lot.priceFenPerKg)
                        )
                    )
                }
                placed(unit, on: position, tier: choice.tier, listId: candidates[choice.tier])
                if add(unit, to: position) { newlyChanged.append(lot.id) }
            }
        }
        return result
    }

    /// Reverses allocations made by this pool (cancellation or refund before shipment): subtracts each
    /// allocation's grams from its lot (never below zero). Allocations of lots the pool does not hold are ignored.
    mutating func reverse(_ allocations: [ParcelAllocation]) {
        invalidateTotals()
        for allocation in allocations {
            guard let position = lotIndexById[allocation.lotId] else { continue }
            add(-allocation.grams, to: position)
        }
    }

    /// Adds grams to a lot; returns whether the lot was not yet in ``changedLotIds``.
    @discardableResult
    private mutating func add(_ grams: Int64, to position: Int) -> Bool {
        let change = max(grams, -allocated[position])  // allocated grams never go below zero
        allocated[position] += change
        poolAllocated += change
        let tier = tierOfLot[position]
        if tier >= 0 { tierAllocated[tier] += change }
        return changedLotIds.insert(lots[position].id).inserted
    }

    /// The unit size and units per parcel for a parcel weight.
    static func units(parcelGrams: Int64, unitGrams: Int64?) -> (unit: Int64, perParcel: Int) {
        guard let unitGrams, unitGrams > 0, unitGrams < parcelGrams, parcelGrams % unitGrams == 0 else { return (parcelGrams, 1) }
        return (unitGrams, Int(parcelGrams / unitGrams))
    }

    private mutating func invalidateTotals() {
        for tier in eligibleTotals.indices { eligibleTotals[tier] = EligibleTotals() }
    }

    /// Updates the cached eligible totals of a tier before `unit` grams are added to a lot of list `listId`.
    private mutating func placed(_ unit: Int64, on position: Int, tier: Int, listId: Int) {
        guard eligibleTotals[tier].listId == listId else {
            eligibleTotals[tier] = EligibleTotals()
            return
        }
        let c = capacity[position]
        let before = allocated[position]
        let after = before + unit
        for (size, totals) in eligibleTotals[tier].byUnit where c - before >= size {
            if c - after >= size {
                eligibleTotals[tier].byUnit[size] = (totals.capacity, totals.allocated + unit)
            } else {
                eligibleTotals[tier].byUnit[size] = (totals.capacity - c, totals.allocated - before)
            }
        }
    }

    /// C and T of the lots of a list that can take a unit.
    private mutating func totals(unit: Int64, tier: Int, listId: Int) -> (capacity: Int64, allocated: Int64) {
        if eligibleTotals[tier].listId == listId, let cached = eligibleTotals[tier].byUnit[unit] { return cached }
        if eligibleTotals[tier].listId != listId { eligibleTotals[tier] = EligibleTotals(listId: listId) }
        var eligibleCapacity: Int64 = 0
        var eligibleAllocated: Int64 = 0
        for position in candidateLists[listId] where capacity[position] - allocated[position] >= unit {
            eligibleCapacity += capacity[position]
            eligibleAllocated += allocated[position]
        }
        eligibleTotals[tier].byUnit[unit] = (eligibleCapacity, eligibleAllocated)
        return (eligibleCapacity, eligibleAllocated)
    }

    private mutating func candidateLots(for key: CandidateKey) -> [Int] {
        if let cached = candidateCache[key] { return cached }
        var perTier = [[Int]](repeating: [], count: policy.tiers.count)
        for (position, lot) in lots.enumerated() {
            let tier = tierOfLot[position]
            guard tier >= 0, lotIndexById[lot.id] == position, lot.enterpriseId == key.enterpriseId, lot.product == key.product,
                lot.grade == key.grade, lot.isAvailable(on: key.date)
            else { continue }
            perTier[tier].append(position)
        }
        for tier in perTier.indices {
            perTier[tier].sort { left, right in
                if capacity[left] != capacity[right] { return capacity[left] > capacity[right] }
                return lots[left].id < lots[right].id
            }
        }
        if candidateCache.count > 4096 {
            candidateCache.removeAll()
            candidateLists.removeAll()
            candidateListIds.removeAll()
            invalidateTotals()
        }
        let ids = perTier.map { list in
            if let id = candidateListIds[list] { return id }
            candidateLists.append(list)
            candidateListIds[list] = candidateLists.count - 1
            return candidateLists.count - 1
        }
        candidateCache[key] = ids
        return ids
    }

    private struct Choice {
        var position: Int
        var tier: Int
        var quotaGrams: Int64
    }

    private mutating func chooseLot(unit: Int64, candidates: [Int]) -> Choice? {
        if let choice = chooseLot(unit: unit, candidates: candidates, honouringCaps: true) { return choice }
        // No tier could take the unit within its cap: a cap spreads supply, it never causes a shortage.
        guard policy.tiers.contains(where: { $0.maxShare != nil }) else { return nil }
        return chooseLot(unit: unit, candidates: candidates, honouringCaps: false)
    }

    private mutating func chooseLot(unit: Int64, candidates: [Int], honouringCaps: Bool) -> Choice? {
        for tier in policy.tiers.indices {
            if honouringCaps, let maxShare = policy.tiers[tier].maxShare {
                let allowed = Int128(maxShare) * Int128(poolAllocated + unit)
                if Int128(tierAllocated[tier] + unit) * 100 > allowed { continue }
            }
            let (eligibleCapacity, eligibleAllocated) = totals(unit: unit, tier: tier, listId: candidates[tier])
            guard eligibleCapacity > 0 else { continue }
            let choice = chooseLot(
                unit: unit,
                tier: tier,
                lots: candidateLists[candidates[tier]],
                eligibleCapacity: eligibleCapacity,
                eligibleAllocated: eligibleAllocated
            )
            if let choice { return choice }
        }
        return nil
    }

    /// The quota method within one tier (see the type's documentation).
    private func chooseLot(unit: Int64, tier: Int, lots positions: [Int], eligibleCapacity: Int64, eligibleAllocated: Int64) -> Choice? {
        let target = eligibleAllocated + unit
        // Deficits are compared as numerators over the common denominator C: N_i = (T + u) c_i − a_i C.
        var best = -1
        var bestWithinQuota = -1
        if totalCapacity <= 2_000_000_000 && unit <= 1_000_000_000 {
            // 0 ≤ a_i ≤ c_i ≤ C ≤ 2·10⁹ and T + u ≤ 3·10⁹: (T + u) c_i and a_i C stay below 2^63, so 64-bit arithmetic is exact.
            var bestNumerator = Int64.min
            var bestWithinNumerator = Int64.min
            allocated.withUnsafeBufferPointer { allocated in
                capacity.withUnsafeBufferPointer { capacity in
                    for position in positions {
                        let a = allocated[position]
                        let c = capacity[position]
                        guard c &- a >= unit else { continue }
                        let numerator = target &* c &- a &* eligibleCapacity
                        guard numerator > bestWithinNumerator || numerator > bestNumerator else { continue }
                        if numerator > bestNumerator {
                            bestNumerator = numerator
                            best = position
                        }
                        if numerator > bestWithinNumerator
                            && Self.withinUpperQuota(
                                allocated: a,
                                numerator: Int128(numerator),
                                target: target,
                                capacity: c,
                                total: eligibleCapacity,
                                unit: unit
                            )
                        {
                            bestWithinNumerator = numerator
                            bestWithinQuota = position
                        }
                    }
                }
            }
        } else {
            var bestNumerator = Int128.min
            var bestWithinNumerator = Int128.min
            for position in positions {
                let a = allocated[position]
                let c = capacity[position]
                guard c - a >= unit else { continue }
                let numerator = Int128(target) * Int128(c) - Int128(a) * Int128(eligibleCapacity)
                if numerator > bestNumerator {
                    bestNumerator = numerator
                    best = position
                }
                if numerator > bestWithinNumerator
                    && Self.withinUpperQuota(allocated: a, numerator: numerator, target: target, capacity: c, total: eligibleCapacity, unit: unit)
                {
                    bestWithinNumerator = numerator
                    bestWithinQuota = position
                }
            }
        }
        let chosen = bestWithinQuota >= 0 ? bestWithinQuota : best
        guard chosen >= 0 else { return nil }
        let quota = Int128(target) * Int128(capacity[chosen]) / Int128(eligibleCapacity)
        return Choice(position: chosen, tier: tier, quotaGrams: Int64(clamping: quota))
    }

    /// Whether `a + u ≤ u × ⌈q / u⌉` with `q = target × c / total`; `numerator` is `target × c − a × total`.
    private static func withinUpperQuota(
        allocated a: Int64,
        numerator: Int128,
        target: Int64,
        capacity c: Int64,
        total: Int64,
        unit: Int64
    )
        -> Bool
    {
        if a % unit == 0 { return numerator > 0 }  // a whole number of units: a + u ≤ u⌈q/u⌉ ⟺ a < q
        let scaledQuota = Int128(target) * Int128(c)  // q × total
        let divisor = Int128(total) * Int128(unit)
        let units = (scaledQuota + divisor - 1) / divisor  // ⌈q / u⌉
        return Int128(a) + Int128(unit) <= units * Int128(unit)
    }

    private func shortage(demand: SupplyDemand, unit: Int64, candidates: [Int]) -> SupplyShortage {
        var available: Int64 = 0
        for listId in candidates {
            for position in candidateLists[listId] {
                let remaining = capacity[position] - allocated[position]
                if remaining >= unit { available += remaining / unit * unit }
            }
        }
        let what = "\(demand.enterpriseId) \(demand.product) \(demand.grade) on \(demand.date)"
        let message = "line \(demand.lineRef): not enough supply of \(what): needs \(demand.totalGrams) g, \(available) g available"
        return SupplyShortage(demand: demand, availableGrams: available, message: message)
    }
}

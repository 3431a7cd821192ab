import Synchronization

/// The supply lots of one enterprise, product and grade with their running allocated grams: allocates
/// demands to lots, one unit at a time, and reverses allocations exactly.
///
/// ## Allocation policy
///
/// - **Unit.** With `policy.unitGrams == nil` a parcel (the SKU net weight) is one unit and goes to ONE lot.
///   With `unitGrams` set (loose tea) a parcel is split into `parcelGrams / unitGrams` units when that
///   divides exactly (otherwise the whole parcel is one unit); units of one parcel that land on the same
///   lot are reported as one ``ParcelAllocation``.
/// - **Eligibility.** A lot can take a unit of a demand when its enterprise, product and grade are the
///   demand's, its availability window contains the demand's day (absent bounds are open), and its
///   remaining capacity (capacity − allocated) is at least the unit.
/// - **Tiers.** Every lot belongs to the first tier of the policy that admits its household (a household
///   missing from `households` counts as not registered poor; a lot no tier admits is never used). Each
///   unit is offered to the tiers in order. A tier with `maxShare` may take the unit only while
///   `tier allocated + u ≤ maxShare% × (pool allocated + u)`; otherwise, or when it has no eligible lot,
///   the unit goes to the next tier. When no tier can take it within the caps, the tiers are offered it
///   again in order ignoring the caps (a cap spreads supply, it never stops sales while produce is left).
///   When no tier has an eligible lot, the demand fails with ``SupplyShortage``.
/// - **Within a tier: the quota method over running totals.** Let `u` be the unit, `c_i` and `a_i` the
///   capacity and allocated grams of each eligible lot of the tier, `C = Σ c_i` and `T = Σ a_i` over those
///   eligible lots. Each lot's quota is `q_i = (T + u) × c_i / C` (its proportional share once this unit is
///   placed). Among the lots within their upper quota (`a_i + u ≤ u × ⌈q_i / u⌉`), the lot with the largest
///   deficit `q_i − a_i` takes the unit; ties go to the larger capacity, then the smaller lot id. (The
///   largest deficit is always positive, so when `a_i` are whole units it is always within its upper
///   quota; only with mixed unit sizes can the upper-quota set be empty, and then the largest deficit
///   among all eligible lots is taken.) While the eligible set does not change, every lot's running total
///   stays within one unit of its proportional quota `T × c_i / C`, and never exceeds its capacity.
/// - Arithmetic is exact (128-bit integers); the result depends only on the lots, the starting allocated
///   grams, the households, the policy and the sequence of demands, never on the order lots are given in.
/// - Each allocation records `quotaGrams = ⌊q_i⌋` and `deficitGrams = ⌊q_i⌋ − a_i` of the chosen lot.
/// - ``allocate(_:)`` is all or nothing; ``reverse(_:)`` subtracts exactly what was allocated.
///
/// ## How the lot is found
///
/// The deficits of all lots move together with one number, `λ = (T + u) / C`, so the pool keeps, per candidate
/// list, a ``QuotaTournament``: a tournament tree ordered by deficit (then list order) whose nodes know over
/// which range of `λ` their winner stays the winner, shared by every unit size. A unit costs the
/// recomputation of the path of the lot that changed and of the few nodes `λ` moved past — about O(log n) —
/// plus, when the winner is too full for the unit or above its upper quota, a branch-and-bound descent,
/// instead of a pass over the tier's lots; the result is the same lot, decided by the same exact integer
/// comparisons. Pools whose capacities sum to more than 2⁶¹ g (beyond any real season) use that pass.
public struct SupplyPool: Sendable {
    /// The lots, in the order given.
    public let lots: [SupplyLot]
    /// The policy.
    public let policy: AllocationPolicy

    /// Ids of lots whose allocated grams changed since the pool was made or ``clearChanges()`` was called.
    public var changedLotIds: Set<String> { Set(changedPositions.map { lots[$0].id }) }

    /// The largest total capacity and unit (grams) the tournament serves: every sum and difference it forms
    /// then fits in 64 bits, every product in 128.
    static let indexBound: Int64 = 1 << 61

    private var allocated: [Int64]
    private let capacity: [Int64]
    private let lotIndexById: [String: Int]
    /// The tier index of each lot, `-1` when no tier admits it.
    private let tierOfLot: [Int]
    private var tierAllocated: [Int64]
    private var poolAllocated: Int64 = 0
    /// Σ of the positive capacities, saturating at `Int64.max`.
    private let totalCapacity: Int64
    /// The lots' distinct `availableFrom` and `availableTo` days, sorted: a demand's day is placed among them
    /// to find its candidate lots (see ``SupplyPoolIndex/CandidateKey``).
    private let windowStarts: [String]
    private let windowEnds: [String]
    /// Whether each lot is in ``changedLotIds``, and those lots in the order they changed.
    private var changed: [Bool]
    private var changedPositions: [Int] = []
    /// Allocation changes this value has made (see ``SupplyPoolIndex``).
    private var generation: UInt64 = 0
    private var index: SupplyPoolIndex

    /// Creates a pool.
    /// - Parameters:
    ///   - lots: the lots of one enterprise, product and grade (lots of other keys are kept but only
    ///     supply demands of their own key).
    ///   - allocatedGrams: grams already allocated per lot id (absent = 0; negative values count as 0).
    ///   - households: the households by id, for the tiers' registered-poor flag.
    ///   - policy: the tiers and unit.
    public init(lots: [SupplyLot], allocatedGrams: [String: Int64], households: [String: Household], policy: AllocationPolicy) {
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
        var total: Int64 = 0
        for grams in capacity where grams > 0 {
            let (sum, overflow) = total.addingReportingOverflow(grams)
            total = overflow ? .max : sum
        }
        totalCapacity = total
        windowStarts = Set(lots.compactMap(\.availableFrom)).sorted()
        windowEnds = Set(lots.compactMap(\.availableTo)).sorted()
        changed = [Bool](repeating: false, count: lots.count)
        self.index = SupplyPoolIndex(generation: 0)
    }

    /// Grams allocated to a lot so far (0 for an unknown lot).
    public func allocatedGrams(lot id: String) -> Int64 {
        guard let position = lotIndexById[id] else { return 0 }
        return allocated[position]
    }

    /// Capacity left on a lot (capacity − allocated; 0 for an unknown lot).
    public func remainingGrams(lot id: String) -> Int64 {
        guard let position = lotIndexById[id] else { return 0 }
        return capacity[position] - allocated[position]
    }

    /// Allocated grams of every lot, by lot id.
    public var allocatedGramsByLot: [String: Int64] {
        var result: [String: Int64] = [:]
        for (position, lot) in lots.enumerated() { result[lot.id] = allocated[position] }
        return result
    }

    /// Grams allocated to the lots of a tier (by index in `policy.tiers`).
    public func allocatedGrams(tier: Int) -> Int64 { tierAllocated[tier] }

    /// Grams allocated over all lots.
    public var totalAllocatedGrams: Int64 { poolAllocated }

    /// Forgets which lots changed (after the caller wrote them back).
    public mutating func clearChanges() {
        for position in changedPositions { changed[position] = false }
        changedPositions.removeAll(keepingCapacity: true)
    }

    /// Allocates a demand, unit by unit, by the policy above.
    /// - Returns: the allocations, in parcel order; their grams sum to `demand.totalGrams`.
    /// - Throws: ``SupplyShortage`` when some unit finds no lot; then nothing changes.
    public mutating func allocate(_ demand: SupplyDemand) throws(SupplyShortage) -> [ParcelAllocation] {
        guard demand.parcels >= 0, demand.parcelGrams > 0 else {
            throw SupplyShortage(demand: demand, availableGrams: 0, message: "line \(demand.lineRef): the demand has no positive parcel weight")
        }
        if demand.parcels == 0 { return [] }
        return try withIndex { pool, state throws(SupplyShortage) in try pool.allocate(demand, state: &state) }
    }

    /// Reverses allocations made by this pool (cancellation or refund before shipment): subtracts each
    /// allocation's grams from its lot (never below zero). Allocations of lots the pool does not hold are ignored.
    public mutating func reverse(_ allocations: [ParcelAllocation]) {
        withIndex { pool, state in
            for allocation in allocations {
                guard let position = pool.lotIndexById[allocation.lotId] else { continue }
                pool.add(-allocation.grams, to: position, state: &state)
            }
        }
    }

    /// Runs `body` with this value's index state, taking a fresh index when this value is not on the shared
    /// index's line (see ``SupplyPoolIndex``).
    private mutating func withIndex<Result: Sendable, Failure: Error>(
        _ body: (inout SupplyPool, inout SupplyPoolIndex.State) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        while true {
            let shared = index
            let generation = generation
            let outcome: Result? = try shared.state.withLock { state throws(Failure) -> Result? in
                guard state.generation == generation else { return nil }
                state.trimLog(limit: max(4096, 4 * lots.count))
                return try body(&self, &state)
            }
            if let outcome { return outcome }
            index = shared.detached(generation: generation)
        }
    }

    private mutating func allocate(_ demand: SupplyDemand, state: inout SupplyPoolIndex.State) throws(SupplyShortage) -> [ParcelAllocation] {
        let selection = self.selection(for: demand, state: &state)
        let candidates = state.selections[selection]
        let (unit, unitsPerParcel) = Self.units(parcelGrams: demand.parcelGrams, unitGrams: policy.unitGrams)
        // The tournament of each tier's list (-1: no lot), or none at all for the pass.
        let tournaments = totalCapacity <= Self.indexBound && unit <= Self.indexBound ? tournamentIds(selection, state: &state) : []
        var newlyChanged = 0
        var result: [ParcelAllocation] = []
        result.reserveCapacity(demand.parcels)
        for parcel in 0..<demand.parcels {
            let firstOfParcel = result.count
            for _ in 0..<unitsPerParcel {
                guard let choice = chooseLot(unit: unit, candidates: candidates, tournaments: tournaments, state: &state) else {
                    for allocation in result {
                        if let position = lotIndexById[allocation.lotId] { add(-allocation.grams, to: position, state: &state) }
                    }
                    for _ in 0..<newlyChanged { changed[changedPositions.removeLast()] = false }
                    throw shortage(demand: demand, unit: unit, candidates: candidates, state: state)
                }
                let position = choice.position
                if unitsPerParcel > 1, let merged = result[firstOfParcel...].firstIndex(where: { $0.lotId == lots[position].id }) {
                    result[merged].grams += unit
                    result[merged].incomeFen = ParcelAllocation.incomeFen(grams: result[merged].grams, priceFenPerKg: lots[position].priceFenPerKg)
                } else {
                    result.append(
                        ParcelAllocation(
                            lineRef: demand.lineRef,
                            parcelIndex: parcel,
                            lotId: lots[position].id,
                            householdId: lots[position].householdId,
                            grams: unit,
                            tier: policy.tiers[choice.tier].name,
                            quotaGrams: choice.quotaGrams,
                            deficitGrams: choice.quotaGrams - allocated[position],
                            incomeFen: ParcelAllocation.incomeFen(grams: unit, priceFenPerKg: lots[position].priceFenPerKg)
                        )
                    )
                }
                if add(unit, to: position, state: &state) { newlyChanged += 1 }
            }
        }
        return result
    }

    /// Adds grams to a lot; returns whether the lot was not yet in ``changedLotIds``.
    @discardableResult
    private mutating func add(_ grams: Int64, to position: Int, state: inout SupplyPoolIndex.State) -> Bool {
        let change = max(grams, -allocated[position])  // allocated grams never go below zero
        allocated[position] += change
        poolAllocated += change
        let tier = tierOfLot[position]
        if tier >= 0 { tierAllocated[tier] += change }
        state.changed(position: position)
        generation &+= 1
        guard !changed[position] else { return false }
        changed[position] = true
        changedPositions.append(position)
        return true
    }

    /// The unit size and units per parcel for a parcel weight.
    static func units(parcelGrams: Int64, unitGrams: Int64?) -> (unit: Int64, perParcel: Int) {
        guard let unitGrams, unitGrams > 0, unitGrams < parcelGrams, parcelGrams % unitGrams == 0 else { return (parcelGrams, 1) }
        return (unitGrams, Int(parcelGrams / unitGrams))
    }

    /// The selection (candidate lists per tier) of a demand's key and day, made when first needed.
    private func selection(for demand: SupplyDemand, state: inout SupplyPoolIndex.State) -> Int {
        let startsBefore = windowStarts.isEmpty ? 0 : Self.count(windowStarts, where: { $0 <= demand.date })
        let endsBefore = windowEnds.isEmpty ? 0 : Self.count(windowEnds, where: { $0 < demand.date })
        if state.lastSelection >= 0 && state.lastKey.startsBefore == startsBefore && state.lastKey.endsBefore == endsBefore
            && state.lastKey.enterpriseId == demand.enterpriseId && state.lastKey.product == demand.product
            && state.lastKey.grade == demand.grade
        {
            return state.lastSelection
        }
        let key = SupplyPoolIndex.CandidateKey(
            startsBefore: startsBefore,
            endsBefore: endsBefore,
            enterpriseId: demand.enterpriseId,
            product: demand.product,
            grade: demand.grade
        )
        let selection = state.selectionIds[key] ?? makeSelection(key, date: demand.date, state: &state)
        state.lastKey = key
        state.lastSelection = selection
        return selection
    }

    /// How many leading elements of a sorted array satisfy a predicate that holds for a prefix of it.
    private static func count(_ sorted: [String], where isBefore: (String) -> Bool) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if isBefore(sorted[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func makeSelection(_ key: SupplyPoolIndex.CandidateKey, date: String, state: inout SupplyPoolIndex.State) -> Int {
        var perTier = [[Int]](repeating: [], count: policy.tiers.count)
        for (position, lot) in lots.enumerated() {
            let tier = tierOfLot[position]
            guard tier >= 0, lotIndexById[lot.id] == position, lot.enterpriseId == key.enterpriseId, lot.product == key.product,
                lot.grade == key.grade, lot.isAvailable(on: date)
            else { continue }
            perTier[tier].append(position)
        }
        for tier in perTier.indices {
            perTier[tier].sort { left, right in
                if capacity[left] != capacity[right] { return capacity[left] > capacity[right] }
                return lots[left].id < lots[right].id
            }
        }
        if state.selectionIds.count >= 4096 { state.forgetCandidates() }  // a bound on memory
        let ids = perTier.map { list in
            if let id = state.candidateListIds[list] { return id }
            state.candidateLists.append(list)
            state.candidateListIds[list] = state.candidateLists.count - 1
            return state.candidateLists.count - 1
        }
        state.selections.append(ids)
        state.selectionTournaments.append([])
        state.selectionIds[key] = state.selections.count - 1
        return state.selections.count - 1
    }

    /// The tournament of each tier's candidate list (`-1` for an empty list), built when first needed.
    private func tournamentIds(_ selection: Int, state: inout SupplyPoolIndex.State) -> [Int] {
        if !state.selectionTournaments[selection].isEmpty { return state.selectionTournaments[selection] }
        if state.tournaments.count + policy.tiers.count > 64 { state.forgetTournaments() }  // a bound on memory
        let ids = state.selections[selection].map { listId in
            guard !state.candidateLists[listId].isEmpty else { return -1 }
            while state.tournamentOfList.count <= listId { state.tournamentOfList.append(-1) }
            if state.tournamentOfList[listId] >= 0 { return state.tournamentOfList[listId] }
            state.tournaments.append(
                QuotaTournament(positions: state.candidateLists[listId], capacity: capacity, allocated: allocated, syncedTo: state.log.count)
            )
            state.tournamentOfList[listId] = state.tournaments.count - 1
            return state.tournaments.count - 1
        }
        state.selectionTournaments[selection] = ids
        return ids
    }

    private struct Choice {
        var position: Int
        var tier: Int
        var quotaGrams: Int64
    }

    private func chooseLot(unit: Int64, candidates: [Int], tournaments: [Int], state: inout SupplyPoolIndex.State) -> Choice? {
        if let choice = chooseLot(unit: unit, candidates: candidates, tournaments: tournaments, honouringCaps: true, state: &state) {
            return choice
        }
        // No tier could take the unit within its cap: a cap spreads supply, it never causes a shortage.
        guard policy.tiers.contains(where: { $0.maxShare != nil }) else { return nil }
        return chooseLot(unit: unit, candidates: candidates, tournaments: tournaments, honouringCaps: false, state: &state)
    }

    private func chooseLot(
        unit: Int64,
        candidates: [Int],
        tournaments: [Int],
        honouringCaps: Bool,
        state: inout SupplyPoolIndex.State
    ) -> Choice? {
        for tier in policy.tiers.indices {
            if honouringCaps, let maxShare = policy.tiers[tier].maxShare {
                let allowed = Int128(maxShare) * Int128(poolAllocated + unit)
                if Int128(tierAllocated[tier] + unit) * 100 > allowed { continue }
            }
            if tournaments.isEmpty {
                if let choice = chooseByPass(unit: unit, tier: tier, positions: state.candidateLists[candidates[tier]]) { return choice }
                continue
            }
            let id = tournaments[tier]
            guard id >= 0 else { continue }
            state.tournaments[id].sync(log: state.log, allocated: allocated)
            guard let (leaf, target, total) = state.tournaments[id].choose(unit: unit) else { continue }
            let position = state.tournaments[id].positions[leaf]
            // ⌊(T + u) c / C⌋: below T + u, so the 128-by-64-bit division cannot overflow.
            let quota = total.dividingFullWidth(target.multipliedFullWidth(by: capacity[position])).quotient
            return Choice(position: position, tier: tier, quotaGrams: quota)
        }
        return nil
    }

    /// The quota method within one tier by a pass over its lots, in 128-bit arithmetic: for pools too large for
    /// the tournament's bounds.
    private func chooseByPass(unit: Int64, tier: Int, positions: [Int]) -> Choice? {
        var eligibleCapacity: Int128 = 0
        var eligibleAllocated: Int128 = 0
        for position in positions where capacity[position] > allocated[position] && capacity[position] - allocated[position] >= unit {
            eligibleCapacity += Int128(capacity[position])
            eligibleAllocated += Int128(allocated[position])
        }
        guard eligibleCapacity > 0 else { return nil }
        let target = eligibleAllocated + Int128(unit)
        let wideUnit = Int128(unit)
        // Deficits compared as numerators over the common denominator C: N_i = (T + u) c_i − a_i C.
        var best = -1
        var bestNumerator = Int128.min
        var bestWithin = -1
        var bestWithinNumerator = Int128.min
        for position in positions where capacity[position] > allocated[position] && capacity[position] - allocated[position] >= unit {
            let a = Int128(allocated[position])
            let numerator = target * Int128(capacity[position]) - a * eligibleCapacity
            if numerator > bestNumerator {
                bestNumerator = numerator
                best = position
            }
            // Within the upper quota: a + u ≤ u⌈q/u⌉ ⟺ q > u⌈a/u⌉ ⟺ N > (u⌈a/u⌉ − a) C.
            let ceiling = (a + wideUnit - 1) / wideUnit * wideUnit
            if numerator > bestWithinNumerator && numerator > (ceiling - a) * eligibleCapacity {
                bestWithinNumerator = numerator
                bestWithin = position
            }
        }
        let chosen = bestWithin >= 0 ? bestWithin : best
        guard chosen >= 0 else { return nil }
        let quota = target * Int128(capacity[chosen]) / eligibleCapacity
        return Choice(position: chosen, tier: tier, quotaGrams: Int64(clamping: quota))
    }

    private func shortage(demand: SupplyDemand, unit: Int64, candidates: [Int], state: SupplyPoolIndex.State) -> SupplyShortage {
        var available: Int64 = 0
        for listId in candidates {
            for position in state.candidateLists[listId] {
                let remaining = capacity[position] - allocated[position]
                if remaining >= unit { available += remaining / unit * unit }
            }
        }
        let what = "\(demand.enterpriseId) \(demand.product) \(demand.grade) on \(demand.date)"
        let message = "line \(demand.lineRef): not enough supply of \(what): needs \(demand.totalGrams) g, \(available) g available"
        return SupplyShortage(demand: demand, availableGrams: available, message: message)
    }
}

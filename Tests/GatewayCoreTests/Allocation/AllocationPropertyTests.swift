import GatewayCore
import Testing

/// Property tests of ``SupplyPool`` over seeded random pools and demand streams.
@Suite struct AllocationPropertyTests {
    static let seeds: [UInt64] = Array(1...40)

    static func randomPolicy(_ rng: inout SplitMix64) -> AllocationPolicy {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return .registeredPoorFirst
        case 1:
            return AllocationPolicy(tiers: [
                AllocationTier(name: "poor", registeredPoor: true, maxShare: Int.random(in: 40...90, using: &rng)),
                AllocationTier(name: "others", registeredPoor: nil),
            ])
        case 2: return AllocationPolicy(tiers: [AllocationTier(name: "all", registeredPoor: nil)], unitGrams: 500)
        default:
            return AllocationPolicy(
                tiers: [AllocationTier(name: "others", registeredPoor: false), AllocationTier(name: "poor", registeredPoor: true)],
                unitGrams: 250
            )
        }
    }

    @Test(arguments: seeds)
    func linesSumToDemandStayWithinCapacityAndShortagesChangeNothing(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let policy = Self.randomPolicy(&rng)
        let fixture = AllocationFixture(
            rng: &rng,
            lotCount: Int.random(in: 3...40, using: &rng),
            capacityKg: 5...60,
            windows: true,
            foreignLots: true,
            policy: policy
        )
        let start = Dictionary(uniqueKeysWithValues: fixture.lots.map { ($0.id, Int64(Int.random(in: 0...2, using: &rng)) * 500) })
        var pool = fixture.pool(allocated: start)
        let lotsById = Dictionary(uniqueKeysWithValues: fixture.lots.map { ($0.id, $0) })
        var expected = start
        var shortages = 0
        for index in 0..<300 {
            let parcelGrams: Int64 = [500, 1000, 2500, 5000, 1750][Int.random(in: 0..<5, using: &rng)]
            let demand = AllocationFixture.demand(
                index,
                parcelGrams: parcelGrams,
                parcels: Int.random(in: 1...4, using: &rng),
                date: AllocationFixture.day(Int.random(in: 1...25, using: &rng))
            )
            let before = pool.allocatedGramsByLot
            let changedBefore = pool.changedLotIds
            var outcome: [ParcelAllocation]?
            do {
                outcome = try pool.allocate(demand)
            } catch {
                shortages += 1
                #expect(pool.allocatedGramsByLot == before)
                #expect(pool.changedLotIds == changedBefore)
                #expect(error.availableGrams < demand.totalGrams)
            }
            if let allocations = outcome {
                #expect(allocations.reduce(0) { $0 + $1.grams } == demand.totalGrams)
                for parcel in 0..<demand.parcels {
                    let parts = allocations.filter { $0.parcelIndex == parcel }
                    #expect(parts.reduce(0) { $0 + $1.grams } == demand.parcelGrams)
                    if policy.unitGrams == nil { #expect(parts.count == 1) }
                }
                for allocation in allocations {
                    let lot = try #require(lotsById[allocation.lotId])
                    #expect(lot.grade == demand.grade && lot.product == demand.product && lot.enterpriseId == demand.enterpriseId)
                    #expect(lot.isAvailable(on: demand.date))
                    #expect(allocation.householdId == lot.householdId)
                    #expect(allocation.grams > 0)
                    #expect(allocation.incomeFen == (allocation.grams * lot.priceFenPerKg + 500) / 1000)
                    expected[allocation.lotId, default: 0] += allocation.grams
                }
            }
            for lot in fixture.lots {
                let allocated = pool.allocatedGrams(lot: lot.id)
                #expect(allocated == expected[lot.id] ?? 0)
                #expect(allocated <= max(lot.capacityGrams, start[lot.id] ?? 0))
            }
        }
        #expect(fixture.lots.filter { $0.grade == "B" }.allSatisfy { pool.allocatedGrams(lot: $0.id) == start[$0.id] })
        // The stream is long enough to exhaust some supply, so the shortage path is exercised too.
        if fixture.lots.count < 10 { #expect(shortages > 0) }
    }

    @Test(arguments: seeds.prefix(15))
    func sameInputsGiveTheSameAllocationsWhateverTheLotOrder(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let policy = Self.randomPolicy(&rng)
        var fixture = AllocationFixture(rng: &rng, lotCount: 30, capacityKg: 5...50, windows: true, policy: policy)
        var first = fixture.pool()
        fixture.lots.shuffle(using: &rng)
        var second = fixture.pool()
        var third = fixture.pool()
        for index in 0..<200 {
            let demand = AllocationFixture.demand(
                index,
                parcelGrams: [1000, 2500, 5000][index % 3],
                parcels: 1 + index % 3,
                date: AllocationFixture.day(1 + index % 20)
            )
            let a = try? first.allocate(demand)
            let b = try? second.allocate(demand)
            let c = try? third.allocate(demand)
            #expect(a == b)
            #expect(b == c)
        }
        #expect(first.allocatedGramsByLot == second.allocatedGramsByLot)
    }

    /// |a_i − T c_i / C| < u for every lot of every tier after every line, i.e. |a_i C − T c_i| < u C.
    @Test(arguments: seeds)
    func runningTotalsStayWithinOneUnitOfTheProportionalQuota(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let capped = seed % 2 == 0
        let tea = seed % 3 == 0
        let policy = AllocationPolicy(
            tiers: [
                AllocationTier(name: "poor", registeredPoor: true, maxShare: capped ? Int.random(in: 30...80, using: &rng) : nil),
                AllocationTier(name: "others", registeredPoor: nil),
            ],
            unitGrams: tea ? 250 : nil
        )
        // Ample capacity so every lot stays eligible: the quota is then well defined.
        let fixture = AllocationFixture(rng: &rng, lotCount: Int.random(in: 2...60, using: &rng), capacityKg: 2000...9000, policy: policy)
        var pool = fixture.pool()
        let unit: Int64 = tea ? 250 : 5000
        var tierLots: [String: [SupplyLot]] = ["poor": [], "others": []]
        for lot in fixture.lots { tierLots[fixture.isPoor(lot.householdId) ? "poor" : "others"]?.append(lot) }
        var worst = 0.0
        for index in 0..<400 {
            let demand = AllocationFixture.demand(index, parcelGrams: tea ? 1000 : 5000, parcels: Int.random(in: 1...3, using: &rng))
            let allocations = try pool.allocate(demand)
            #expect(allocations.allSatisfy { $0.grams % unit == 0 })
            for (_, lots) in tierLots where !lots.isEmpty {
                let capacity = lots.reduce(Int64(0)) { $0 + $1.capacityGrams }
                let total = lots.reduce(Int64(0)) { $0 + pool.allocatedGrams(lot: $1.id) }
                for lot in lots {
                    let deviation = Int128(pool.allocatedGrams(lot: lot.id)) * Int128(capacity) - Int128(total) * Int128(lot.capacityGrams)
                    let bound = Int128(unit) * Int128(capacity)
                    #expect(deviation.magnitude < bound.magnitude, "lot \(lot.id) after line \(index)")
                    worst = max(worst, Double(deviation) / Double(bound))
                }
            }
        }
        #expect(worst < 1)
    }

    @Test(arguments: seeds.prefix(20))
    func reversalRestoresEveryLotExactly(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let policy = Self.randomPolicy(&rng)
        let fixture = AllocationFixture(rng: &rng, lotCount: 25, capacityKg: 20...200, windows: true, policy: policy)
        let start = Dictionary(uniqueKeysWithValues: fixture.lots.map { ($0.id, Int64(Int.random(in: 0...3, using: &rng)) * 1000) })
        var pool = fixture.pool(allocated: start)
        var lines: [[ParcelAllocation]] = []
        for index in 0..<200 {
            let demand = AllocationFixture.demand(
                index,
                parcelGrams: [1000, 2500, 5000][Int.random(in: 0..<3, using: &rng)],
                parcels: Int.random(in: 1...3, using: &rng),
                date: AllocationFixture.day(Int.random(in: 1...20, using: &rng))
            )
            if let allocations = try? pool.allocate(demand) { lines.append(allocations) }
        }
        #expect(lines.count > 50)
        // Reverse a random subset, in random order.
        var order = Array(lines.indices).shuffled(using: &rng)
        let reversedCount = order.count / 2
        for index in order.prefix(reversedCount) { pool.reverse(lines[index]) }
        var surviving = start
        for index in order.dropFirst(reversedCount) {
            for allocation in lines[index] { surviving[allocation.lotId, default: 0] += allocation.grams }
        }
        for lot in fixture.lots { #expect(pool.allocatedGrams(lot: lot.id) == surviving[lot.id] ?? 0) }
        // Reverse the rest: every lot is back where it started, tier totals included.
        order.removeFirst(reversedCount)
        for index in order.reversed() { pool.reverse(lines[index]) }
        #expect(pool.allocatedGramsByLot == fixture.pool(allocated: start).allocatedGramsByLot)
        #expect(pool.totalAllocatedGrams == start.values.reduce(0, +))
        // Allocate → reverse → allocate again gives the same result as the first time.
        let demand = AllocationFixture.demand(999, parcelGrams: 2500, parcels: 2)
        let once = try? pool.allocate(demand)
        if let once { pool.reverse(once) }
        #expect((try? pool.allocate(demand)) == once)
    }

    @Test(arguments: seeds.prefix(20))
    func registeredPoorTierIsUsedFirst(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let fixture = AllocationFixture(rng: &rng, lotCount: 30, capacityKg: 10...40, poorShare: 40, policy: .registeredPoorFirst)
        var pool = fixture.pool()
        let poorLots = fixture.lots.filter { fixture.isPoor($0.householdId) }
        var sawOthers = false
        for index in 0..<400 {
            let demand = AllocationFixture.demand(index, parcelGrams: 2500, parcels: Int.random(in: 1...2, using: &rng))
            guard let allocations = try? pool.allocate(demand) else { break }
            for allocation in allocations {
                #expect(allocation.tier == (fixture.isPoor(allocation.householdId) ? "registered-poor" : "others"))
            }
            if allocations.contains(where: { !fixture.isPoor($0.householdId) }) {
                sawOthers = true
                // Others only supply once no poor lot can take a parcel.
                #expect(poorLots.allSatisfy { pool.remainingGrams(lot: $0.id) < demand.parcelGrams })
            }
        }
        #expect(sawOthers || poorLots.count == fixture.lots.count)
    }

    @Test(arguments: seeds.prefix(20))
    func maxShareIsHonoured(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let share = Int.random(in: 20...80, using: &rng)
        let policy = AllocationPolicy(tiers: [
            AllocationTier(name: "poor", registeredPoor: true, maxShare: share), AllocationTier(name: "others", registeredPoor: false),
        ])
        let fixture = AllocationFixture(rng: &rng, lotCount: 40, capacityKg: 500...900, poorShare: 50, policy: policy)
        guard fixture.lots.contains(where: { fixture.isPoor($0.householdId) }) else { return }
        var pool = fixture.pool()
        var poorGrams: Int64 = 0
        var total: Int64 = 0
        for index in 0..<300 {
            let allocations = try pool.allocate(AllocationFixture.demand(index, parcelGrams: 5000, parcels: Int.random(in: 1...3, using: &rng)))
            for allocation in allocations {
                total += allocation.grams
                if fixture.isPoor(allocation.householdId) { poorGrams += allocation.grams }
            }
            #expect(poorGrams * 100 <= Int64(share) * total)
            #expect(pool.allocatedGrams(tier: 0) == poorGrams)
        }
        // The cap binds rather than starving the tier: the poor share is within one parcel of it.
        #expect((poorGrams + 5000) * 100 > Int64(share) * total)
    }

    @Test func shortageLeavesThePoolUnchanged() throws {
        var rng = SplitMix64(seed: 77)
        let fixture = AllocationFixture(rng: &rng, lotCount: 8, capacityKg: 5...10, policy: .registeredPoorFirst)
        var pool = fixture.pool()
        _ = try pool.allocate(AllocationFixture.demand(0, parcelGrams: 5000, parcels: 3))
        let before = pool.allocatedGramsByLot
        let changed = pool.changedLotIds
        let remaining = fixture.lots.reduce(Int64(0)) { $0 + pool.remainingGrams(lot: $1.id) / 5000 * 5000 }
        let demand = AllocationFixture.demand(1, parcelGrams: 5000, parcels: Int(remaining / 5000) + 1)
        #expect(throws: SupplyShortage.self) { try pool.allocate(demand) }
        do {
            _ = try pool.allocate(demand)
        } catch {
            #expect(error.availableGrams == remaining)
            #expect(error.demand == demand)
            #expect(error.message.contains("line-1"))
        }
        #expect(pool.allocatedGramsByLot == before)
        #expect(pool.changedLotIds == changed)
        // Exactly the available parcels still fit.
        let fits = try pool.allocate(AllocationFixture.demand(2, parcelGrams: 5000, parcels: Int(remaining / 5000)))
        #expect(fits.reduce(0) { $0 + $1.grams } == remaining)
    }
}

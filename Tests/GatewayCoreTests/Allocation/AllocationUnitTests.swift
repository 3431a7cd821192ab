import GatewayCore
import Testing

/// Hand-worked examples of the allocation policy.
@Suite struct AllocationUnitTests {
    static func lot(_ id: String, household: String, kg: Int64, price: Int64 = 400, from: String? = nil, to: String? = nil) -> SupplyLot {
        SupplyLot(
            id: id,
            householdId: household,
            enterpriseId: "yunlai",
            product: "ponkan",
            grade: "A",
            capacityGrams: kg * 1000,
            priceFenPerKg: price,
            harvestDate: "2026-11-01",
            availableFrom: from,
            availableTo: to
        )
    }

    static func household(_ id: String, poor: Bool) -> Household {
        Household(id: id, name: "张三", village: "黄金村", registeredPoor: poor, members: 3)
    }

    static func demand(_ ref: String, parcelGrams: Int64 = 5000, parcels: Int = 1, date: String = "2026-11-10") -> SupplyDemand {
        SupplyDemand(lineRef: ref, enterpriseId: "yunlai", product: "ponkan", grade: "A", date: date, parcelGrams: parcelGrams, parcels: parcels)
    }

    @Test func capacitiesTwoToOneGetTwoParcelsToOne() throws {
        let households = ["h1": Self.household("h1", poor: true), "h2": Self.household("h2", poor: true)]
        let lots = [Self.lot("a", household: "h1", kg: 100), Self.lot("b", household: "h2", kg: 50)]
        var pool = SupplyPool(lots: lots, allocatedGrams: [:], households: households, policy: .registeredPoorFirst)
        var sequence: [String] = []
        for index in 0..<6 { sequence += try pool.allocate(Self.demand("l\(index)")).map(\.lotId) }
        // Quotas after each unit: a gets 2/3 of the running total, b 1/3; largest deficit wins.
        #expect(sequence == ["a", "b", "a", "a", "b", "a"])
        #expect(pool.allocatedGrams(lot: "a") == 20000)
        #expect(pool.allocatedGrams(lot: "b") == 10000)
    }

    @Test func recordsQuotaAndDeficit() throws {
        let households = ["h1": Self.household("h1", poor: true), "h2": Self.household("h2", poor: true)]
        let lots = [Self.lot("a", household: "h1", kg: 100), Self.lot("b", household: "h2", kg: 50)]
        var pool = SupplyPool(lots: lots, allocatedGrams: ["a": 5000], households: households, policy: .registeredPoorFirst)
        let allocation = try #require(try pool.allocate(Self.demand("x")).first)
        // T = 5000, u = 5000, C = 150000: q_a = 10000 × 100/150 = 6666, q_b = 3333 → b (deficit 3333 vs 1666).
        #expect(allocation.lotId == "b")
        #expect(allocation.quotaGrams == 3333)
        #expect(allocation.deficitGrams == 3333)
        #expect(allocation.tier == "registered-poor")
        #expect(allocation.incomeFen == 2000)
        #expect(pool.changedLotIds == ["b"])
        pool.clearChanges()
        #expect(pool.changedLotIds.isEmpty)
    }

    @Test func tiesGoToLargerCapacityThenSmallerId() throws {
        let households = ["h1": Self.household("h1", poor: false), "h2": Self.household("h2", poor: false)]
        let lots = [Self.lot("b", household: "h1", kg: 10), Self.lot("a", household: "h2", kg: 10), Self.lot("c", household: "h2", kg: 20)]
        var pool = SupplyPool(lots: lots, allocatedGrams: [:], households: households, policy: .registeredPoorFirst)
        #expect(try pool.allocate(Self.demand("1")).map(\.lotId) == ["c"])
        #expect(try pool.allocate(Self.demand("2")).map(\.lotId) == ["a"])
        #expect(try pool.allocate(Self.demand("3")).map(\.lotId) == ["b"])
    }

    @Test func windowsAndOtherKeysAreRespected() throws {
        let households = ["h1": Self.household("h1", poor: true)]
        var other = Self.lot("other-grade", household: "h1", kg: 500)
        other.grade = "B"
        let lots = [
            Self.lot("late", household: "h1", kg: 500, from: "2026-12-01"), Self.lot("now", household: "h1", kg: 10, to: "2026-11-30"), other,
        ]
        var pool = SupplyPool(lots: lots, allocatedGrams: [:], households: households, policy: .registeredPoorFirst)
        #expect(try pool.allocate(Self.demand("1", parcels: 2)).map(\.lotId) == ["now", "now"])
        #expect(throws: SupplyShortage.self) { try pool.allocate(Self.demand("2")) }
        #expect(try pool.allocate(Self.demand("3", date: "2026-12-01")).map(\.lotId) == ["late"])
        #expect(pool.allocatedGrams(lot: "other-grade") == 0)
    }

    @Test func looseTeaSplitsParcelsIntoUnits() throws {
        let households = ["h1": Self.household("h1", poor: true), "h2": Self.household("h2", poor: true)]
        let lots = [Self.lot("a", household: "h1", kg: 3), Self.lot("b", household: "h2", kg: 3)]
        let policy = AllocationPolicy(tiers: AllocationPolicy.registeredPoorFirst.tiers, unitGrams: 500)
        var pool = SupplyPool(lots: lots, allocatedGrams: [:], households: households, policy: policy)
        let allocations = try pool.allocate(Self.demand("tea", parcelGrams: 2000, parcels: 1))
        // 4 units of 500 g alternate between the equal lots; units on the same lot are merged.
        #expect(allocations.map(\.lotId) == ["a", "b"])
        #expect(allocations.map(\.grams) == [1000, 1000])
        #expect(allocations.allSatisfy { $0.parcelIndex == 0 })
        // A parcel the unit does not divide is one unit.
        let odd = try pool.allocate(Self.demand("odd", parcelGrams: 750, parcels: 1))
        #expect(odd.count == 1 && odd[0].grams == 750)
    }

    @Test func unitsForParcels() {
        let households = ["h1": Self.household("h1", poor: true)]
        var pool = SupplyPool(
            lots: [Self.lot("a", household: "h1", kg: 1)],
            allocatedGrams: [:],
            households: households,
            policy: .registeredPoorFirst
        )
        #expect(throws: SupplyShortage.self) { try pool.allocate(Self.demand("zero", parcelGrams: 0)) }
        #expect((try? pool.allocate(Self.demand("none", parcels: 0))) == [])
        #expect(pool.totalAllocatedGrams == 0)
    }

    @Test func lotsNoTierAdmitsAreNeverUsed() throws {
        let households = ["h1": Self.household("h1", poor: false)]
        let policy = AllocationPolicy(tiers: [AllocationTier(name: "poor", registeredPoor: true)])
        var pool = SupplyPool(lots: [Self.lot("a", household: "h1", kg: 100)], allocatedGrams: [:], households: households, policy: policy)
        #expect(throws: SupplyShortage.self) { try pool.allocate(Self.demand("1")) }
    }

    @Test func aCapNeverStopsSalesWhileProduceIsLeft() throws {
        let households = ["h1": Self.household("h1", poor: true), "h2": Self.household("h2", poor: false)]
        let policy = AllocationPolicy(tiers: [
            AllocationTier(name: "poor", registeredPoor: true, maxShare: 50), AllocationTier(name: "others", registeredPoor: false),
        ])
        let lots = [Self.lot("p", household: "h1", kg: 100), Self.lot("o", household: "h2", kg: 10)]
        var pool = SupplyPool(lots: lots, allocatedGrams: [:], households: households, policy: policy)
        // The first unit would give the poor tier 100% > 50%, so it goes to the others; then they alternate.
        #expect(try pool.allocate(Self.demand("1", parcels: 4)).map(\.lotId) == ["o", "p", "o", "p"])
        // The others' lot is full: the capped tier takes the rest rather than refusing the sale.
        #expect(try pool.allocate(Self.demand("2", parcels: 3)).map(\.lotId) == ["p", "p", "p"])
        #expect(pool.allocatedGrams(tier: 0) == 25000)
    }

    @Test func incomeRoundsHalfUp() {
        #expect(ParcelAllocation.incomeFen(grams: 1, priceFenPerKg: 500) == 1)
        #expect(ParcelAllocation.incomeFen(grams: 1, priceFenPerKg: 499) == 0)
        #expect(ParcelAllocation.incomeFen(grams: 2500, priceFenPerKg: 333) == 833)
        #expect(ParcelAllocation.incomeFen(grams: 5_000_000_000, priceFenPerKg: 4_000_000) == 20_000_000_000_000)
    }

    @Test func calendarDays() {
        #expect(CalendarDay.isValid("2026-11-30"))
        #expect(CalendarDay.isValid("2028-02-29"))
        #expect(!CalendarDay.isValid("2026-02-29"))
        #expect(!CalendarDay.isValid("2100-02-29"))
        #expect(!CalendarDay.isValid("2026-13-01"))
        #expect(!CalendarDay.isValid("2026-1-01"))
        #expect(!CalendarDay.isValid("2026/11/01"))
    }

    @Test func householdNameIsMaskedUnlessAgreed() {
        var household = Self.household("h1", poor: true)
        #expect(household.publicName == "张**")
        household.showName = true
        #expect(household.publicName == "张三")
    }
}

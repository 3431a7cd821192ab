import GatewayCore

/// A small hand-made set of households, lots and allocation records for the report tests.
enum AllocationReportFixture {
    static let households: [String: Household] = [
        "h1": Household(id: "h1", name: "张三", village: "黄金村", registeredPoor: true, members: 4),
        "h2": Household(id: "h2", name: "李四", village: "夯沙村", registeredPoor: false, members: 2),
        "h3": Household(id: "h3", name: "王五", village: "黄金村", registeredPoor: true, members: 5),
    ]

    static let lots: [SupplyLot] = [
        SupplyLot(
            id: "l1",
            householdId: "h1",
            enterpriseId: "yunlai",
            product: "ponkan",
            grade: "A",
            capacityGrams: 100_000,
            priceFenPerKg: 300,
            harvestDate: "2026-11-01"
        ),
        SupplyLot(
            id: "l2",
            householdId: "h2",
            enterpriseId: "yunlai",
            product: "ponkan",
            grade: "A",
            capacityGrams: 50_000,
            priceFenPerKg: 300,
            harvestDate: "2026-11-01",
            availableFrom: "2026-11-01",
            availableTo: "2026-11-30"
        ),
        SupplyLot(
            id: "l3",
            householdId: "h3",
            enterpriseId: "yunlai",
            product: "ponkan",
            grade: "A",
            capacityGrams: 50_000,
            priceFenPerKg: 300,
            harvestDate: "2026-12-01",
            availableFrom: "2026-12-01"
        ),
        SupplyLot(
            id: "t1",
            householdId: "h1",
            enterpriseId: "linyin",
            product: "golden-tea",
            grade: "A",
            capacityGrams: 20_000,
            priceFenPerKg: 16000,
            harvestDate: "2026-03-20"
        ),
    ]

    static func record(
        _ lot: String,
        _ household: String,
        grams: Int64,
        date: String,
        enterprise: String = "yunlai",
        reversed: Bool = false,
        refunded: Bool = false
    ) -> AllocationRecord {
        let price: Int64 = enterprise == "yunlai" ? 300 : 16000
        let allocation = ParcelAllocation(
            lineRef: "line-\(lot)-\(date)",
            parcelIndex: 0,
            lotId: lot,
            householdId: household,
            grams: grams,
            tier: "registered-poor",
            quotaGrams: 0,
            deficitGrams: 0,
            incomeFen: ParcelAllocation.incomeFen(grams: grams, priceFenPerKg: price)
        )
        return AllocationRecord(
            allocation: allocation,
            date: date,
            enterpriseId: enterprise,
            product: enterprise == "yunlai" ? "ponkan" : "golden-tea",
            grade: "A",
            reversed: reversed,
            refundedAfterShipment: refunded
        )
    }

    static let records: [AllocationRecord] = [
        record("l1", "h1", grams: 5000, date: "2026-11-10"),
        record("l1", "h1", grams: 5000, date: "2026-11-10", reversed: true),
        record("l2", "h2", grams: 5000, date: "2026-11-10", refunded: true),
        record("l1", "h1", grams: 10000, date: "2026-11-11"),
        record("l3", "h3", grams: 5000, date: "2026-12-02"),
        record("t1", "h1", grams: 250, date: "2026-11-10", enterprise: "linyin"),
    ]
}

import GatewayCore

/// Random households, lots and demands for the allocation property tests.
struct AllocationFixture {
    var households: [String: Household] = [:]
    var lots: [SupplyLot] = []
    var policy: AllocationPolicy

    static let enterprise = "yunlai"
    static let product = "ponkan"
    static let grade = "A"

    /// - Parameters:
    ///   - lotCount: lots, one per household.
    ///   - capacityKg: the range capacities are drawn from, kg (drawn in 100 g steps).
    ///   - windows: whether some lots get availability windows (days 01–20 of 2026-11).
    ///   - foreignLots: whether to add lots of another grade that must never be used.
    init(
        rng: inout SplitMix64,
        lotCount: Int,
        capacityKg: ClosedRange<Int>,
        poorShare: Int = 60,
        windows: Bool = false,
        foreignLots: Bool = false,
        policy: AllocationPolicy
    ) {
        self.policy = policy
        for index in 0..<lotCount {
            let householdId = "H\(1000 + index)"
            let poor = Int.random(in: 0..<100, using: &rng) < poorShare
            households[householdId] = Household(
                id: householdId,
                name: "户\(index)",
                village: "村\(index % 7)",
                registeredPoor: poor,
                members: Int.random(in: 1...6, using: &rng)
            )
            let capacity = Int64(Int.random(in: capacityKg.lowerBound * 10...capacityKg.upperBound * 10, using: &rng)) * 100
            var from: String?
            var to: String?
            if windows && Bool.random(using: &rng) {
                from = Self.day(Int.random(in: 1...10, using: &rng))
                to = Self.day(Int.random(in: 8...20, using: &rng))
            }
            lots.append(
                SupplyLot(
                    id: "L" + padded3(index),
                    householdId: householdId,
                    enterpriseId: Self.enterprise,
                    product: Self.product,
                    grade: Self.grade,
                    capacityGrams: capacity,
                    priceFenPerKg: Int64(Int.random(in: 150...900, using: &rng)),
                    harvestDate: "2026-11-01",
                    availableFrom: from,
                    availableTo: to
                )
            )
            if foreignLots && index % 5 == 0 {
                var other = lots[lots.count - 1]
                other.id = "X" + other.id
                other.grade = "B"
                lots.append(other)
            }
        }
    }

    static func day(_ day: Int) -> String { "2026-11-" + (day < 10 ? "0" : "") + String(day) }

    func pool(allocated: [String: Int64] = [:]) -> SupplyPool {
        SupplyPool(lots: lots, allocatedGrams: allocated, households: households, policy: policy)
    }

    static func demand(_ index: Int, parcelGrams: Int64, parcels: Int, date: String = "2026-11-05") -> SupplyDemand {
        SupplyDemand(
            lineRef: "line-\(index)",
            enterpriseId: enterprise,
            product: product,
            grade: grade,
            date: date,
            parcelGrams: parcelGrams,
            parcels: parcels
        )
    }

    func isPoor(_ householdId: String) -> Bool { households[householdId]?.registeredPoor ?? false }
}

/// A zero-padded three-digit number.
func padded3(_ value: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, 3 - text.count)) + text
}

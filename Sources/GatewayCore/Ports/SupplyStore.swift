/// Households, supply lots, parcel allocations, trace codes and the household ledger (issue #6).
public protocol SupplyStore: Sendable {
    /// Inserts or updates households and supply lots in one transaction (a lot's capacity may not drop
    /// below what is already allocated); orders waiting for supply are re-run. Audited.
    func importSupply(households: [Household], lots: [SupplyLot], actor: String, at now: Timestamp) async throws -> MasterDataChangeSummary

    /// Inserts households, lots and policies that do not exist yet (start-up seeding).
    func seedSupply(households: [Household], lots: [SupplyLot], policies: [String: AllocationPolicy], at now: Timestamp) async throws -> Int

    /// Known household ids.
    func householdIds() async throws -> Set<String>

    /// One household.
    func household(id: String) async throws -> Household?

    /// Households, optionally those supplying one enterprise, by village and name.
    func households(enterpriseId: String?, limit: Int) async throws -> [Household]

    /// Supply lots, optionally of one enterprise.
    func lots(enterpriseId: String?) async throws -> [SupplyLot]

    /// A household's allocations (newest first) within `[from, to]` days.
    func allocations(householdId: String, from: String?, to: String?) async throws -> [StoredAllocation]

    /// An order's allocations, reversed ones included.
    func allocations(of order: OrderKey) async throws -> [StoredAllocation]

    /// Allocation records of an enterprise within `[from, to]`, for reports.
    func records(enterpriseId: String?, from: String?, to: String?) async throws -> [AllocationRecord]

    /// Households marked paid for a period.
    func paidHouseholds(period: String) async throws -> Set<String>

    /// Marks a household's income for a period paid. Audited.
    func markPaid(householdId: String, period: String, actor: String, at now: Timestamp) async throws

    /// The public traceability view of a parcel, when the code is known and the parcel has shipped.
    func trace(code: String) async throws -> TraceView?
}

/// One stored parcel allocation with its order, trace code and state.
public struct StoredAllocation: Sendable, Hashable, Codable {
    /// The allocation (lot, household, grams, quota and deficit that decided it, income).
    public var allocation: ParcelAllocation
    /// The order.
    public var order: OrderKey
    /// The order line.
    public var lineId: String
    /// The enterprise SKU.
    public var skuCode: String
    /// The Beijing day the order was paid.
    public var day: String
    /// The parcel's trace code.
    public var traceCode: String
    /// `active` or `reversed` (cancelled or refunded before shipment).
    public var state: String
    /// Refunded after shipment: the household keeps its income.
    public var refundedAfterShipment: Bool

    /// Creates a stored allocation.
    public init(
        allocation: ParcelAllocation,
        order: OrderKey,
        lineId: String,
        skuCode: String,
        day: String,
        traceCode: String,
        state: String,
        refundedAfterShipment: Bool
    ) {
        self.allocation = allocation
        self.order = order
        self.lineId = lineId
        self.skuCode = skuCode
        self.day = day
        self.traceCode = traceCode
        self.state = state
        self.refundedAfterShipment = refundedAfterShipment
    }
}

/// What the public trace page shows about a parcel: the produce and where it came from — never the buyer.
public struct TraceView: Sendable, Hashable, Codable {
    /// The trace code.
    public var code: String
    /// The product title.
    public var productTitle: String
    /// Product key and grade.
    public var product: String
    /// The grade.
    public var grade: String
    /// Net weight of the parcel, grams.
    public var grams: Int64
    /// Harvest date of the lot.
    public var harvestDate: String
    /// The village.
    public var village: String
    /// The cooperative, if any.
    public var cooperative: String?
    /// The base, if any.
    public var base: String?
    /// The enterprise's name.
    public var enterpriseName: String
    /// The household as it agreed to be shown (masked unless it agreed to its name).
    public var householdName: String
    /// Whether the household is a registered poor household (建档立卡户).
    public var registeredPoor: Bool

    /// Creates a view.
    public init(
        code: String,
        productTitle: String,
        product: String,
        grade: String,
        grams: Int64,
        harvestDate: String,
        village: String,
        cooperative: String?,
        base: String?,
        enterpriseName: String,
        householdName: String,
        registeredPoor: Bool
    ) {
        self.code = code
        self.productTitle = productTitle
        self.product = product
        self.grade = grade
        self.grams = grams
        self.harvestDate = harvestDate
        self.village = village
        self.cooperative = cooperative
        self.base = base
        self.enterpriseName = enterpriseName
        self.householdName = householdName
        self.registeredPoor = registeredPoor
    }
}

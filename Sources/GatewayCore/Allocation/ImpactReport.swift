/// What an enterprise's sales did for the households in a period: the figures the county reports
/// ("2,000 people, 3,000 yuan more each").
///
/// Reversed allocations are left out; allocations refunded after shipment count (the produce was bought).
/// Capacity is that of the enterprise's lots whose availability window overlaps the period (a lot without
/// bounds overlaps every period).
public struct ImpactReport: Sendable, Hashable, Codable {
    /// The enterprise.
    public var enterpriseId: String
    /// First day of the period (`yyyy-MM-dd`, inclusive); `nil` = open.
    public var from: String?
    /// Last day of the period (`yyyy-MM-dd`, inclusive); `nil` = open.
    public var to: String?
    /// Grams supplied by all households.
    public var totalGrams: Int64
    /// Grams supplied by registered poor households.
    public var registeredPoorGrams: Int64
    /// `registeredPoorGrams / totalGrams`, per-mille, rounded half up.
    public var registeredPoorSharePerMille: Int
    /// Capacity of the enterprise's lots overlapping the period, grams.
    public var capacityGrams: Int64
    /// `totalGrams / capacityGrams`, per-mille, rounded half up.
    public var capacityUsedPerMille: Int
    /// Households with at least one counted allocation.
    public var householdsReached: Int
    /// Registered poor households with at least one counted allocation.
    public var registeredPoorHouseholdsReached: Int
    /// People in the households reached.
    public var peopleReached: Int
    /// People in the registered poor households reached.
    public var registeredPoorPeopleReached: Int
    /// Income paid to households, fen.
    public var totalIncomeFen: Int64
    /// `totalIncomeFen / householdsReached`, fen, rounded half up.
    public var averageIncomeFenPerHousehold: Int64

    /// Creates a report from its figures.
    public init(
        enterpriseId: String,
        from: String?,
        to: String?,
        totalGrams: Int64,
        registeredPoorGrams: Int64,
        registeredPoorSharePerMille: Int,
        capacityGrams: Int64,
        capacityUsedPerMille: Int,
        householdsReached: Int,
        registeredPoorHouseholdsReached: Int,
        peopleReached: Int,
        registeredPoorPeopleReached: Int,
        totalIncomeFen: Int64,
        averageIncomeFenPerHousehold: Int64
    ) {
        self.enterpriseId = enterpriseId
        self.from = from
        self.to = to
        self.totalGrams = totalGrams
        self.registeredPoorGrams = registeredPoorGrams
        self.registeredPoorSharePerMille = registeredPoorSharePerMille
        self.capacityGrams = capacityGrams
        self.capacityUsedPerMille = capacityUsedPerMille
        self.householdsReached = householdsReached
        self.registeredPoorHouseholdsReached = registeredPoorHouseholdsReached
        self.peopleReached = peopleReached
        self.registeredPoorPeopleReached = registeredPoorPeopleReached
        self.totalIncomeFen = totalIncomeFen
        self.averageIncomeFenPerHousehold = averageIncomeFenPerHousehold
    }

    /// Computes the report of one enterprise over records.
    /// - Parameters:
    ///   - enterpriseId: the enterprise (records and lots of others are ignored).
    ///   - records: allocation records.
    ///   - lots: supply lots, for capacity.
    ///   - households: households by id (a household missing here counts as not registered poor, 0 people).
    ///   - from: first day, inclusive, or `nil`.
    ///   - to: last day, inclusive, or `nil`.
    public static func make(
        enterpriseId: String,
        records: [AllocationRecord],
        lots: [SupplyLot],
        households: [String: Household],
        from: String?,
        to: String?
    ) -> ImpactReport {
        var totalGrams: Int64 = 0
        var poorGrams: Int64 = 0
        var income: Int64 = 0
        var reached: Set<String> = []
        for record in records where record.enterpriseId == enterpriseId && record.counts && record.isWithin(from: from, to: to) {
            let allocation = record.allocation
            totalGrams += allocation.grams
            income += allocation.incomeFen
            if households[allocation.householdId]?.registeredPoor == true { poorGrams += allocation.grams }
            reached.insert(allocation.householdId)
        }
        var capacity: Int64 = 0
        for lot in lots where lot.enterpriseId == enterpriseId {
            if let from, let availableTo = lot.availableTo, availableTo < from { continue }
            if let to, let availableFrom = lot.availableFrom, availableFrom > to { continue }
            capacity += lot.capacityGrams
        }
        var poorReached = 0
        var people = 0
        var poorPeople = 0
        for id in reached {
            guard let household = households[id] else { continue }
            people += household.members
            if household.registeredPoor {
                poorReached += 1
                poorPeople += household.members
            }
        }
        return ImpactReport(
            enterpriseId: enterpriseId,
            from: from,
            to: to,
            totalGrams: totalGrams,
            registeredPoorGrams: poorGrams,
            registeredPoorSharePerMille: PerMille.of(poorGrams, totalGrams),
            capacityGrams: capacity,
            capacityUsedPerMille: PerMille.of(totalGrams, capacity),
            householdsReached: reached.count,
            registeredPoorHouseholdsReached: poorReached,
            peopleReached: people,
            registeredPoorPeopleReached: poorPeople,
            totalIncomeFen: income,
            averageIncomeFenPerHousehold: PerMille.average(income, over: reached.count)
        )
    }
}

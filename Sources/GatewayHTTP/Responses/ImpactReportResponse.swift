public import GatewayCore

/// The county's impact report (`ImpactReport`): per enterprise, what its purchases meant for farmer households.
/// `gateway report impact --json` prints the same shape.
public struct ImpactReportResponse: Encodable, Sendable {
    /// One enterprise's figures.
    public struct Entry: Encodable, Sendable {
        /// The enterprise.
        public var enterpriseId: String
        /// Weight supplied by households.
        public var suppliedGrams: Int64
        /// Of it, supplied by registered-poor households.
        public var registeredPoorGrams: Int64
        /// Registered-poor share of the weight, per mille.
        public var registeredPoorSharePerMille: Int
        /// The households' declared capacity.
        public var capacityGrams: Int64
        /// Capacity used, per mille.
        public var capacityUsedPerMille: Int
        /// Households that supplied at least one parcel.
        public var householdsReached: Int
        /// Of them, registered poor.
        public var registeredPoorHouseholdsReached: Int
        /// People in the households reached.
        public var peopleReached: Int
        /// People in the registered-poor households reached.
        public var registeredPoorPeopleReached: Int
        /// Income due to the households.
        public var incomeFen: Int64
        /// Income per household reached.
        public var averageIncomePerHouseholdFen: Int64

        /// The API view of one enterprise's report.
        public init(_ report: ImpactReport) {
            enterpriseId = report.enterpriseId
            suppliedGrams = report.totalGrams
            registeredPoorGrams = report.registeredPoorGrams
            registeredPoorSharePerMille = report.registeredPoorSharePerMille
            capacityGrams = report.capacityGrams
            capacityUsedPerMille = report.capacityUsedPerMille
            householdsReached = report.householdsReached
            registeredPoorHouseholdsReached = report.registeredPoorHouseholdsReached
            peopleReached = report.peopleReached
            registeredPoorPeopleReached = report.registeredPoorPeopleReached
            incomeFen = report.totalIncomeFen
            averageIncomePerHouseholdFen = report.averageIncomeFenPerHousehold
        }
    }

    /// First day (Beijing time, inclusive), if limited.
    public var from: String?
    /// Last day (inclusive), if limited.
    public var to: String?
    /// One entry per enterprise.
    public var enterprises: [Entry]

    /// The API view of the reports of one period.
    public init(from: String?, to: String?, reports: [ImpactReport]) {
        self.from = from
        self.to = to
        enterprises = reports.map(Entry.init)
    }

    /// The CSV columns (the keys of `enterprises[]`).
    public static let csvColumns = [
        "enterprise_id", "supplied_grams", "registered_poor_grams", "registered_poor_share_per_mille", "capacity_grams",
        "capacity_used_per_mille", "households_reached", "registered_poor_households_reached", "people_reached",
        "registered_poor_people_reached", "income_fen", "average_income_per_household_fen",
    ]
}

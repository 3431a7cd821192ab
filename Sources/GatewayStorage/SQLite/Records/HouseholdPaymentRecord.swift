import GRDB

/// A row of `household_payments`: a household marked paid for a period, by whom and when.
struct HouseholdPaymentRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "household_payments"

    var householdId: String
    var period: String
    var paidAt: Int64
    var paidBy: String

    enum CodingKeys: String, CodingKey {
        case period
        case householdId = "household_id"
        case paidAt = "paid_at"
        case paidBy = "paid_by"
    }

    /// The table's columns.
    enum Columns {
        static let householdId = Column(CodingKeys.householdId)
        static let period = Column(CodingKeys.period)
        static let paidAt = Column(CodingKeys.paidAt)
        static let paidBy = Column(CodingKeys.paidBy)
    }
}

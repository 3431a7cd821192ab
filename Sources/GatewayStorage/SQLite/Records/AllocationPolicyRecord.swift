import GRDB

/// A row of `allocation_policies`: an enterprise's allocation policy (`AllocationPolicy` as JSON).
struct AllocationPolicyRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "allocation_policies"

    var enterpriseId: String
    var policyJson: String

    enum CodingKeys: String, CodingKey {
        case enterpriseId = "enterprise_id"
        case policyJson = "policy_json"
    }

    /// The table's columns.
    enum Columns {
        static let enterpriseId = Column(CodingKeys.enterpriseId)
        static let policyJson = Column(CodingKeys.policyJson)
    }
}

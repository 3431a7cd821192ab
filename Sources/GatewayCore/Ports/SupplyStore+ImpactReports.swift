extension SupplyStore {
    /// The impact report of each enterprise over `[from, to]`, from the records, lots and households of `scope`
    /// (one enterprise, or `nil` for all) — what the API, the console and `gateway report impact` show.
    public func impactReports(enterpriseIds: [String], scope: String?, from: String?, to: String?) async throws -> [ImpactReport] {
        let records = try await records(enterpriseId: scope, from: from, to: to)
        let lots = try await lots(enterpriseId: scope)
        var byId: [String: Household] = [:]
        for household in try await households(enterpriseId: scope, limit: Int.max) { byId[household.id] = household }
        return enterpriseIds.map {
            ImpactReport.make(enterpriseId: $0, records: records, lots: lots, households: byId, from: from, to: to)
        }
    }
}

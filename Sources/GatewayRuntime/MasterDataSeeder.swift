import Foundation
public import GatewayConfig
public import GatewayCore
import GatewayImport
import GatewayPipeline
public import GatewayStorage

/// Seeds master data at start from the files named in `master_data` (rows that already exist are
/// kept, so changes staff made through the API, the console or imports win).
///
/// ## Configuration keys
/// - `master_data.file`: enterprises, warehouses, SKUs, mappings, stock, live events, allocation policies (YAML).
/// - `master_data.households`: the household registry (CSV, see `HouseholdRegistryImport`).
/// - `master_data.supply_lots`: supply lots (CSV, see `SupplyLotImport`).
public enum MasterDataSeeder {
    /// Seeds the stores.
    /// - Parameters:
    ///   - configuration: the configuration naming the files.
    ///   - stores: the stores to seed.
    ///   - clock: stamps the rows written (the composition root's clock).
    /// - Returns: a one-line summary of what was inserted.
    /// - Throws: `ConfigurationError` or `ImportError` naming the file and every problem.
    @discardableResult
    public static func seed(_ configuration: GatewayConfiguration, into stores: GatewayStores, clock: GatewayClock = .system) async throws -> String {
        let now = clock.now()
        var parts: [String] = []
        var policies: [String: AllocationPolicy] = [:]
        if let file = configuration.masterData.file {
            let seed = try MasterDataLoader(shopKeys: configuration.shops.map(\.key)).load(path: file)
            policies = seed.allocationPolicies
            let summary = try await stores.inventory.seed(seed, at: now)
            let inserted = summary.changed.values.reduce(0, +)
            if inserted > 0 { parts.append("\(inserted) master data row(s)") }
        }
        var households: [Household] = []
        if let file = configuration.masterData.households {
            households = try HouseholdRegistryImport.parse(try document(file))
        }
        var lots: [SupplyLot] = []
        if let file = configuration.masterData.supplyLots {
            let known = Set(households.map(\.id)).union(try await stores.supply.householdIds())
            lots = try SupplyLotImport.parse(try document(file), knownHouseholds: known)
        }
        if !households.isEmpty || !lots.isEmpty || !policies.isEmpty {
            let inserted = try await stores.supply.seedSupply(households: households, lots: lots, policies: policies, at: now)
            if inserted > 0 { parts.append("\(inserted) household, lot or policy row(s)") }
        }
        return parts.isEmpty ? "master data up to date" : "seeded " + parts.joined(separator: ", ")
    }

    private static func document(_ path: String) throws -> CSVDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError(source: path, problems: [ImportProblem(line: nil, message: "cannot read the file")])
        }
        return try CSVDocument.parse(String(decoding: data, as: UTF8.self), source: path)
    }
}

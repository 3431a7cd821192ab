import Foundation
import GatewayCore
import GatewayImport
import Testing

/// The committed demo data (config/households.csv, config/supply-lots.csv from scripts/generate-households.py) imports cleanly.
@Suite struct HouseholdDemoDataImportTests {
    static let config = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../config").standardized

    @Test func demoHouseholdsAndLotsImport() throws {
        let householdText = try String(contentsOf: Self.config.appendingPathComponent("households.csv"), encoding: .utf8)
        let households = try HouseholdRegistryImport.parse(CSVDocument.parse(householdText, source: "households.csv"))
        let lotText = try String(contentsOf: Self.config.appendingPathComponent("supply-lots.csv"), encoding: .utf8)
        let lots = try SupplyLotImport.parse(CSVDocument.parse(lotText, source: "supply-lots.csv"), knownHouseholds: Set(households.map(\.id)))
        let teaHouseholds = Set(lots.filter { $0.enterpriseId == "linyin" }.map(\.householdId))
        let fruitHouseholds = Set(lots.filter { $0.enterpriseId == "yunlai" }.map(\.householdId))
        #expect(teaHouseholds.count == 1435)
        #expect(Set(households.filter { teaHouseholds.contains($0.id) }.map(\.village)).count == 7)
        #expect((900...1100).contains(fruitHouseholds.count))
        let poor = households.filter(\.registeredPoor).count
        #expect((50...70).contains(poor * 100 / households.count))
        #expect(
            Set(lots.map { "\($0.enterpriseId)/\($0.product)/\($0.grade)" }) == [
                "linyin/golden-tea/明前", "yunlai/ponkan/A", "yunlai/ponkan/B", "yunlai/kiwi/A",
            ]
        )
        #expect(lots.allSatisfy { $0.harvestDate.hasPrefix("2026-") && $0.capacityGrams > 0 && $0.priceFenPerKg > 0 })
    }
}

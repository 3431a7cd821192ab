import GatewayCore
import GatewayImport
import Testing

@Suite struct SupplyLotImportTests {
    static let header = "lot_id,household_id,enterprise,product,grade,capacity_kg,price_yuan_per_kg,harvest_date,available_from,available_to\n"
    static let known: Set<String> = ["BJ-0001", "BJ-0002"]

    @Test func importsAGoodFile() throws {
        let text =
            Self.header + "L1,BJ-0001,yunlai,ponkan,A,1250.5,3.2,2026-11-05,2026-11-01,2026-12-31\n"
            + "L2,BJ-0002,linyin,golden-tea,,12.125,160,2026-03-25,,\n"
        let lots = try SupplyLotImport.parse(CSVDocument.parse(text, source: "lots.csv"), knownHouseholds: Self.known)
        #expect(lots.count == 2)
        #expect(lots[0].capacityGrams == 1_250_500 && lots[0].priceFenPerKg == 320)
        #expect(lots[0].availableFrom == "2026-11-01" && lots[0].availableTo == "2026-12-31")
        #expect(lots[1].capacityGrams == 12125 && lots[1].priceFenPerKg == 16000 && lots[1].grade == "")
        #expect(lots[1].availableFrom == nil && lots[1].availableTo == nil)
    }

    @Test func acceptsPricesInFen() throws {
        let text =
            "lot_id,household_id,enterprise,product,grade,capacity_kg,price_fen_per_kg,harvest_date\nL1,BJ-0001,yunlai,kiwi,A,300,450,2026-10-10\n"
        let lots = try SupplyLotImport.parse(CSVDocument.parse(text, source: "lots.csv"), knownHouseholds: Self.known)
        #expect(lots.map(\.priceFenPerKg) == [450])
        #expect(lots.map(\.capacityGrams) == [300_000])
    }

    @Test func reportsEveryBadRowWithItsLine() throws {
        let text =
            Self.header
            + "L1,BJ-0001,yunlai,ponkan,A,100,3.20,2026-11-05,,\n"  // 2: good
            + "L2,BJ-9999,yunlai,ponkan,A,100,3.20,2026-11-05,,\n"  // 3: unknown household
            + "L1,BJ-0002,yunlai,ponkan,A,100,3.20,2026-11-05,,\n"  // 4: duplicate lot
            + "L4,BJ-0002,yunlai,ponkan,A,1.2345,3.20,2026-11-05,,\n"  // 5: 4 decimals
            + "L5,BJ-0002,yunlai,ponkan,A,-3,3.20,2026-11-05,,\n"  // 6: negative capacity
            + "L6,BJ-0002,yunlai,ponkan,A,100,3.201,2026-11-05,,\n"  // 7: price with 3 decimals
            + "L7,BJ-0002,yunlai,ponkan,A,100,3.20,2026-02-30,,\n"  // 8: no such day
            + "L8,BJ-0002,yunlai,ponkan,A,100,3.20,2026-11-05,2026-12-01,2026-11-01\n"  // 9: window backwards
            + "L9,BJ-0002,yunlai,ponkan,A,100,,2026-11-05,11/01/2026,\n"  // 10: missing price, bad from
        let document = try CSVDocument.parse(text, source: "lots.csv")
        var problems: [ImportProblem] = []
        do {
            let lots = try SupplyLotImport.parse(document, knownHouseholds: Self.known)
            Issue.record("expected an import error, got \(lots.count) lots")
        } catch {
            problems = error.problems
        }
        let found = problems.map { "\($0.line ?? 0):\($0.column ?? "")" }
        #expect(
            found == [
                "3:household_id", "4:lot_id", "5:capacity_kg", "6:capacity_kg", "7:price_yuan_per_kg", "8:harvest_date", "9:available_to",
                "10:price_yuan_per_kg", "10:available_from",
            ]
        )
    }

    @Test func missingPriceColumnIsReported() throws {
        let text = "lot_id,household_id,enterprise,product,grade,capacity_kg,harvest_date\nL1,BJ-0001,yunlai,kiwi,A,300,2026-10-10\n"
        let document = try CSVDocument.parse(text, source: "lots.csv")
        #expect(throws: ImportError.self) { try SupplyLotImport.parse(document, knownHouseholds: Self.known) }
    }
}

import GatewayCore
import GatewayImport
import Testing

@Suite struct HouseholdRegistryImportTests {
    static let header = "household_id,name,village,cooperative,base,registered_poor,members,show_name\n"

    @Test func importsAGoodFile() throws {
        let text = Self.header + "BJ-0001,张三,黄金村,HJ-COOP,HJ-BASE-1,是,4,1\nBJ-0002, 李四 ,夯沙村,,,0,2,\nBJ-0003,王五,黄金村,HJ-COOP,,yes,5,否\n"
        let households = try HouseholdRegistryImport.parse(CSVDocument.parse(text, source: "households.csv"))
        #expect(households.map(\.id) == ["BJ-0001", "BJ-0002", "BJ-0003"])
        #expect(households[0].registeredPoor && households[0].showName && households[0].members == 4)
        #expect(households[0].cooperativeId == "HJ-COOP" && households[0].baseId == "HJ-BASE-1")
        #expect(households[1].name == "李四" && !households[1].registeredPoor && !households[1].showName)
        #expect(households[1].cooperativeId == nil && households[1].baseId == nil)
        #expect(households[2].registeredPoor && !households[2].showName)
    }

    @Test func showNameColumnIsOptional() throws {
        let text = "household_id,name,village,cooperative,base,registered_poor,members\nBJ-1,张三,黄金村,,,true,3\n"
        let households = try HouseholdRegistryImport.parse(CSVDocument.parse(text, source: "h.csv"))
        #expect(households.count == 1 && !households[0].showName && households[0].registeredPoor)
    }

    static func problems(_ text: String) throws -> [ImportProblem] {
        let document = try CSVDocument.parse(text, source: "h.csv")
        do {
            let households = try HouseholdRegistryImport.parse(document)
            Issue.record("expected an import error, got \(households.count) households")
            return []
        } catch {
            return error.problems
        }
    }

    @Test func reportsEveryBadRowWithItsLine() throws {
        let text =
            Self.header
            + "BJ-0001,张三,黄金村,,,1,4,\n"  // line 2: good
            + ",李四,黄金村,,,1,4,\n"  // line 3: missing id
            + "BJ-0001,王五,黄金村,,,0,4,\n"  // line 4: duplicate id
            + "BJ-0004,赵六,黄金村,,,maybe,4,\n"  // line 5: bad flag
            + "BJ-0005,钱七,黄金村,,,1,0,\n"  // line 6: members 0
            + "BJ-0006,孙八,黄金村,,,1,two,\n"  // line 7: members not a number
            + "BJ-0007,周九,,,,1,3,sometimes\n"  // line 8: missing village and bad show_name
        let problems = try Self.problems(text)
        let found = problems.map { "\($0.line ?? 0):\($0.column ?? "")" }
        #expect(
            found == [
                "3:household_id", "4:household_id", "5:registered_poor", "6:members", "7:members", "8:village", "8:show_name",
            ]
        )
        #expect(problems[1].message.contains("line 2"))
    }

    @Test func missingColumnsAreNamed() throws {
        let document = try CSVDocument.parse("household_id,name\nBJ-1,张三\n", source: "h.csv")
        #expect(throws: ImportError.self) { try HouseholdRegistryImport.parse(document) }
        do {
            _ = try HouseholdRegistryImport.parse(document)
        } catch {
            #expect(error.description.contains("registered_poor"))
        }
    }
}

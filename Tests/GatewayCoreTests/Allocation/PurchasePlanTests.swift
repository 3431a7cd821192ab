import GatewayCore
import Testing

@Suite struct PurchasePlanTests {
    @Test func groupsByHouseholdAndLotSortedByVillage() {
        var records = AllocationReportFixture.records
        records.append(AllocationReportFixture.record("l3", "h3", grams: 2500, date: "2026-11-10"))
        records.append(AllocationReportFixture.record("l1", "h1", grams: 2500, date: "2026-11-10"))
        let plan = PurchasePlan.make(enterpriseId: "yunlai", date: "2026-11-10", records: records, households: AllocationReportFixture.households)
        // 夯沙村 sorts before 黄金村 (by code point); within a village by household id.
        #expect(plan.lines.map(\.householdId) == ["h2", "h1", "h3"])
        #expect(plan.lines.map(\.village) == ["夯沙村", "黄金村", "黄金村"])
        #expect(plan.lines.map(\.grams) == [5000, 7500, 2500])
        #expect(plan.lines[1].amountFen == 1500 + 750)
        #expect(plan.lines[1].householdName == "张三")
        #expect(plan.totalGrams == 15000)
        #expect(plan.totalAmountFen == plan.lines.reduce(0) { $0 + $1.amountFen })
        let tea = PurchasePlan.make(enterpriseId: "linyin", date: "2026-11-10", records: records, households: AllocationReportFixture.households)
        #expect(tea.lines.count == 1 && tea.lines[0].product == "golden-tea")
    }
}

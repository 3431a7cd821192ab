import GatewayCore
import Testing

@Suite struct ImpactReportTests {
    @Test func reportsTheCountysFigures() {
        let report = ImpactReport.make(
            enterpriseId: "yunlai",
            records: AllocationReportFixture.records,
            lots: AllocationReportFixture.lots,
            households: AllocationReportFixture.households,
            from: "2026-11-01",
            to: "2026-11-30"
        )
        // Counted: h1 5 kg + 10 kg (poor), h2 5 kg (refunded after shipment, still counts).
        #expect(report.totalGrams == 20000)
        #expect(report.registeredPoorGrams == 15000)
        #expect(report.registeredPoorSharePerMille == 750)
        // l1 (open) and l2 (November) overlap the period; l3 starts in December.
        #expect(report.capacityGrams == 150_000)
        #expect(report.capacityUsedPerMille == 133)
        #expect(report.householdsReached == 2)
        #expect(report.registeredPoorHouseholdsReached == 1)
        #expect(report.peopleReached == 6)
        #expect(report.registeredPoorPeopleReached == 4)
        #expect(report.totalIncomeFen == 6000)
        #expect(report.averageIncomeFenPerHousehold == 3000)
    }

    @Test func wholeSeasonAndEmptyPeriods() {
        let season = ImpactReport.make(
            enterpriseId: "yunlai",
            records: AllocationReportFixture.records,
            lots: AllocationReportFixture.lots,
            households: AllocationReportFixture.households,
            from: nil,
            to: nil
        )
        #expect(season.householdsReached == 3)
        #expect(season.capacityGrams == 200_000)
        #expect(season.registeredPoorSharePerMille == 800)
        // 7500 fen over 3 households.
        #expect(season.averageIncomeFenPerHousehold == 2500)
        let empty = ImpactReport.make(
            enterpriseId: "yunlai",
            records: AllocationReportFixture.records,
            lots: AllocationReportFixture.lots,
            households: AllocationReportFixture.households,
            from: "2027-01-01",
            to: "2027-01-31"
        )
        #expect(empty.totalGrams == 0 && empty.registeredPoorSharePerMille == 0 && empty.averageIncomeFenPerHousehold == 0)
    }

    @Test func perMilleRoundsHalfUp() {
        #expect(PerMille.of(1, 3) == 333)
        #expect(PerMille.of(2, 3) == 667)
        #expect(PerMille.of(1, 2000) == 1)
        #expect(PerMille.of(1, 2001) == 0)
        #expect(PerMille.of(5, 0) == 0)
        #expect(PerMille.average(5, over: 2) == 3)
        #expect(PerMille.average(4, over: 3) == 1)
    }
}

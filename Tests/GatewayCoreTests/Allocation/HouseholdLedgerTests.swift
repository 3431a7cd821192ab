import GatewayCore
import Testing

@Suite struct HouseholdLedgerTests {
    @Test func sumsCountedRecordsOfThePeriod() {
        let records = AllocationReportFixture.records
        let ledger = HouseholdLedger.make(householdId: "h1", records: records, from: "2026-11-01", to: "2026-11-30", paid: true)
        // 5 kg + 10 kg of ponkan at 3.00/kg and 250 g of tea at 160.00/kg; the reversed 5 kg is left out.
        #expect(ledger.grams == 15250)
        #expect(ledger.incomeFen == 1500 + 3000 + 4000)
        #expect(ledger.allocations == 3)
        #expect(ledger.paid)
        let november10 = HouseholdLedger.make(householdId: "h1", records: records, from: "2026-11-10", to: "2026-11-10", paid: false)
        #expect(november10.grams == 5250)
        #expect(!november10.paid)
    }

    @Test func refundedAfterShipmentKeepsTheIncome() {
        let ledger = HouseholdLedger.make(householdId: "h2", records: AllocationReportFixture.records, from: nil, to: nil, paid: false)
        #expect(ledger.grams == 5000)
        #expect(ledger.incomeFen == 1500)
        #expect(ledger.refundedAfterShipmentGrams == 5000)
    }

    @Test func allListsEachHouseholdOnceWithItsPaidFlag() {
        let ledgers = HouseholdLedger.all(records: AllocationReportFixture.records, from: nil, to: "2026-11-30", paidHouseholds: ["h2"])
        #expect(ledgers.map(\.householdId) == ["h1", "h2"])
        #expect(ledgers.map(\.paid) == [false, true])
        for ledger in ledgers {
            let single = HouseholdLedger.make(
                householdId: ledger.householdId,
                records: AllocationReportFixture.records,
                from: nil,
                to: "2026-11-30",
                paid: ledger.paid
            )
            #expect(single == ledger)
        }
    }
}

import ArgumentParser
import Foundation
import GatewayConfig
import GatewayCore
import GatewayHTTP
import GatewayImport
import GatewayStorage

/// `gateway report impact`: what the enterprises' purchases meant for farmer households.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "County reports.", subcommands: [Impact.self])

    /// `gateway report impact [--from DAY] [--to DAY] [--enterprise E] [--csv]`.
    struct Impact: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Per enterprise: kg supplied, registered-poor share, capacity used, households reached, average income per household."
        )
        @OptionGroup var options: ConfigOptions
        @Option(help: "First day (yyyy-MM-dd), inclusive.") var from: String?
        @Option(help: "Last day (yyyy-MM-dd), inclusive.") var to: String?
        @Option(help: "Only this enterprise.") var enterprise: String?
        @Flag(help: "Print CSV (the API's JSON keys as columns) instead of a table.") var csv = false
        @Flag(help: "Print the staff API's JSON (as GET /api/v1/reports/impact) instead of a table.") var json = false

        func validate() throws {
            for day in [from, to].compactMap({ $0 }) where !CalendarDay.isValid(day) { throw ValidationError("\(day) is not a day (yyyy-MM-dd)") }
        }

        func run() async throws {
            let stores = try await StoreAccess.open(try options.load())
            let data = try await stores.inventory.masterData()
            let enterprises = enterprise.map { [$0] } ?? data.enterprises.keys.sorted()
            let reports = try await stores.supply.impactReports(enterpriseIds: enterprises, scope: enterprise, from: from, to: to)
            let response = ImpactReportResponse(from: from, to: to, reports: reports)
            if json {
                try JSONOutput.printValue(response)
                return
            }
            if csv {
                print(APICSV.text(items: response.enterprises, columns: ImpactReportResponse.csvColumns, byteOrderMark: false), terminator: "")
                return
            }
            let header = [
                "enterprise", "kg", "poor_kg", "poor_share_%", "capacity_used_%", "households", "poor_households", "income_yuan", "avg_income_yuan",
            ]
            let rows = reports.map { report -> [String] in
                [
                    report.enterpriseId, Weight.kilogramsString(fromGrams: report.totalGrams),
                    Weight.kilogramsString(fromGrams: report.registeredPoorGrams),
                    percent(report.registeredPoorSharePerMille), percent(report.capacityUsedPerMille), String(report.householdsReached),
                    String(report.registeredPoorHouseholdsReached), Money.yuanString(fromFen: report.totalIncomeFen),
                    Money.yuanString(fromFen: report.averageIncomeFenPerHousehold),
                ]
            }
            print("impact \(from ?? "…") to \(to ?? "…")")
            let widths = header.indices.map { column in ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0 }
            for row in [header] + rows {
                print(row.indices.map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  "))
            }
        }

        private func percent(_ perMille: Int) -> String { "\(perMille / 10).\(perMille % 10)" }
    }
}

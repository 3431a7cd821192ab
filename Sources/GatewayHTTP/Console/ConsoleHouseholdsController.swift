import Foundation
import GatewayCore
import GatewayImport
import Hummingbird

/// Farmer households (农户): the list (staff: households supplying their enterprise), one household's parcels and ledger,
/// and the impact report per enterprise with a CSV link (`/api/v1/reports/impact?format=csv`, readable with the session cookie).
///
/// - `GET /console/households?from=&to=`
/// - `GET /console/households/{id}?from=&to=`
struct ConsoleHouseholdsController: Sendable {
    let supply: (any SupplyStore)?
    let inventory: (any InventoryStore)?
    let renderer: ConsoleRenderer

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/households") { request, context in try await self.list(request, context: context) }
        group.get("/households.csv") { request, context in try await self.export(request, context: context) }
        group.get("/households/:id") { request, context in try await self.household(request, context: context) }
    }

    private func days(_ request: Request) throws -> (from: String?, to: String?) {
        let from = ConsoleFormat.parameter(request, "from")
        let to = ConsoleFormat.parameter(request, "to")
        for day in [from, to].compactMap({ $0 }) where !CalendarDay.isValid(day) {
            throw HTTPError(.badRequest, message: "\(day) is not a day (yyyy-MM-dd)")
        }
        return (from, to)
    }

    /// `GET /console/households.csv`: the (scoped) household list as CSV.
    func export(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard let supply else { throw HTTPError(.notFound, message: "supply is not served") }
        let enterprise = principal.role == .staff ? principal.user.enterpriseId ?? "" : nil
        // The columns are the staff API's JSON keys (`GET /api/v1/households`).
        let items = try await supply.households(enterpriseId: enterprise, limit: 100_000).map(HouseholdResponse.init)
        return ConsoleInventoryController.csv(APICSV.text(items: items, columns: HouseholdResponse.csvColumns), fileName: "households.csv")
    }

    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let (from, to) = try days(request)
        var data: [String: Any] = ["unavailable": supply == nil || inventory == nil, "from": from ?? "", "to": to ?? ""]
        guard let supply, let inventory else {
            return renderer.page("households", titleKey: "households.title", active: "households", data: data, request: request, context: context)
        }
        let enterprise = principal.role == .staff ? principal.user.enterpriseId ?? "" : nil
        let households = try await supply.households(enterpriseId: enterprise, limit: 2000)
        data["households"] = households.map { household -> [String: Any] in
            [
                "id": household.id, "href": "/console/households/" + ConsoleFormat.segment(household.id), "name": household.name,
                "village": household.village, "poor": household.registeredPoor, "members": household.members,
            ]
        }
        data["empty"] = households.isEmpty
        let master = try await inventory.masterData()
        let enterprises = enterprise.map { [$0] } ?? master.enterprises.keys.sorted()
        let reports = try await supply.impactReports(enterpriseIds: enterprises, scope: enterprise, from: from, to: to)
        data["reports"] = reports.map { report -> [String: Any] in
            [
                "enterprise": report.enterpriseId, "kg": Weight.kilogramsString(fromGrams: report.totalGrams),
                "poorKg": Weight.kilogramsString(fromGrams: report.registeredPoorGrams),
                "poorShare": Self.percent(report.registeredPoorSharePerMille),
                "households": report.householdsReached, "poorHouseholds": report.registeredPoorHouseholdsReached, "people": report.peopleReached,
                "income": ConsoleFormat.yuan(report.totalIncomeFen), "average": ConsoleFormat.yuan(report.averageIncomeFenPerHousehold),
            ]
        }
        data["csvHref"] = "/api/v1/reports/impact?" + ConsoleFormat.query([("format", "csv"), ("from", from), ("to", to)])
        return renderer.page("households", titleKey: "households.title", active: "households", data: data, request: request, context: context)
    }

    func household(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard let supply, let inventory else { throw HTTPError(.notFound, message: "households are not configured") }
        let id = try context.parameters.require("id")
        let (from, to) = try days(request)
        guard let household = try await supply.household(id: id) else { throw HTTPError(.notFound, message: "no household \(id)") }
        let master = try await inventory.masterData()
        var parcels = try await supply.allocations(householdId: id, from: from, to: to)
        if principal.role == .staff {
            let lots = try await supply.lots(enterpriseId: principal.user.enterpriseId ?? "")
            guard lots.contains(where: { $0.householdId == id }) else {
                throw HTTPError(.forbidden, message: "household \(id) does not supply your enterprise")
            }
            parcels = parcels.filter { principal.canRead(enterprise: master.skus[$0.skuCode]?.enterpriseId) }
        }
        let records = parcels.map { stored in
            AllocationRecord(
                allocation: stored.allocation,
                date: stored.day,
                enterpriseId: "",
                product: "",
                grade: "",
                reversed: stored.state == "reversed",
                refundedAfterShipment: stored.refundedAfterShipment
            )
        }
        let ledger = HouseholdLedger.make(householdId: id, records: records, from: from, to: to, paid: false)
        let data: [String: Any] = [
            "id": household.id, "name": household.name, "village": household.village, "poor": household.registeredPoor,
            "members": household.members, "from": from ?? "", "to": to ?? "",
            "ledger": [
                "kg": Weight.kilogramsString(fromGrams: ledger.grams), "income": ConsoleFormat.yuan(ledger.incomeFen),
                "count": ledger.allocations, "refundedKg": Weight.kilogramsString(fromGrams: ledger.refundedAfterShipmentGrams),
            ],
            "parcels": parcels.map { stored -> [String: Any] in
                [
                    "day": stored.day, "orderId": stored.order.platformOrderId, "orderHref": ConsoleFormat.orderHref(stored.order),
                    "sku": stored.skuCode, "lot": stored.allocation.lotId, "kg": Weight.kilogramsString(fromGrams: stored.allocation.grams),
                    "tier": stored.allocation.tier, "income": ConsoleFormat.yuan(stored.allocation.incomeFen), "trace": stored.traceCode,
                    "state": stored.state,
                ]
            },
        ]
        return renderer.page("household", titleKey: "households.household", active: "households", data: data, request: request, context: context)
    }

    /// `12.5%` from per mille.
    static func percent(_ perMille: Int) -> String {
        "\(perMille / 10).\(perMille % 10)%"
    }
}

import Foundation
import GatewayCore
import GatewayImport
import Hummingbird

/// The farmer supply part of the staff API (issue #6). Staff see households supplying their own
/// enterprise and only their enterprise's allocations; admins and auditors see all.
///
/// - `GET /api/v1/households?enterprise=&limit=`: households.
/// - `GET /api/v1/households/{id}/allocations?from=&to=&period=`: the household's parcels (with the quota and
///   remainder that decided each) and its ledger: kg supplied, income due in fen, paid or not for `period`.
/// - `POST /api/v1/households/{id}/payments` `{"period"}`: mark a period paid (admin).
/// - `GET /api/v1/reports/impact?from=&to=&enterprise=&format=csv`: the county's figures per enterprise.
/// - `GET /api/v1/purchase-plans?enterprise=&day=&format=csv`: what to collect from each household that day.
/// - `POST /api/v1/supply-lots/{id}` `{"capacity_kg"}`: change a lot's declared capacity during the season
///   (never below what is allocated; lines waiting for supply re-run).
struct SupplyAPIController: Sendable {
    let supply: any SupplyStore
    let inventory: any InventoryStore
    let clock: @Sendable () -> Timestamp

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/households") { request, context in try await self.households(request, context: context) }
        group.get("/households/:id/allocations") { request, context in try await self.allocations(request, context: context) }
        group.post("/households/:id/payments") { request, context in try await self.markPaid(request, context: context) }
        group.get("/reports/impact") { request, context in try await self.impact(request, context: context) }
        group.get("/purchase-plans") { request, context in try await self.purchasePlan(request, context: context) }
        group.post("/supply-lots/:id") { request, context in try await self.updateCapacity(request, context: context) }
    }

    func households(_ request: Request, context: AppRequestContext) async throws -> Response {
        let enterprise = try scopedEnterprise(request, context: context)
        let limit = QueryLimits.clampedLimit(request.uri.queryParameters.get("limit"), fallback: 2000, range: 1...10_000)
        return try JSONResponse.encode(["households": try await supply.households(enterpriseId: enterprise, limit: limit)])
    }

    func allocations(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let id = try context.parameters.require("id")
        guard let household = try await supply.household(id: id) else { return JSONResponse.error(.notFound, "no household \(id)") }
        let parameters = request.uri.queryParameters
        let from = parameters.get("from")
        let to = parameters.get("to")
        for day in [from, to].compactMap({ $0 }) where !CalendarDay.isValid(day) {
            return JSONResponse.error(.badRequest, "\(day) is not a day (yyyy-MM-dd)")
        }
        var parcels = try await supply.allocations(householdId: id, from: from, to: to)
        if principal.role == .staff {
            let data = try await inventory.masterData()
            parcels = parcels.filter { principal.canRead(enterprise: data.skus[$0.skuCode]?.enterpriseId) }
            let lots = try await supply.lots(enterpriseId: principal.user.enterpriseId)
            guard lots.contains(where: { $0.householdId == id }) else {
                throw HTTPError(.forbidden, message: "household \(id) does not supply \(principal.user.enterpriseId ?? "your enterprise")")
            }
        }
        let period = parameters.get("period") ?? from.map { String($0.prefix(7)) } ?? String(CalendarDay.beijing(clock()).prefix(7))
        let paid = try await supply.paidHouseholds(period: period).contains(id)
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
        struct Answer: Encodable {
            var household: Household
            var period: String
            var ledger: HouseholdLedger
            var allocations: [StoredAllocation]
        }
        let ledger = HouseholdLedger.make(householdId: id, records: records, from: from, to: to, paid: paid)
        return try JSONResponse.encode(Answer(household: household, period: period, ledger: ledger, allocations: parcels))
    }

    func markPaid(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Body: Decodable { var period: String }
        let principal = try context.requireAdmin()
        let id = try context.parameters.require("id")
        let buffer = try await request.body.collect(upTo: 1 << 16)
        guard let body = try? JSONDecoder().decode(Body.self, from: Data(buffer.readableBytesView)), !body.period.isEmpty else {
            return JSONResponse.error(.badRequest, "give {\"period\": \"2026-11\"}")
        }
        do {
            try await supply.markPaid(householdId: id, period: body.period, actor: principal.auditActor, at: clock())
        } catch let error as InventoryStoreError {
            return JSONResponse.error(.notFound, error.description)
        }
        return try JSONResponse.encode(["household": id, "period": body.period, "paid": "true"])
    }

    func impact(_ request: Request, context: AppRequestContext) async throws -> Response {
        let parameters = request.uri.queryParameters
        let from = parameters.get("from")
        let to = parameters.get("to")
        for day in [from, to].compactMap({ $0 }) where !CalendarDay.isValid(day) {
            return JSONResponse.error(.badRequest, "\(day) is not a day (yyyy-MM-dd)")
        }
        let enterprise = try scopedEnterprise(request, context: context)
        let data = try await inventory.masterData()
        let enterprises = enterprise.map { [$0] } ?? data.enterprises.keys.sorted()
        let reports = try await supply.impactReports(enterpriseIds: enterprises, scope: enterprise, from: from, to: to)
        if parameters.get("format") == "csv" {
            let header = [
                "enterprise", "from", "to", "kg_supplied", "registered_poor_kg", "registered_poor_share_permille", "capacity_kg",
                "capacity_used_permille",
                "households_reached", "registered_poor_households_reached", "people_reached", "income_yuan", "average_income_yuan_per_household",
            ]
            let rows = reports.map { report -> [String] in
                [
                    report.enterpriseId, report.from ?? "", report.to ?? "", Weight.kilogramsString(fromGrams: report.totalGrams),
                    Weight.kilogramsString(fromGrams: report.registeredPoorGrams), String(report.registeredPoorSharePerMille),
                    Weight.kilogramsString(fromGrams: report.capacityGrams), String(report.capacityUsedPerMille), String(report.householdsReached),
                    String(report.registeredPoorHouseholdsReached), String(report.peopleReached), Money.yuanString(fromFen: report.totalIncomeFen),
                    Money.yuanString(fromFen: report.averageIncomeFenPerHousehold),
                ]
            }
            return JSONResponse.raw(CSVExport.text(header: header, rows: rows), status: 200, contentType: "text/csv; charset=utf-8")
        }
        return try JSONResponse.encode(["reports": reports])
    }

    func purchasePlan(_ request: Request, context: AppRequestContext) async throws -> Response {
        let parameters = request.uri.queryParameters
        guard let enterprise = try scopedEnterprise(request, context: context) ?? parameters.get("enterprise") else {
            return JSONResponse.error(.badRequest, "give enterprise=")
        }
        let day = parameters.get("day") ?? CalendarDay.beijing(clock())
        guard CalendarDay.isValid(day) else { return JSONResponse.error(.badRequest, "\(day) is not a day (yyyy-MM-dd)") }
        var households: [String: Household] = [:]
        for household in try await supply.households(enterpriseId: enterprise, limit: 100_000) { households[household.id] = household }
        let plan = PurchasePlan.make(
            enterpriseId: enterprise,
            date: day,
            records: try await supply.records(enterpriseId: enterprise, from: day, to: day),
            households: households
        )
        if parameters.get("format") == "csv" {
            let rows = plan.lines.map {
                [
                    $0.village, $0.householdId, $0.householdName, $0.lotId, $0.product, $0.grade, Weight.kilogramsString(fromGrams: $0.grams),
                    Money.yuanString(fromFen: $0.amountFen),
                ]
            }
            let header = ["village", "household_id", "household", "lot_id", "product", "grade", "kg", "amount_yuan"]
            return JSONResponse.raw(CSVExport.text(header: header, rows: rows), status: 200, contentType: "text/csv; charset=utf-8")
        }
        return try JSONResponse.encode(plan)
    }

    func updateCapacity(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Body: Decodable { var capacity_kg: String }
        let id = try context.parameters.require("id")
        guard var lot = try await supply.lots(enterpriseId: nil).first(where: { $0.id == id }) else {
            return JSONResponse.error(.notFound, "no supply lot \(id)")
        }
        let principal = try context.requireWrite(enterprise: lot.enterpriseId)
        let buffer = try await request.body.collect(upTo: 1 << 16)
        guard let body = try? JSONDecoder().decode(Body.self, from: Data(buffer.readableBytesView)),
            let grams = Weight.grams(fromKilograms: body.capacity_kg)
        else { return JSONResponse.error(.badRequest, "give {\"capacity_kg\": \"120.5\"}") }
        lot.capacityGrams = grams
        do {
            let summary = try await supply.importSupply(households: [], lots: [lot], actor: principal.auditActor, at: clock())
            return try JSONResponse.encode(summary)
        } catch let error as InventoryStoreError {
            return JSONResponse.error(.unprocessableContent, error.description)
        }
    }

    /// The enterprise a request is about: staff are always kept to their own.
    private func scopedEnterprise(_ request: Request, context: AppRequestContext) throws -> String? {
        let principal = try context.requirePrincipal()
        let asked = request.uri.queryParameters.get("enterprise")
        if principal.role == .staff {
            if let asked { try context.requireRead(enterprise: asked) }
            return principal.user.enterpriseId
        }
        return asked
    }
}

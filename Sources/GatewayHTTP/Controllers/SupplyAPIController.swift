import Foundation
import GatewayCore
import GatewayImport
import Hummingbird

/// The farmer supply part of the staff API (issue #6). Staff see households supplying their own
/// enterprise and only their enterprise's allocations; admins and auditors see all. Shapes, parameters and
/// errors: `API/openapi.yaml`.
///
/// - `GET /api/v1/households?enterprise=&limit=&cursor=`: households.
/// - `GET /api/v1/households/{id}?from=&to=&period=`: the household and its ledger: weight supplied, income due in
///   fen, paid or not for `period`.
/// - `GET /api/v1/households/{id}/allocations?from=&to=&limit=&cursor=`: the household's parcels (with the quota and
///   remainder that decided each).
/// - `POST /api/v1/households/{id}/payments` `{"period"}`: mark a period paid (admin).
/// - `GET /api/v1/reports/impact?from=&to=&enterprise=&format=csv`: the county's figures per enterprise.
/// - `GET /api/v1/purchase-plans?enterprise=&day=&format=csv`: what to collect from each household that day.
/// - `POST /api/v1/supply-lots/{id}` `{"capacity_grams"}`: change a lot's declared capacity during the season
///   (never below what is allocated; lines waiting for supply re-run).
struct SupplyAPIController: Sendable {
    let supply: any SupplyStore
    let inventory: any InventoryStore
    let clock: @Sendable () -> Timestamp

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/households") { request, context in try await self.households(request, context: context) }
        group.get("/households/:id") { request, context in try await self.household(request, context: context) }
        group.get("/households/:id/allocations") { request, context in try await self.allocations(request, context: context) }
        group.post("/households/:id/payments") { request, context in try await self.markPaid(request, context: context) }
        group.get("/reports/impact") { request, context in try await self.impact(request, context: context) }
        group.get("/purchase-plans") { request, context in try await self.purchasePlan(request, context: context) }
        group.post("/supply-lots/:id") { request, context in try await self.updateCapacity(request, context: context) }
    }

    func households(_ request: Request, context: AppRequestContext) async throws -> Response {
        let enterprise = try scopedEnterprise(request, context: context)
        let page = try PageRequest.parse(request)
        let rows = try await supply.households(enterpriseId: enterprise, limit: page.rowsToRead)
        return APIJSON.response(APIPage(all: rows.map(HouseholdResponse.init), page: page))
    }

    func household(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (household, from, to) = try await visibleHousehold(request, context: context)
        let parameters = request.uri.queryParameters
        let period = parameters.get("period") ?? from.map { String($0.prefix(7)) } ?? String(CalendarDay.beijing(clock()).prefix(7))
        guard APIDay.isValidMonth(period) else { throw APIError.parameter("period \"\(period)\" is not a month (yyyy-MM)") }
        let parcels = try await visibleAllocations(household.id, from: from, to: to, context: context)
        let paid = try await supply.paidHouseholds(period: period).contains(household.id)
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
        let ledger = HouseholdLedger.make(householdId: household.id, records: records, from: from, to: to, paid: paid)
        return APIJSON.response(HouseholdDetailResponse(household: household, period: period, ledger: ledger))
    }

    func allocations(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (household, from, to) = try await visibleHousehold(request, context: context)
        let page = try PageRequest.parse(request)
        let parcels = try await visibleAllocations(household.id, from: from, to: to, context: context)
        return APIJSON.response(APIPage(all: parcels.map(AllocationResponse.init), page: page))
    }

    /// The household of the path with the `from`/`to` days, once the caller may see it.
    private func visibleHousehold(_ request: Request, context: AppRequestContext) async throws -> (Household, String?, String?) {
        let principal = try context.requirePrincipal()
        let id = try context.parameters.require("id")
        let parameters = request.uri.queryParameters
        let from = parameters.get("from")
        let to = parameters.get("to")
        for day in [from, to].compactMap({ $0 }) where !APIDay.isValid(day) {
            throw APIError.parameter("\(day) is not a day (yyyy-MM-dd)")
        }
        guard let household = try await supply.household(id: id) else { throw APIError(.notFound, .householdNotFound, "no household \(id)") }
        if principal.role == .staff {
            let lots = try await supply.lots(enterpriseId: principal.user.enterpriseId)
            guard lots.contains(where: { $0.householdId == id }) else {
                throw APIError(.forbidden, .forbidden, "household \(id) does not supply \(principal.user.enterpriseId ?? "your enterprise")")
            }
        }
        return (household, from, to)
    }

    /// A household's parcels the caller may see (staff: their enterprise's SKUs only).
    private func visibleAllocations(_ id: String, from: String?, to: String?, context: AppRequestContext) async throws -> [StoredAllocation] {
        let principal = try context.requirePrincipal()
        var parcels = try await supply.allocations(householdId: id, from: from, to: to)
        if principal.role == .staff {
            let data = try await inventory.masterData()
            parcels = parcels.filter { principal.canRead(enterprise: data.skus[$0.skuCode]?.enterpriseId) }
        }
        return parcels
    }

    func markPaid(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Body: Decodable { var period: String }
        let principal = try context.requireAdmin()
        let id = try context.parameters.require("id")
        let body = try await APIJSON.body(Body.self, request, maxBytes: 1 << 16)
        guard APIDay.isValidMonth(body.period) else { throw APIError.body("period must be a month such as \"2026-11\"") }
        do {
            try await supply.markPaid(householdId: id, period: body.period, actor: principal.auditActor, at: clock())
        } catch let error as InventoryStoreError {
            throw APIError(.notFound, .householdNotFound, error.description)
        }
        return APIJSON.response(PaymentResponse(householdId: id, period: body.period, paid: true))
    }

    func impact(_ request: Request, context: AppRequestContext) async throws -> Response {
        let parameters = request.uri.queryParameters
        let from = parameters.get("from")
        let to = parameters.get("to")
        for day in [from, to].compactMap({ $0 }) where !APIDay.isValid(day) {
            throw APIError.parameter("\(day) is not a day (yyyy-MM-dd)")
        }
        let csv = try Self.wantsCSV(request)
        let enterprise = try scopedEnterprise(request, context: context)
        let data = try await inventory.masterData()
        let enterprises = enterprise.map { [$0] } ?? data.enterprises.keys.sorted()
        let reports = try await supply.impactReports(enterpriseIds: enterprises, scope: enterprise, from: from, to: to)
        let response = ImpactReportResponse(from: from, to: to, reports: reports)
        if csv {
            return Self.csv(APICSV.text(items: response.enterprises, columns: ImpactReportResponse.csvColumns), fileName: "impact.csv")
        }
        return APIJSON.response(response)
    }

    func purchasePlan(_ request: Request, context: AppRequestContext) async throws -> Response {
        let parameters = request.uri.queryParameters
        let csv = try Self.wantsCSV(request)
        guard let enterprise = try scopedEnterprise(request, context: context) ?? parameters.get("enterprise") else {
            throw APIError.parameter("give enterprise=")
        }
        let day = parameters.get("day") ?? CalendarDay.beijing(clock())
        guard APIDay.isValid(day) else { throw APIError.parameter("\(day) is not a day (yyyy-MM-dd)") }
        var households: [String: Household] = [:]
        for household in try await supply.households(enterpriseId: enterprise, limit: 100_000) { households[household.id] = household }
        let plan = PurchasePlan.make(
            enterpriseId: enterprise,
            date: day,
            records: try await supply.records(enterpriseId: enterprise, from: day, to: day),
            households: households
        )
        let response = PurchasePlanResponse(plan)
        if csv {
            return Self.csv(APICSV.text(items: response.lines, columns: PurchasePlanResponse.csvColumns), fileName: "purchase-plan.csv")
        }
        return APIJSON.response(response)
    }

    func updateCapacity(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Body: Decodable { var capacityGrams: Int64 }
        let id = try context.parameters.require("id")
        let body = try await APIJSON.body(Body.self, request, maxBytes: 1 << 16)
        guard (0...1_000_000_000_000).contains(body.capacityGrams) else { throw APIError.body("capacity_grams must be 0 to 1000000000000") }
        guard var lot = try await supply.lots(enterpriseId: nil).first(where: { $0.id == id }) else {
            throw APIError(.notFound, .supplyLotNotFound, "no supply lot \(id)")
        }
        let principal = try context.requireWrite(enterprise: lot.enterpriseId)
        lot.capacityGrams = body.capacityGrams
        do {
            let summary = try await supply.importSupply(households: [], lots: [lot], actor: principal.auditActor, at: clock())
            return APIJSON.response(ChangeSummaryResponse(summary))
        } catch let error as InventoryStoreError {
            throw APIError(.unprocessableContent, .changeRefused, error.description)
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

    /// Whether `format=csv` was asked (`format=json` or none: JSON).
    /// - Throws: ``APIError`` `invalid_parameter` for another format.
    static func wantsCSV(_ request: Request) throws -> Bool {
        switch request.uri.queryParameters.get("format") {
        case nil, "json": return false
        case "csv": return true
        case let other?: throw APIError.parameter("format must be json or csv, not \"\(other)\"")
        }
    }

    /// A CSV download.
    static func csv(_ text: String, fileName: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(fileName)\""],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }
}

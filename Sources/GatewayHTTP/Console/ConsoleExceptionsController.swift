import Foundation
import GatewayCore
import GatewayImport
import Hummingbird

/// The exception queue (异常): filters, and per exception a note-and-re-run, dismiss, and (for `unmapped_sku`) a mapping form.
/// Results are shown at once on the page the form answers with. Staff see and change only their enterprise's shops.
///
/// - `GET /console/exceptions?status=open|resolved|all&kind=&shop=`
/// - `POST /console/exceptions/{id}/resolve` (`note`, `action=resolve|dismiss`)
/// - `POST /console/exceptions/{id}/mapping` (`shop`, `platform_sku`, `sku`, `quantity`): adds the mapping; held orders re-run.
struct ConsoleExceptionsController: Sendable {
    let inventory: (any InventoryStore)?
    let shopEnterprises: [String: String]
    let platforms: [String: Platform]
    let renderer: ConsoleRenderer
    let clock: @Sendable () -> Timestamp

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/exceptions") { request, context in try await self.list(request, context: context, notice: nil) }
        group.get("/exceptions.csv") { request, context in try await self.export(request, context: context) }
        group.post("/exceptions/:id/resolve") { request, context in try await self.resolve(request, context: context) }
        group.post("/exceptions/:id/mapping") { request, context in try await self.addMapping(request, context: context) }
    }

    /// A result shown above the queue.
    struct Notice {
        var ok: Bool
        var text: String
        var exceptionId: Int64?
    }

    func list(_ request: Request, context: AppRequestContext, notice: Notice?) async throws -> Response {
        let principal = try context.requirePrincipal()
        let language = context.language
        let visible = principal.readableShops(shopEnterprises)
        let status = ConsoleFormat.parameter(request, "status") ?? "open"
        let kind = ConsoleFormat.parameter(request, "kind")
        let shop = ConsoleFormat.parameter(request, "shop")
        if let shop { try context.requireRead(enterprise: shopEnterprises[shop]) }
        var data: [String: Any] = [
            "statusOptions": ["open", "resolved", "all"].map { value -> [String: Any] in
                ["value": value, "label": ConsoleStrings.text("exceptions.status.\(value)", language), "selected": value == status]
            },
            "kindOptions": ExceptionKind.allCases.map { value -> [String: Any] in
                [
                    "value": value.rawValue, "label": ConsoleStrings.text("exceptions.kind.\(value.rawValue)", language),
                    "selected": value.rawValue == kind,
                ]
            },
            "shopOptions": Set(platforms.keys).union(shopEnterprises.keys).filter { visible?.contains($0) ?? true }.sorted().map {
                ["value": $0, "label": $0, "selected": $0 == shop] as [String: Any]
            },
        ]
        if let notice {
            var values: [String: Any] = ["ok": notice.ok, "text": notice.text]
            if let id = notice.exceptionId { values["id"] = String(id) }
            data["notice"] = values
        }
        guard let inventory else {
            data["unavailable"] = true
            return renderer.page("exceptions", titleKey: "exceptions.title", active: "exceptions", data: data, request: request, context: context)
        }
        var query = ExceptionQuery(status: ExceptionStatus(rawValue: status), kind: kind.flatMap(ExceptionKind.init(rawValue:)), limit: 500)
        query.shops = shop.map { [$0] } ?? visible
        let found = try await inventory.exceptions(query)
        let master = try await inventory.masterData()
        data["exceptions"] = found.map { exception in row(exception, master: master, principal: principal, language: language) }
        data["empty"] = found.isEmpty
        data["count"] = found.count
        return renderer.page("exceptions", titleKey: "exceptions.title", active: "exceptions", data: data, request: request, context: context)
    }

    /// `GET /console/exceptions.csv?status=&kind=&shop=`: the queue as CSV, scoped like the page.
    func export(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let status = ConsoleFormat.parameter(request, "status") ?? "open"
        let kind = ConsoleFormat.parameter(request, "kind")
        let shop = ConsoleFormat.parameter(request, "shop")
        if let shop { try context.requireRead(enterprise: shopEnterprises[shop]) }
        guard let inventory else { throw HTTPError(.notFound, message: "inventory is not served") }
        var query = ExceptionQuery(status: ExceptionStatus(rawValue: status), kind: kind.flatMap(ExceptionKind.init(rawValue:)), limit: 100_000)
        query.shops = shop.map { [$0] } ?? principal.readableShops(shopEnterprises)
        // The columns are the staff API's JSON keys (`GET /api/v1/exceptions`).
        let items = try await inventory.exceptions(query).map(ExceptionResponse.init)
        return ConsoleInventoryController.csv(APICSV.text(items: items, columns: ExceptionResponse.csvColumns), fileName: "exceptions.csv")
    }

    func resolve(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let fields = try await FormFields.read(&request, context: context)
        let (inventory, exception) = try await load(context)
        let principal = try context.requireWrite(enterprise: shopEnterprises[exception.order.shop])
        let dismiss = fields["action"] == "dismiss"
        let language = context.language
        let resolution = try await inventory.resolveException(
            id: exception.id,
            note: fields["note"] ?? "",
            dismiss: dismiss,
            actor: principal.auditActor,
            at: clock()
        )
        let text =
            resolution.resolved
            ? ConsoleStrings.text(dismiss ? "exceptions.dismissedNotice" : "exceptions.resolvedNotice", language)
            : ConsoleStrings.text("exceptions.stillOpen", language) + ": " + (resolution.reason ?? resolution.exception.message)
        return try await list(
            request,
            context: context,
            notice: Notice(ok: resolution.resolved, text: "#\(exception.id) " + text, exceptionId: exception.id)
        )
    }

    func addMapping(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let fields = try await FormFields.read(&request, context: context)
        let (inventory, exception) = try await load(context)
        let language = context.language
        let shop = fields["shop"] ?? exception.order.shop
        let platformSku = fields["platform_sku"] ?? exception.platformSkuId ?? ""
        let principal = try context.requireWrite(enterprise: shopEnterprises[shop])
        func refuse(_ message: String) async throws -> Response {
            try await list(request, context: context, notice: Notice(ok: false, text: "#\(exception.id) " + message, exceptionId: exception.id))
        }
        guard let skuCode = fields["sku"], !platformSku.isEmpty else {
            return try await refuse(ConsoleStrings.text("exceptions.mappingMissing", language))
        }
        guard let quantity = Int(fields["quantity"] ?? "1"), quantity >= 1 else {
            return try await refuse(ConsoleStrings.text("exceptions.badQuantity", language))
        }
        let master = try await inventory.masterData()
        guard let sku = master.skus[skuCode] else { return try await refuse(ConsoleStrings.text("exceptions.unknownSku", language) + " \(skuCode)") }
        try context.requireWrite(enterprise: sku.enterpriseId)
        let mapping = SkuMapping(shop: shop, platformSkuId: platformSku, components: [SkuComponent(skuCode: skuCode, quantity: quantity)])
        let summary: MasterDataChangeSummary
        do {
            summary = try await inventory.apply(
                MasterDataSeed(masterData: MasterData(mappings: [mapping])),
                actor: principal.auditActor,
                at: clock(),
                ownedBy: principal.writeScope
            )
        } catch let error as InventoryStoreError {
            return try await refuse(error.description)
        }
        let after = try await inventory.exception(id: exception.id)
        let resolved = after?.status == .resolved
        let text = ConsoleFormat.fill(
            ConsoleStrings.text("exceptions.mappingNotice", language),
            "\(shop)/\(platformSku) → \(skuCode) ×\(quantity)",
            String(summary.ordersRerun),
            String(summary.exceptionsResolved)
        )
        let state = ConsoleStrings.text(resolved ? "exceptions.resolvedNotice" : "exceptions.stillOpen", language)
        let reason = resolved ? "" : ": " + (after?.message ?? "")
        return try await list(
            request,
            context: context,
            notice: Notice(ok: resolved, text: "#\(exception.id) \(text) — \(state)\(reason)", exceptionId: exception.id)
        )
    }

    private func load(_ context: AppRequestContext) async throws -> (any InventoryStore, FulfilmentException) {
        guard let inventory else { throw HTTPError(.notFound, message: "inventory is not configured") }
        let id = try context.parameters.require("id", as: Int64.self)
        guard let exception = try await inventory.exception(id: id) else { throw HTTPError(.notFound, message: "no exception \(id)") }
        try context.requireRead(enterprise: shopEnterprises[exception.order.shop])
        return (inventory, exception)
    }

    private func row(_ exception: FulfilmentException, master: MasterData, principal: StaffPrincipal, language: ConsoleLanguage) -> [String: Any] {
        let enterprise = shopEnterprises[exception.order.shop]
        let writable = principal.canWrite(enterprise: enterprise)
        var values: [String: Any] = [
            "id": String(exception.id),
            "kind": exception.kind.rawValue,
            "kindLabel": ConsoleStrings.text("exceptions.kind.\(exception.kind.rawValue)", language),
            "orderId": exception.order.platformOrderId,
            "orderHref": ConsoleFormat.orderHref(exception.order),
            "shop": exception.order.shop,
            "lineId": exception.lineId ?? "—",
            "platformSku": exception.platformSkuId ?? "",
            "skuCode": exception.skuCode ?? "—",
            "message": exception.message,
            "open": exception.status == .open,
            "statusLabel": ConsoleStrings.text("exceptions.status.\(exception.status.rawValue)", language),
            "openedAt": BeijingTime.format(exception.openedAt),
            "writable": writable && exception.status == .open,
        ]
        if let resolvedBy = exception.resolvedBy { values["resolvedBy"] = resolvedBy }
        if let note = exception.note, !note.isEmpty { values["note"] = note }
        if exception.kind == .unmappedSku && writable && exception.status == .open {
            let skus = master.skus.values.filter { enterprise == nil || $0.enterpriseId == enterprise }.filter {
                principal.canWrite(enterprise: $0.enterpriseId)
            }
            values["mapping"] = [
                "skus": skus.sorted { $0.code < $1.code }.map { ["code": $0.code, "title": $0.title] }
            ]
        }
        return values
    }
}

import Foundation
import GatewayCore
import GatewayImport
import GatewayPipeline
import GatewayReconciliation
import Hummingbird

/// Reconciliation (对账): runs, statement import (pasted text), a run's totals per class and lines, resolving a line,
/// CSV export. Staff see and import only their enterprise's shops. Imports and resolutions are audited.
///
/// - `GET /console/reconciliation`
/// - `POST /console/reconciliation/import` (`platform`, `shop`, `format`, `file_name`, `text`)
/// - `GET /console/reconciliation/runs/{id}`
/// - `GET /console/reconciliation/runs/{id}/lines.csv`
/// - `POST /console/reconciliation/runs/{id}/lines/{line}/resolve` (`reason`, `note`)
struct ConsoleReconciliationController: Sendable {
    let service: ReconciliationService?
    let shopEnterprises: [String: String]
    let platforms: [String: Platform]
    let audit: AuditRecorder
    let renderer: ConsoleRenderer

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/reconciliation") { request, context in try await self.list(request, context: context, error: nil) }
        group.post("/reconciliation/import") { request, context in try await self.importStatement(request, context: context) }
        group.get("/reconciliation/runs/:id") { request, context in try await self.run(request, context: context) }
        group.get("/reconciliation/runs/:id/lines.csv") { request, context in try await self.export(request, context: context) }
        group.post("/reconciliation/runs/:id/lines/:line/resolve") { request, context in try await self.resolve(request, context: context) }
    }

    func list(_ request: Request, context: AppRequestContext, error: String?, form: FormFields? = nil) async throws -> Response {
        let principal = try context.requirePrincipal()
        let language = context.language
        let visible = principal.readableShops(shopEnterprises)
        var data: [String: Any] = ["unavailable": service == nil]
        if let error { data["error"] = error }
        let chosenShop = form?["shop"]
        data["shopOptions"] = Set(platforms.keys).union(shopEnterprises.keys).filter { principal.canWrite(enterprise: shopEnterprises[$0]) }
            .sorted().map { ["value": $0, "label": "\($0) (\(platforms[$0]?.rawValue ?? "?"))", "selected": $0 == chosenShop] as [String: Any] }
        data["formatOptions"] = StatementFormat.allCases.map { ["value": $0.rawValue, "selected": $0.rawValue == form?["format"]] as [String: Any] }
        data["text"] = form?.raw("text") ?? ""
        data["fileName"] = form?["file_name"] ?? ""
        data["canImport"] = principal.role != .auditor
        if let service {
            let runs = try await service.store.runs(shops: visible, limit: 200, offset: 0)
            data["runs"] = runs.map { run -> [String: Any] in
                [
                    "id": String(run.id), "href": "/console/reconciliation/runs/\(run.id)", "platform": run.platform.rawValue, "shop": run.shop,
                    "format": run.format, "fileName": run.fileName, "importedAt": BeijingTime.format(run.importedAt), "importedBy": run.importedBy,
                    "lines": run.lineCount, "differences": run.totals.differenceCount, "open": run.openCount,
                ]
            }
            data["empty"] = runs.isEmpty
        }
        _ = language
        let status: HTTPResponse.Status = error == nil ? .ok : .unprocessableContent
        return renderer.page(
            "reconciliation",
            titleKey: "reconciliation.title",
            active: "reconciliation",
            data: data,
            request: request,
            context: context,
            status: status
        )
    }

    func importStatement(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        // The statement text may be as large as an upload; the other fields are short anyway.
        let fields = try await FormFields.read(&request, context: context, maxFieldBytes: context.maxUploadSize)
        guard let service else { throw HTTPError(.notFound, message: "reconciliation is not configured") }
        let language = context.language
        guard let shop = fields["shop"], let text = fields["text"] else {
            return try await list(request, context: context, error: ConsoleStrings.text("reconciliation.missing", language), form: fields)
        }
        guard let platform = platforms[shop] ?? fields["platform"].flatMap(Platform.init(rawValue:)) else {
            throw HTTPError(.notFound, message: "unknown shop \(shop)")
        }
        let principal = try context.requireWrite(enterprise: shopEnterprises[shop])
        var format: StatementFormat?
        if let name = fields["format"] {
            guard let known = StatementFormat(rawValue: name) else { throw HTTPError(.badRequest, message: "unknown format \(name)") }
            format = known
        }
        let fileName = fields["file_name"] ?? "pasted.csv"
        let detail: ReconciliationRunDetail
        do {
            detail = try await service.importStatement(
                text: text,
                fileName: fileName,
                platform: platform,
                shop: shop,
                format: format,
                actor: principal.auditActor
            )
        } catch let error as ImportError {
            return try await list(request, context: context, error: String(describing: error), form: fields)
        }
        if detail.created {
            try await audit.record(
                actor: principal.auditActor,
                action: "reconciliation.import",
                subject: "reconciliation-run:\(detail.run.id)",
                detail: "\(shop) \(fileName) \(detail.run.lineCount) lines, \(detail.run.totals.differenceCount) differences",
                enterprise: shopEnterprises[shop]
            )
        }
        return ConsoleRenderer.redirect("/console/reconciliation/runs/\(detail.run.id)" + (detail.created ? "" : "?again=1"))
    }

    /// Loads a run the caller may read.
    private func load(_ context: AppRequestContext) async throws -> (ReconciliationService, ReconciliationRunDetail) {
        guard let service else { throw HTTPError(.notFound, message: "reconciliation is not configured") }
        let id = try context.parameters.require("id", as: Int64.self)
        guard let detail = try await service.store.run(id: id) else { throw HTTPError(.notFound, message: "no reconciliation run \(id)") }
        try context.requireRead(enterprise: shopEnterprises[detail.run.shop])
        return (service, detail)
    }

    func run(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let (_, detail) = try await load(context)
        let language = context.language
        let run = detail.run
        let writable = principal.canWrite(enterprise: shopEnterprises[run.shop])
        var data: [String: Any] = [
            "id": String(run.id), "platform": run.platform.rawValue, "shop": run.shop, "format": run.format, "fileName": run.fileName,
            "importedAt": BeijingTime.format(run.importedAt), "importedBy": run.importedBy, "tolerance": ConsoleFormat.yuan(run.toleranceFen),
            "csvHref": "/console/reconciliation/runs/\(run.id)/lines.csv", "again": ConsoleFormat.parameter(request, "again") != nil,
            "nonOrderCount": run.totals.nonOrderLineCount, "nonOrder": ConsoleFormat.yuan(run.totals.nonOrderFen),
        ]
        if let resolved = ConsoleFormat.parameter(request, "resolved") { data["resolvedLine"] = resolved }
        data["totals"] = run.totals.classes.map { total -> [String: Any] in
            [
                "class": total.classification.rawValue,
                "label": ConsoleStrings.text("reconciliation.class.\(total.classification.rawValue)", language),
                "count": total.count, "statement": ConsoleFormat.yuan(total.statementFen), "gateway": ConsoleFormat.yuan(total.gatewayFen),
                "statementFen": String(total.statementFen), "gatewayFen": String(total.gatewayFen),
            ]
        }
        data["lines"] = detail.lines.map { runLine -> [String: Any] in
            let line = runLine.line
            var values: [String: Any] = [
                "number": runLine.number, "class": line.classification.rawValue,
                "classLabel": ConsoleStrings.text("reconciliation.class.\(line.classification.rawValue)", language),
                "orderId": line.platformOrderId, "statement": ConsoleFormat.yuan(line.statementFen), "gateway": ConsoleFormat.yuan(line.gatewayFen),
                "statementStatus": line.statementStatus ?? "—", "gatewayStatus": line.gatewayStatus ?? "—", "detail": line.detail,
                "fileLines": line.statementLineNumbers.map(String.init).joined(separator: " "),
            ]
            if let lookup = runLine.platformLookup { values["lookup"] = lookup }
            if let resolution = runLine.resolution {
                values["resolution"] = [
                    "reason": resolution.reason, "note": resolution.note, "actor": resolution.actor, "at": BeijingTime.format(resolution.at),
                ]
            } else if line.classification.isDifference && writable {
                values["resolvable"] = true
            }
            return values
        }
        return renderer.page(
            "reconciliation-run",
            titleKey: "reconciliation.run",
            active: "reconciliation",
            data: data,
            request: request,
            context: context
        )
    }

    func export(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (_, detail) = try await load(context)
        return ConsoleInventoryController.csv(ReconciliationLineResponse.csv(detail.lines), fileName: "reconciliation-\(detail.run.id).csv")
    }

    func resolve(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let fields = try await FormFields.read(&request, context: context)
        let (service, detail) = try await load(context)
        let principal = try context.requireWrite(enterprise: shopEnterprises[detail.run.shop])
        let number = try context.parameters.require("line", as: Int.self)
        guard let reason = fields["reason"] else { throw HTTPError(.badRequest, message: "a resolution needs a reason") }
        let note = fields["note"] ?? ""
        guard let line = try await service.resolve(runId: detail.run.id, lineNumber: number, reason: reason, note: note, actor: principal.auditActor)
        else { throw HTTPError(.notFound, message: "run \(detail.run.id) has no line \(number)") }
        try await audit.record(
            actor: principal.auditActor,
            action: "reconciliation.resolve",
            subject: "reconciliation-run:\(detail.run.id)/line:\(number)",
            detail: "\(line.line.classification.rawValue) \(line.line.platformOrderId): \(reason)" + (note.isEmpty ? "" : " — \(note)"),
            enterprise: shopEnterprises[detail.run.shop]
        )
        return ConsoleRenderer.redirect("/console/reconciliation/runs/\(detail.run.id)?resolved=\(number)#line-\(number)")
    }
}

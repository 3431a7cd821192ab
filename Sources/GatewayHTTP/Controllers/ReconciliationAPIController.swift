import Foundation
import GatewayCore
import GatewayImport
import GatewayPipeline
import Hummingbird

/// The reconciliation part of the staff API (对账). Staff see and change only their enterprise's shops; imports and
/// resolutions are recorded in the audit log.
///
/// - `POST /api/v1/reconciliation/runs?platform=&shop=&format=&file_name=` body = the statement's text →
///   `201` with the run and its lines (`200` when the same statement was imported before; nothing doubles),
///   `422` naming every bad line and column (nothing stored).
/// - `GET /api/v1/reconciliation/runs?shop=&limit=`: runs, newest first.
/// - `GET /api/v1/reconciliation/runs/{id}` (`?format=csv`: the lines as CSV).
/// - `POST /api/v1/reconciliation/runs/{id}/lines/{line}/resolve` `{"reason", "note"}`.
struct ReconciliationAPIController: Sendable {
    let service: ReconciliationService
    let shopEnterprises: [String: String]
    let platforms: [String: Platform]
    let audit: AuditRecorder

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("/reconciliation/runs") { request, context in try await self.importStatement(request, context: context) }
        group.get("/reconciliation/runs") { request, context in try await self.list(request, context: context) }
        group.get("/reconciliation/runs/:id") { request, context in try await self.run(request, context: context) }
        group.post("/reconciliation/runs/:id/lines/:line/resolve") { request, context in try await self.resolve(request, context: context) }
    }

    func importStatement(_ request: Request, context: AppRequestContext) async throws -> Response {
        let parameters = request.uri.queryParameters
        guard let shop = parameters.get("shop"), !shop.isEmpty else { return JSONResponse.error(.badRequest, "give ?shop=SHOP&platform=PLATFORM") }
        let principal = try context.requireWrite(enterprise: shopEnterprises[shop])
        var platform = platforms[shop]
        if let name = parameters.get("platform"), !name.isEmpty {
            guard let asked = Platform(rawValue: name) else { return JSONResponse.error(.badRequest, "unknown platform \(name)") }
            if let platform, platform != asked { return JSONResponse.error(.badRequest, "shop \(shop) is a \(platform.rawValue) shop") }
            platform = asked
        }
        guard let platform else { return JSONResponse.error(.badRequest, "unknown shop \(shop); give ?platform=") }
        var format: StatementFormat?
        if let name = parameters.get("format"), !name.isEmpty {
            guard let known = StatementFormat(rawValue: name) else {
                return JSONResponse.error(
                    .badRequest,
                    "unknown format \(name); known: \(StatementFormat.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            format = known
        }
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let fileName = parameters.get("file_name").flatMap { $0.isEmpty ? nil : $0 } ?? "statement.csv"
        let detail: ReconciliationRunDetail
        do {
            detail = try await service.importStatement(
                bytes: Array(buffer.readableBytesView),
                fileName: fileName,
                platform: platform,
                shop: shop,
                format: format,
                actor: principal.auditActor
            )
        } catch let error as ImportError {
            return JSONResponse.error(.unprocessableContent, String(describing: error))
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
        return try JSONResponse.encode(detail, status: detail.created ? .created : .ok)
    }

    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let parameters = request.uri.queryParameters
        var shops = principal.readableShops(shopEnterprises)
        if let shop = parameters.get("shop"), !shop.isEmpty {
            try context.requireRead(enterprise: shopEnterprises[shop])
            shops = [shop]
        }
        let limit = QueryLimits.clampedLimit(parameters.get("limit"), fallback: 100, range: QueryLimits.limits)
        return try JSONResponse.encode(["runs": try await service.store.runs(shops: shops, limit: limit, offset: 0)])
    }

    private func load(_ context: AppRequestContext) async throws -> ReconciliationRunDetail {
        let id = try context.parameters.require("id", as: Int64.self)
        guard let detail = try await service.store.run(id: id) else { throw HTTPError(.notFound, message: "no reconciliation run \(id)") }
        try context.requireRead(enterprise: shopEnterprises[detail.run.shop])
        return detail
    }

    func run(_ request: Request, context: AppRequestContext) async throws -> Response {
        let detail = try await load(context)
        if request.uri.queryParameters.get("format") == "csv" {
            return JSONResponse.raw(ReconciliationExport.csv(detail), status: 200, contentType: "text/csv; charset=utf-8")
        }
        return try JSONResponse.encode(detail)
    }

    func resolve(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Body: Decodable {
            var reason: String
            var note: String?
        }
        let detail = try await load(context)
        let principal = try context.requireWrite(enterprise: shopEnterprises[detail.run.shop])
        let number = try context.parameters.require("line", as: Int.self)
        let buffer = try await request.body.collect(upTo: 1 << 16)
        guard let body = try? JSONDecoder().decode(Body.self, from: Data(buffer.readableBytesView)),
            !body.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        else { return JSONResponse.error(.badRequest, "give {\"reason\": \"…\", \"note\": \"…\"}") }
        let note = body.note ?? ""
        guard
            let line = try await service.resolve(
                runId: detail.run.id,
                lineNumber: number,
                reason: body.reason,
                note: note,
                actor: principal.auditActor
            )
        else { return JSONResponse.error(.notFound, "run \(detail.run.id) has no line \(number)") }
        try await audit.record(
            actor: principal.auditActor,
            action: "reconciliation.resolve",
            subject: "reconciliation-run:\(detail.run.id)/line:\(number)",
            detail: "\(line.line.classification.rawValue) \(line.line.platformOrderId): \(body.reason)" + (note.isEmpty ? "" : " — \(note)"),
            enterprise: shopEnterprises[detail.run.shop]
        )
        return try JSONResponse.encode(line)
    }
}

import Foundation
import GatewayCore
import GatewayImport
import GatewayPipeline
import GatewayReconciliation
import Hummingbird

/// The reconciliation part of the staff API (对账). Staff see and change only their enterprise's shops; imports and
/// resolutions are recorded in the audit log. Shapes, parameters and errors: `API/openapi.yaml`.
///
/// - `POST /api/v1/reconciliation/runs?platform=&shop=&format=&file_name=` body = the statement's text →
///   `201` with the run (`200` when the same statement was imported before; nothing doubles),
///   `422` naming every bad line and column (nothing stored).
/// - `GET /api/v1/reconciliation/runs?shop=&limit=&cursor=`: runs, newest first.
/// - `GET /api/v1/reconciliation/runs/{id}`: the run and its totals.
/// - `GET /api/v1/reconciliation/runs/{id}/lines?limit=&cursor=` (`format=csv`: every line as CSV).
/// - `POST /api/v1/reconciliation/runs/{id}/lines/{number}/resolve` `{"reason", "note"}`.
struct ReconciliationAPIController: Sendable {
    let service: ReconciliationService
    let shopEnterprises: [String: String]
    let platforms: [String: Platform]
    let audit: AuditRecorder

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("/reconciliation/runs") { request, context in try await self.importStatement(request, context: context) }
        group.get("/reconciliation/runs") { request, context in try await self.list(request, context: context) }
        group.get("/reconciliation/runs/:id") { request, context in try await self.run(request, context: context) }
        group.get("/reconciliation/runs/:id/lines") { request, context in try await self.lines(request, context: context) }
        group.post("/reconciliation/runs/:id/lines/:number/resolve") { request, context in try await self.resolve(request, context: context) }
    }

    func importStatement(_ request: Request, context: AppRequestContext) async throws -> Response {
        let parameters = request.uri.queryParameters
        guard let shop = parameters.get("shop"), !shop.isEmpty else { throw APIError.parameter("give ?shop=SHOP") }
        var platform = platforms[shop]
        if let name = parameters.get("platform") {
            guard let asked = Platform(rawValue: name) else { throw APIError(.badRequest, .unknownPlatform, "unknown platform \"\(name)\"") }
            if let platform, platform != asked {
                throw APIError(.unprocessableContent, .statementRefused, "shop \(shop) is a \(platform.rawValue) shop, not \(asked.rawValue)")
            }
            platform = asked
        }
        var format: StatementFormat?
        if let name = parameters.get("format") {
            guard let known = StatementFormat(rawValue: name) else {
                throw APIError.parameter("unknown format \(name); known: \(StatementFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            format = known
        }
        guard let platform else { throw APIError(.unprocessableContent, .unknownShop, "unknown shop \(shop); give ?platform=") }
        let principal = try context.requireWrite(enterprise: shopEnterprises[shop])
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIError(.contentTooLarge, .payloadTooLarge, "a statement is at most \(context.maxUploadSize) bytes")
        }
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
            throw APIError(.unprocessableContent, .statementRefused, String(describing: error))
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
        return APIJSON.response(ReconciliationRunResponse(detail.run), status: detail.created ? .created : .ok)
    }

    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let page = try PageRequest.parse(request, maxOffset: PageRequest.maxStoreOffset)
        var shops = principal.readableShops(shopEnterprises)
        if let shop = request.uri.queryParameters.get("shop") {
            try context.requireRead(enterprise: shopEnterprises[shop])
            shops = [shop]
        }
        guard !page.isBeyondEnd else { return APIJSON.response(APIPage<ReconciliationRunResponse>(items: [], next: nil)) }
        let runs = try await service.store.runs(shops: shops, limit: page.limit + 1, offset: page.offset)
        return APIJSON.response(APIPage(rowsFromOffset: runs.map(ReconciliationRunResponse.init), page: page))
    }

    private func load(_ context: AppRequestContext) async throws -> ReconciliationRunDetail {
        let text = try context.parameters.require("id")
        guard let id = Int64(text), id > 0 else { throw APIError.parameter("run ids are positive numbers, not \"\(text)\"") }
        guard let detail = try await service.store.run(id: id) else {
            throw APIError(.notFound, .reconciliationRunNotFound, "no reconciliation run \(id)")
        }
        try context.requireRead(enterprise: shopEnterprises[detail.run.shop])
        return detail
    }

    func run(_ request: Request, context: AppRequestContext) async throws -> Response {
        APIJSON.response(ReconciliationRunResponse(try await load(context).run))
    }

    func lines(_ request: Request, context: AppRequestContext) async throws -> Response {
        let csv = try SupplyAPIController.wantsCSV(request)
        let page = try PageRequest.parse(request)
        let detail = try await load(context)
        if csv {
            return SupplyAPIController.csv(ReconciliationLineResponse.csv(detail.lines), fileName: "reconciliation-\(detail.run.id).csv")
        }
        return APIJSON.response(APIPage(all: detail.lines.map(ReconciliationLineResponse.init), page: page))
    }

    func resolve(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Body: Decodable {
            var reason: String
            var note: String?
        }
        let detail = try await load(context)
        let text = try context.parameters.require("number")
        guard let number = Int(text), number > 0 else { throw APIError.parameter("line numbers are positive numbers, not \"\(text)\"") }
        let principal = try context.requireWrite(enterprise: shopEnterprises[detail.run.shop])
        let body = try await APIJSON.body(Body.self, request, maxBytes: 1 << 16)
        guard !body.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw APIError.body("give {\"reason\": \"…\", \"note\": \"…\"}")
        }
        let note = body.note ?? ""
        guard
            let line = try await service.resolve(
                runId: detail.run.id,
                lineNumber: number,
                reason: body.reason,
                note: note,
                actor: principal.auditActor
            )
        else { throw APIError(.notFound, .reconciliationLineNotFound, "run \(detail.run.id) has no line \(number)") }
        try await audit.record(
            actor: principal.auditActor,
            action: "reconciliation.resolve",
            subject: "reconciliation-run:\(detail.run.id)/line:\(number)",
            detail: "\(line.line.classification.rawValue) \(line.line.platformOrderId): \(body.reason)" + (note.isEmpty ? "" : " — \(note)"),
            enterprise: shopEnterprises[detail.run.shop]
        )
        return APIJSON.response(ReconciliationLineResponse(line))
    }
}

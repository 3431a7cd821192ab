import Foundation
import GatewayCore
import GatewayImport
import Hummingbird

/// Shipments and their write-backs in the staff API (issue #17). Staff record and see only their enterprise's shops'
/// orders; auditors read. Shapes, parameters and errors: `API/openapi.yaml`.
///
/// - `POST /api/v1/orders/{platform}/{shop}/{platform_order_id}/shipments`
///   `{"courier","tracking_no","lines":[{"line_id","quantity"}],"packages"}` (`lines` left out = everything not shipped
///   yet): 201 with the shipment, 200 with the one recorded first when the tracking number was already recorded for the
///   order, 422 `shipment_refused` when it does not fit the order. `GET` the same path lists the order's shipments.
/// - `POST /api/v1/shipments` `{"shipments":[{…, "platform","shop","platform_order_id"}]}`: many at once (up to 500), each
///   recorded or refused on its own; the answer lists every item's outcome in order.
/// - `POST /api/v1/shipments/import?shop=&file_name=` with a courier's CSV export as the body (``ShipmentImport``): all or
///   nothing — every bad row (format, or an order it does not fit) is reported with its line, 422.
/// - `GET /api/v1/write-backs?needs_staff=true|false&limit=&cursor=`: the write-back queue (回传失败 with `needs_staff`).
/// - `POST /api/v1/write-backs/{id}/correct` `{"courier","tracking_no"}`: fix and send again (a confirmed one with the
///   platform's edit call); `POST /api/v1/write-backs/{id}/handled` `{"note"}`: settled by hand.
struct ShipmentAPIController: Sendable {
    /// The most shipments one bulk call takes.
    static let maxBulk = 500
    /// The most lines one shipment names.
    static let maxLines = 200
    /// The largest quantity of a line.
    static let maxQuantity = 100_000

    let shipments: any ShipmentStore
    let shopEnterprises: [String: String]
    let platforms: [String: Platform]
    let clock: @Sendable () -> Timestamp

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("/orders/:platform/:shop/:platform_order_id/shipments") { request, context in
            try await self.record(request, context: context)
        }
        group.get("/orders/:platform/:shop/:platform_order_id/shipments") { request, context in
            try await self.list(request, context: context)
        }
        group.post("/shipments") { request, context in try await self.bulk(request, context: context) }
        group.post("/shipments/import") { request, context in try await self.importCSV(request, context: context) }
        group.get("/write-backs") { request, context in try await self.writeBacks(request, context: context) }
        group.post("/write-backs/:id/correct") { request, context in try await self.correct(request, context: context) }
        group.post("/write-backs/:id/handled") { request, context in try await self.handled(request, context: context) }
    }

    /// A shipment as the API takes it.
    struct ShipmentBody: Decodable, Sendable {
        struct Line: Decodable, Sendable {
            var lineId: String
            var quantity: Int
        }
        var platform: String?
        var shop: String?
        var platformOrderId: String?
        var courier: String
        var trackingNo: String
        var lines: [Line]?
        var packages: Int?
    }

    func record(_ request: Request, context: AppRequestContext) async throws -> Response {
        let key = try orderKey(context)
        let principal = try context.requireWrite(enterprise: shopEnterprises[key.shop])
        let body = try await APIJSON.body(ShipmentBody.self, request)
        let draft = try Self.draft(body, order: key)
        let recording = try await record(draft, actor: principal.auditActor)
        return APIJSON.response(ShipmentResponse(recording.shipment), status: recording.created ? .created : .ok)
    }

    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let key = try orderKey(context)
        try context.requireRead(enterprise: shopEnterprises[key.shop])
        let page = try PageRequest.parse(request)
        return APIJSON.response(APIPage(all: try await shipments.shipments(of: key).map(ShipmentResponse.init), page: page))
    }

    func bulk(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Body: Decodable { var shipments: [ShipmentBody] }
        struct Problem: Encodable {
            var code: String
            var message: String
        }
        struct Outcome: Encodable {
            var index: Int
            var status: String
            var shipment: ShipmentResponse?
            var error: Problem?
        }
        struct Answer: Encodable { var results: [Outcome] }
        let principal = try context.requirePrincipal()
        let body = try await APIJSON.body(Body.self, request, maxBytes: 4 << 20)
        guard (1...Self.maxBulk).contains(body.shipments.count) else { throw APIError.body("shipments: 1 to \(Self.maxBulk) items") }
        // The request's shape first, all of it: a malformed item refuses the whole request.
        var drafts: [(index: Int, platform: String, order: OrderKey, draft: ShipmentDraft)] = []
        for (index, item) in body.shipments.enumerated() {
            guard let platformName = item.platform, let shop = item.shop, let orderId = item.platformOrderId else {
                throw APIError.body("shipments[\(index)]: platform, shop and platform_order_id are required")
            }
            guard !orderId.isEmpty, orderId.utf8.count <= 64 else { throw APIError.body("shipments[\(index)].platform_order_id: 1 to 64 characters") }
            let placeholder = OrderKey(platform: .douyin, shop: shop, platformOrderId: orderId)
            do {
                drafts.append((index, platformName, placeholder, try Self.draft(item, order: placeholder)))
            } catch let error as APIError {
                throw APIError(error.status, error.code, "shipments[\(index)]: \(error.message)")
            }
        }
        var results: [Outcome] = []
        for (index, platformName, placeholder, draft) in drafts {
            do {
                let key = try Self.orderKey(
                    platform: platformName,
                    shop: placeholder.shop,
                    orderId: placeholder.platformOrderId,
                    platforms: platforms
                )
                guard principal.canWrite(enterprise: shopEnterprises[key.shop]) else {
                    throw APIError(.forbidden, .forbidden, "\(principal.user.username) may not change shop \(key.shop)")
                }
                var keyed = draft
                keyed.order = key
                let recording = try await record(keyed, actor: principal.auditActor)
                results.append(
                    Outcome(index: index, status: recording.created ? "created" : "existing", shipment: ShipmentResponse(recording.shipment))
                )
            } catch let error as APIError {
                results.append(Outcome(index: index, status: "refused", error: Problem(code: error.code.rawValue, message: error.message)))
            }
        }
        return APIJSON.response(Answer(results: results))
    }

    func importCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Outcome: Encodable {
            var line: Int
            var status: String
            var shipment: ShipmentResponse
        }
        struct Answer: Encodable { var results: [Outcome] }
        let principal = try context.requirePrincipal()
        let parameters = request.uri.queryParameters
        let shop = parameters.get("shop").flatMap { $0.isEmpty ? nil : $0 }
        if let shop, platforms[shop] == nil { throw APIError(.unprocessableContent, .unknownShop, "unknown shop \(shop)") }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIError(.contentTooLarge, .payloadTooLarge, "a shipment file is at most \(context.maxUploadSize) bytes")
        }
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
            throw APIError.body("the file is not UTF-8 text")
        }
        let fileName = parameters.get("file_name").flatMap { $0.isEmpty ? nil : String($0.prefix(200)) } ?? "shipments.csv"
        let importer = ShipmentCSVImporter(shipments: shipments, platforms: platforms, shopEnterprises: shopEnterprises, clock: clock)
        switch try await importer.run(text: text, fileName: fileName, shop: shop, context: context) {
        case .failure(let refused):
            throw APIError(.unprocessableContent, .shipmentImportRefused, refused.message)
        case .success(let imported):
            let results = imported.map { row, recording in
                Outcome(line: row.line, status: recording.created ? "created" : "existing", shipment: ShipmentResponse(recording.shipment))
            }
            return APIJSON.response(Answer(results: results))
        }
    }

    func writeBacks(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let page = try PageRequest.parse(request)
        let needsStaff: Bool
        switch request.uri.queryParameters.get("needs_staff") {
        case nil, "false": needsStaff = false
        case "true": needsStaff = true
        default: throw APIError.parameter("needs_staff must be true or false")
        }
        let rows = try await shipments.writeBacks(
            needingStaff: needsStaff,
            shops: principal.readableShops(shopEnterprises),
            limit: min(page.offset + page.limit + 1, 10_000)
        )
        return APIJSON.response(APIPage(all: rows.map(WriteBackResponse.init), page: page))
    }

    func correct(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Body: Decodable {
            var courier: String?
            var trackingNo: String?
        }
        let writeBack = try await existingWriteBack(context)
        let principal = try context.requireWrite(enterprise: shopEnterprises[writeBack.order.shop])
        let body = try await APIJSON.body(Body.self, request)
        let courier = try body.courier.map(Self.courier)
        let tracking = try body.trackingNo.map(Self.trackingNumber)
        do {
            let corrected = try await shipments.correctWriteBack(
                id: writeBack.id,
                courier: courier,
                trackingNumber: tracking,
                actor: principal.auditActor,
                at: clock()
            )
            return APIJSON.response(WriteBackResponse(corrected))
        } catch let error as ShipmentCorrectionError {
            throw APIError(.conflict, .writeBackNotCorrectable, error.message)
        }
    }

    func handled(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Body: Decodable { var note: String? }
        let writeBack = try await existingWriteBack(context)
        let principal = try context.requireWrite(enterprise: shopEnterprises[writeBack.order.shop])
        let body = try await APIJSON.body(Body.self, request)
        guard (body.note?.count ?? 0) <= 2000 else { throw APIError.body("note: at most 2000 characters") }
        switch writeBack.state {
        case .rejected, .conflict, .pending: break
        default:
            throw APIError(.conflict, .writeBackNotCorrectable, "write-back \(writeBack.id) is \(writeBack.state.parts.name)")
        }
        let settled = try await shipments.settleWriteBack(
            id: writeBack.id,
            event: .staffHandled(actor: principal.auditActor),
            detail: body.note.map { "handled: \($0)" },
            retryAt: nil,
            actor: principal.auditActor,
            policy: WriteBackLifecycle.RetryPolicy(),
            at: clock()
        )
        guard let settled else { throw APIError(.notFound, .writeBackNotFound, "no write-back \(writeBack.id)") }
        return APIJSON.response(WriteBackResponse(settled))
    }

    // MARK: parsing at the edge

    private func record(_ draft: ShipmentDraft, actor: String) async throws -> ShipmentRecording {
        do {
            return try await shipments.recordShipment(draft, actor: actor, at: clock())
        } catch let refusal as ShipmentRefusal {
            if case .unknownOrder = refusal { throw APIError(.notFound, .orderNotFound, refusal.description) }
            throw APIError(.unprocessableContent, .shipmentRefused, "\(refusal.code): \(refusal.description)")
        }
    }

    private func existingWriteBack(_ context: AppRequestContext) async throws -> ShipmentWriteBack {
        let text = try context.parameters.require("id")
        guard let id = Int64(text), id > 0 else { throw APIError.parameter("id must be a positive integer") }
        guard let writeBack = try await shipments.writeBack(id: id) else { throw APIError(.notFound, .writeBackNotFound, "no write-back \(id)") }
        try context.requireRead(enterprise: shopEnterprises[writeBack.order.shop])
        return writeBack
    }

    private func orderKey(_ context: AppRequestContext) throws -> OrderKey {
        try Self.orderKey(
            platform: try context.parameters.require("platform"),
            shop: try context.parameters.require("shop"),
            orderId: try context.parameters.require("platform_order_id"),
            platforms: platforms
        )
    }

    static func orderKey(platform name: String, shop: String, orderId: String, platforms: [String: Platform]) throws -> OrderKey {
        guard let platform = Platform(rawValue: name) else { throw APIError(.notFound, .unknownPlatform, "unknown platform \"\(name)\"") }
        guard platforms[shop] == platform else { throw APIError(.notFound, .unknownShop, "no \(name) shop \"\(shop)\"") }
        guard !orderId.isEmpty, orderId.utf8.count <= 64 else { throw APIError.parameter("platform_order_id: 1 to 64 characters") }
        return OrderKey(platform: platform, shop: shop, platformOrderId: orderId)
    }

    static func draft(_ body: ShipmentBody, order: OrderKey) throws -> ShipmentDraft {
        let courier = try courier(body.courier)
        let tracking = try trackingNumber(body.trackingNo)
        let packages = body.packages ?? 1
        guard (1...ShipmentDraft.maxPackages).contains(packages) else { throw APIError.body("packages: 1 to \(ShipmentDraft.maxPackages)") }
        var lines: [ShippedLine]?
        if let given = body.lines {
            guard (1...maxLines).contains(given.count) else {
                throw APIError.body("lines: 1 to \(maxLines) items, or leave it out for the whole order")
            }
            lines = try given.map { line in
                guard !line.lineId.isEmpty, line.lineId.utf8.count <= 64 else { throw APIError.body("lines[].line_id: 1 to 64 characters") }
                guard (1...maxQuantity).contains(line.quantity) else { throw APIError.body("lines[].quantity: 1 to \(maxQuantity)") }
                return ShippedLine(lineId: line.lineId, quantity: line.quantity)
            }
        }
        return ShipmentDraft(order: order, courier: courier, trackingNumber: tracking, lines: lines, packages: packages)
    }

    /// A courier as the API takes it: one of the list's codes exactly (`SF`, `ZTO`, …).
    static func courier(_ text: String) throws -> Courier {
        guard let courier = Courier(rawValue: text) else {
            throw APIError.body("courier \"\(text.prefix(40))\": one of \(Courier.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return courier
    }

    /// A tracking number as the API takes it: exactly 6–40 letters, digits or `-` (no surrounding spaces).
    static func trackingNumber(_ text: String) throws -> TrackingNumber {
        guard let number = TrackingNumber(text), number.value == text.uppercased() else {
            throw APIError.body("tracking_no: \(TrackingNumber.rule)")
        }
        return number
    }
}

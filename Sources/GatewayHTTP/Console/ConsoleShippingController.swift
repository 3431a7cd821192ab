import Foundation
import GatewayCore
import Hummingbird

/// Shipping for warehouse staff (发货, issue #17): a scan-friendly page — scan or type a parcel's trace label, then the
/// tracking number — the 回传失败 queue with its actions, and the order page's "ship" form. Staff record and see only
/// their enterprise's shops.
///
/// - `GET /console/shipping`: the scan form, the orders to ship today per warehouse (the day's pick lists, backlog
///   included), and the write-backs waiting for staff.
/// - `POST /console/shipping` (`trace_code`, `courier`, `tracking_no`): ships everything of the label's order not shipped yet.
/// - `POST /console/shipping/import` (`shop`, `text`): a courier's CSV export, all or nothing (``ShipmentCSVImporter``).
/// - `POST /console/orders/{platform}/{shop}/{id}/ship` (`courier`, `tracking_no`, `qty_<line id>`): ships the quantities
///   given (all blank = everything not shipped yet), back to the order page.
/// - `POST /console/write-backs/{id}/correct` (`courier`, `tracking_no`) and `POST /console/write-backs/{id}/handled`
///   (`note`).
struct ConsoleShippingController: Sendable {
    let shipments: (any ShipmentStore)?
    let packing: (any PackingStore)?
    /// Master data (the warehouses whose orders to ship today are listed).
    let inventory: (any InventoryStore)?
    let shopEnterprises: [String: String]
    let platforms: [String: Platform]
    let renderer: ConsoleRenderer
    let clock: @Sendable () -> Timestamp

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/shipping") { request, context in try await self.page(request, context: context, notice: nil) }
        group.post("/shipping") { request, context in try await self.scan(request, context: context) }
        group.post("/shipping/import") { request, context in try await self.importCSV(request, context: context) }
        group.post("/orders/:platform/:shop/:orderId/ship") { request, context in try await self.ship(request, context: context) }
        group.post("/write-backs/:id/correct") { request, context in try await self.correct(request, context: context) }
        group.post("/write-backs/:id/handled") { request, context in try await self.handled(request, context: context) }
    }

    /// A result shown above the form.
    struct Notice {
        var ok: Bool
        var text: String
    }

    func page(_ request: Request, context: AppRequestContext, notice: Notice?) async throws -> Response {
        let principal = try context.requirePrincipal()
        let language = context.language
        var data: [String: Any] = [
            "courierOptions": Self.courierOptions(selected: nil),
            "shopOptions": platforms.keys.filter { principal.canWrite(enterprise: shopEnterprises[$0]) }.sorted().map { ["value": $0] },
        ]
        if let notice { data["notice"] = ["ok": notice.ok, "text": notice.text] }
        guard let shipments else {
            data["unavailable"] = true
            return renderer.page("shipping", titleKey: "shipping.title", active: "shipping", data: data, request: request, context: context)
        }
        let waiting = try await shipments.writeBacks(needingStaff: true, shops: principal.readableShops(shopEnterprises), limit: 200)
        data["writeBacks"] = waiting.map { writeBack -> [String: Any] in
            let parts = writeBack.state.parts
            return [
                "id": String(writeBack.id),
                "orderId": writeBack.order.platformOrderId,
                "orderHref": ConsoleFormat.orderHref(writeBack.order),
                "shop": writeBack.order.shop,
                "state": parts.name,
                "stateLabel": ConsoleStrings.text("shipping.state.\(parts.name)", language),
                "reason": WriteBackLifecycle.staffMessage(writeBack.state) ?? parts.detail ?? "",
                "trackingNo": writeBack.trackingNumber,
                "courierOptions": Self.courierOptions(selected: writeBack.courier),
                "updatedAt": BeijingTime.format(writeBack.updatedAt),
                "writable": principal.canWrite(enterprise: shopEnterprises[writeBack.order.shop]),
            ]
        }
        data["queueEmpty"] = waiting.isEmpty
        let toShip = try await ordersToShip(principal)
        data["toShip"] = toShip
        data["hasToShip"] = !toShip.isEmpty
        return renderer.page("shipping", titleKey: "shipping.title", active: "shipping", data: data, request: request, context: context)
    }

    func scan(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let fields = try await FormFields.read(&request, context: context)
        let language = context.language
        let code = fields["trace_code"] ?? ""
        guard let packing, !code.isEmpty, code.utf8.count <= 64, let label = try await packing.parcelLabel(traceCode: String(code)),
            (try? context.requireRead(enterprise: shopEnterprises[label.order.shop])) != nil
        else {
            return try await page(
                request,
                context: context,
                notice: Notice(ok: false, text: ConsoleStrings.text("shipping.unknownCode", language) + " \(code.prefix(64))")
            )
        }
        return try await record(order: label.order, lines: nil, fields: fields, request: request, context: context) { notice in
            try await page(request, context: context, notice: notice)
        }
    }

    func importCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let fields = try await FormFields.read(&request, context: context, maxFieldBytes: nil)
        let language = context.language
        guard let shipments else { throw HTTPError(.notFound, message: "shipments are not served") }
        let shop = fields["shop"]
        if let shop, platforms[shop] == nil {
            return try await page(request, context: context, notice: Notice(ok: false, text: "unknown shop \(shop.prefix(64))"))
        }
        let importer = ShipmentCSVImporter(shipments: shipments, platforms: platforms, shopEnterprises: shopEnterprises, clock: clock)
        switch try await importer.run(text: fields.raw("text"), fileName: "shipments.csv", shop: shop, context: context) {
        case .failure(let refused):
            return try await page(request, context: context, notice: Notice(ok: false, text: refused.message))
        case .success(let imported):
            let created = imported.filter(\.recording.created).count
            let text = ConsoleFormat.fill(ConsoleStrings.text("shipping.imported", language), String(created), String(imported.count - created))
            return try await page(request, context: context, notice: Notice(ok: true, text: text))
        }
    }

    func ship(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let fields = try await FormFields.read(&request, context: context)
        let platformName = try context.parameters.require("platform")
        let shop = try context.parameters.require("shop")
        let orderId = try context.parameters.require("orderId")
        guard let platform = Platform(rawValue: platformName), orderId.utf8.count <= 64 else {
            throw HTTPError(.notFound, message: "no order \(platformName)/\(shop)/\(orderId)")
        }
        let key = OrderKey(platform: platform, shop: shop, platformOrderId: orderId)
        var lines: [ShippedLine] = []
        for name in fields.values.keys.sorted() where name.hasPrefix("qty_") {
            guard let text = fields[name] else { continue }
            guard let quantity = Int(text), (0...100_000).contains(quantity) else {
                return ConsoleRenderer.redirect(ConsoleFormat.orderHref(key) + "?ship=bad-quantity")
            }
            if quantity > 0 { lines.append(ShippedLine(lineId: String(name.dropFirst(4)), quantity: quantity)) }
        }
        return try await record(order: key, lines: lines.isEmpty ? nil : lines, fields: fields, request: request, context: context) { notice in
            let query = ConsoleFormat.query([("ship", notice.ok ? "ok" : "refused"), ("message", notice.text)])
            return ConsoleRenderer.redirect(ConsoleFormat.orderHref(key) + query)
        }
    }

    func correct(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let fields = try await FormFields.read(&request, context: context)
        let language = context.language
        let (shipments, writeBack) = try await load(context)
        let principal = try context.requireWrite(enterprise: shopEnterprises[writeBack.order.shop])
        let courier = fields["courier"].flatMap(Courier.init(rawValue:))
        let tracking = fields["tracking_no"].flatMap { TrackingNumber($0) }
        if fields["tracking_no"].map({ !$0.isEmpty && tracking == nil }) == true {
            return try await page(request, context: context, notice: Notice(ok: false, text: ConsoleStrings.text("shipping.badTracking", language)))
        }
        do {
            let corrected = try await shipments.correctWriteBack(
                id: writeBack.id,
                courier: courier,
                trackingNumber: tracking,
                actor: principal.auditActor,
                at: clock()
            )
            let text = ConsoleFormat.fill(ConsoleStrings.text("shipping.resent", language), writeBack.order.platformOrderId, corrected.trackingNumber)
            return try await page(request, context: context, notice: Notice(ok: true, text: text))
        } catch let error as ShipmentCorrectionError {
            return try await page(request, context: context, notice: Notice(ok: false, text: error.message))
        }
    }

    func handled(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let fields = try await FormFields.read(&request, context: context)
        let language = context.language
        let (shipments, writeBack) = try await load(context)
        let principal = try context.requireWrite(enterprise: shopEnterprises[writeBack.order.shop])
        let note = String((fields["note"] ?? "").prefix(2000))
        _ = try await shipments.settleWriteBack(
            id: writeBack.id,
            event: .staffHandled(actor: principal.auditActor),
            detail: note.isEmpty ? nil : "handled: \(note)",
            retryAt: nil,
            actor: principal.auditActor,
            policy: WriteBackLifecycle.RetryPolicy(),
            at: clock()
        )
        let text = ConsoleFormat.fill(ConsoleStrings.text("shipping.handledNotice", language), writeBack.order.platformOrderId)
        return try await page(request, context: context, notice: Notice(ok: true, text: text))
    }

    // MARK: helpers

    /// Today's orders still to ship, per warehouse the caller may see (at most 200 rows in all).
    private func ordersToShip(_ principal: StaffPrincipal) async throws -> [[String: Any]] {
        guard let packing, let inventory else { return [] }
        let today = CalendarDay.beijing(clock())
        let warehouses = try await inventory.masterData().warehouses.values
            .filter { principal.canRead(enterprise: $0.enterpriseId) }
            .sorted { $0.id < $1.id }
        var rows: [[String: Any]] = []
        for warehouse in warehouses where rows.count < 200 {
            let list = try await packing.pickList(warehouseId: warehouse.id, day: today)
            for order in list.orders.prefix(200 - rows.count) {
                rows.append([
                    "warehouse": warehouse.name.isEmpty ? warehouse.id : warehouse.name,
                    "orderId": order.platformOrderId,
                    "shop": order.shop,
                    "packingHref": ConsolePackingController.packingHref(order),
                    "labelsHref": ConsoleLabelsController.orderLabelsHref(order),
                ])
            }
        }
        return rows
    }

    private func record(
        order key: OrderKey,
        lines: [ShippedLine]?,
        fields: FormFields,
        request: Request,
        context: AppRequestContext,
        answer: (Notice) async throws -> Response
    ) async throws -> Response {
        let language = context.language
        let principal = try context.requireWrite(enterprise: shopEnterprises[key.shop])
        guard let shipments else { throw HTTPError(.notFound, message: "shipments are not served") }
        guard let courier = fields["courier"].flatMap(Courier.init(rawValue:)) else {
            return try await answer(Notice(ok: false, text: ConsoleStrings.text("shipping.badCourier", language)))
        }
        guard let tracking = fields["tracking_no"].flatMap({ TrackingNumber($0) }) else {
            return try await answer(Notice(ok: false, text: ConsoleStrings.text("shipping.badTracking", language)))
        }
        do {
            let recording = try await shipments.recordShipment(
                ShipmentDraft(order: key, courier: courier, trackingNumber: tracking, lines: lines),
                actor: principal.auditActor,
                at: clock()
            )
            let units = recording.shipment.lines.reduce(0) { $0 + $1.quantity }
            let text = ConsoleFormat.fill(
                ConsoleStrings.text(recording.created ? "shipping.recorded" : "shipping.already", language),
                key.platformOrderId,
                "\(courier.name) \(tracking.value)",
                String(units)
            )
            return try await answer(Notice(ok: true, text: text))
        } catch let refusal as ShipmentRefusal {
            return try await answer(Notice(ok: false, text: "\(key.platformOrderId): \(refusal.description)"))
        }
    }

    private func load(_ context: AppRequestContext) async throws -> (any ShipmentStore, ShipmentWriteBack) {
        guard let shipments else { throw HTTPError(.notFound, message: "shipments are not served") }
        guard let id = Int64(try context.parameters.require("id")), id > 0, let writeBack = try await shipments.writeBack(id: id) else {
            throw HTTPError(.notFound, message: "no such write-back")
        }
        try context.requireRead(enterprise: shopEnterprises[writeBack.order.shop])
        return (shipments, writeBack)
    }

    static func courierOptions(selected: Courier?) -> [[String: Any]] {
        Courier.allCases.map { ["value": $0.rawValue, "label": "\($0.name) (\($0.rawValue))", "selected": $0 == selected] }
    }
}

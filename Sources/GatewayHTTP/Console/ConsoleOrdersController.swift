import Foundation
import GatewayCore
import GatewayImport
import Hummingbird

/// The order pages: search, one order with its timeline, CSV export. Staff see only their enterprise's shops.
///
/// - `GET /console/orders?q=&phone=&status=&sku=&shop=&platform=&from=&to=&page=`
/// - `GET /console/orders.csv?…` (same filters, up to 10,000 rows, UTF-8 with BOM)
/// - `GET /console/orders/{platform}/{shop}/{platformOrderId}` (raw payloads on the timeline for admins only)
struct ConsoleOrdersController: Sendable {
    static let pageSize = 50
    static let exportLimit = 10_000

    let orders: any OrderStore
    let shopEnterprises: [String: String]
    let platforms: [String: Platform]
    let renderer: ConsoleRenderer
    /// Line fulfilments (stock reservations), when inventory is served.
    var inventory: (any InventoryStore)? = nil
    /// Parcel allocations and trace codes, when supply is served.
    var supply: (any SupplyStore)? = nil
    /// Shipments and their write-backs, when served (the order page's shipments and "ship" form).
    var shipments: (any ShipmentStore)? = nil

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/orders") { request, context in try await self.list(request, context: context) }
        group.get("/orders.csv") { request, context in try await self.export(request, context: context) }
        group.get("/orders/:platform/:shop/:orderId") { request, context in try await self.detail(request, context: context) }
    }

    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let language = context.language
        let visible = principal.readableShops(shopEnterprises)
        let filters = OrderSearchFilters(request)
        var data: [String: Any] = [
            "filters": [
                "q": filters.q, "phone": filters.phone, "sku": filters.sku, "event": filters.event, "from": filters.from, "to": filters.to,
            ],
            "statusOptions": OrderStatus.allCases.map { status -> [String: Any] in
                [
                    "value": status.rawValue, "label": ConsoleStrings.text("status.\(status.rawValue)", language),
                    "selected": status.rawValue == filters.status,
                ]
            },
            "shopOptions": shopKeys(visible).map { shop -> [String: Any] in
                ["value": shop, "label": shopLabel(shop), "selected": shop == filters.shop]
            },
            "platformOptions": Set(platforms.filter { visible?.contains($0.key) ?? true }.values).map(\.rawValue).sorted().map {
                ["value": $0, "label": $0, "selected": $0 == filters.platform] as [String: Any]
            },
            "csvHref": "/console/orders.csv?" + filters.queryString(),
        ]
        var found: [CanonicalOrder] = []
        switch filters.query(visibleShops: visible, limit: Self.pageSize + 1) {
        case .failure(let problem):
            if problem.forbidden { throw HTTPError(.forbidden, message: problem.message) }
            data["error"] = problem.message
        case .success(let query):
            found = try await orders.orders(matching: query)
        }
        let hasMore = found.count > Self.pageSize
        found = Array(found.prefix(Self.pageSize))
        data["orders"] = found.map { row($0, language: language) }
        data["empty"] = found.isEmpty
        data["count"] = found.count
        if filters.page > 1 { data["previousHref"] = "/console/orders?" + filters.queryString(page: filters.page - 1) }
        if hasMore { data["nextHref"] = "/console/orders?" + filters.queryString(page: filters.page + 1) }
        return renderer.page("orders", titleKey: "orders.title", active: "orders", data: data, request: request, context: context)
    }

    func export(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let filters = OrderSearchFilters(request)
        var query: OrderQuery
        switch filters.query(visibleShops: principal.readableShops(shopEnterprises), limit: Self.exportLimit) {
        case .failure(let problem): throw HTTPError(problem.forbidden ? .forbidden : .badRequest, message: problem.message)
        case .success(let value): query = value
        }
        query.offset = 0
        let found = try await orders.orders(matching: query)
        // The columns are the staff API's JSON keys (`GET /api/v1/orders`), lines joined with `;`.
        let items = found.map { OrderResponse(order: $0, enterpriseId: shopEnterprises[$0.key.shop], timeline: nil, includePayloads: false) }
        let text = APICSV.text(items: items, columns: OrderResponse.csvColumns)
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"orders.csv\"",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }

    func detail(_ request: Request, context: AppRequestContext) async throws -> Response {
        let platformName = try context.parameters.require("platform")
        let shop = try context.parameters.require("shop")
        let orderId = try context.parameters.require("orderId")
        let principal = try context.requireRead(enterprise: shopEnterprises[shop])
        guard let platform = Platform(rawValue: platformName),
            let order = try await orders.order(OrderKey(platform: platform, shop: shop, platformOrderId: orderId))
        else { throw HTTPError(.notFound, message: "no order \(platformName)/\(shop)/\(orderId)") }
        let language = context.language
        // Raw payloads can hold a buyer's plaintext contact: only admins get them (read and opened only for them).
        let canOpenPayloads = principal.canOpenRawPayloads
        let timeline = try await orders.timeline(order.key, payloads: canOpenPayloads)
        let snapshot = order.snapshot
        func yuan(_ fen: Int64?) -> String { fen.map { "¥" + Money.yuanString(fromFen: $0) } ?? "—" }
        func statusLabel(_ status: OrderStatus?) -> String {
            status.map { ConsoleStrings.text("status.\($0.rawValue)", language) } ?? "—"
        }
        var data: [String: Any] = [
            "platformOrderId": order.key.platformOrderId,
            "platform": order.key.platform.rawValue,
            "shop": order.key.shop,
            "status": order.status.rawValue,
            "statusLabel": statusLabel(order.status),
            "platformStatus": snapshot?.platformStatus ?? "—",
            "createdAt": snapshot.map { BeijingTime.format($0.createdAt) } ?? "—",
            "paidAt": snapshot?.paidAt.map { BeijingTime.format($0) } ?? "—",
            "platformUpdatedAt": BeijingTime.format(order.platformUpdatedAt),
            "revision": order.revision,
            "liveRoomId": snapshot?.liveRoomId ?? "—",
            "total": yuan(snapshot?.totalFen),
            "discount": yuan(snapshot?.discountFen),
            "postage": yuan(snapshot?.postageFen),
            "paid": yuan(snapshot?.paidFen),
            "buyerName": snapshot?.buyer.maskedName ?? "—",
            "buyerPhone": snapshot?.buyer.maskedPhone ?? "—",
            "buyerRegion": [snapshot?.buyer.province, snapshot?.buyer.city].compactMap { $0 }.joined(separator: " "),
        ]
        if let enterprise = shopEnterprises[shop] { data["enterprise"] = enterprise }
        data["packingHref"] = ConsolePackingController.packingHref(order.key)
        data["lines"] = order.lines.map { line -> [String: Any] in
            var values: [String: Any] = [
                "title": line.title, "skuId": line.skuId, "quantity": line.quantity, "paid": yuan(line.paidFen),
                "refund": ConsoleStrings.text("refund.\(line.refundState.rawValue)", language),
            ]
            if let out = line.outSkuId { values["outSkuId"] = out }
            return values
        }
        data["timeline"] = timeline.map { entry -> [String: Any] in
            var values: [String: Any] = [
                "recordedAt": BeijingTime.format(entry.recordedAt, milliseconds: true),
                "source": ConsoleStrings.text("source.\(entry.source.rawValue)", language),
                "event": entry.event,
                "decision": entry.decision.rawValue,
                "decisionLabel": ConsoleStrings.text("decision.\(entry.decision.rawValue)", language),
                "statusBefore": statusLabel(entry.statusBefore),
                "statusAfter": statusLabel(entry.statusAfter),
                "platformUpdatedAt": BeijingTime.format(entry.platformUpdatedAt),
                "receivedCount": entry.receivedCount,
                "deliveryId": entry.deliveryId,
                "canOpenPayload": canOpenPayloads,
                "payload": canOpenPayloads ? Self.pretty(entry.rawPayload) : "",
            ]
            if let deleted = entry.payloadDeletedAt { values["payloadDeleted"] = BeijingTime.format(deleted) }
            return values
        }
        let fulfilments = try await inventory?.fulfilments(of: order.key) ?? []
        data["reservations"] = fulfilments.flatMap { fulfilment -> [[String: Any]] in
            let parts = fulfilment.reservations.isEmpty ? [StockReservation(warehouseId: "—", skuCode: "—", quantity: 0)] : fulfilment.reservations
            return parts.map { part in
                [
                    "lineId": fulfilment.lineId, "state": fulfilment.state.rawValue, "warehouse": part.warehouseId, "sku": part.skuCode,
                    "quantity": part.quantity,
                ]
            }
        }
        let allocations = try await supply?.allocations(of: order.key) ?? []
        data["allocations"] = allocations.map { stored -> [String: Any] in
            [
                "lineId": stored.lineId, "sku": stored.skuCode, "parcel": stored.allocation.parcelIndex + 1,
                "household": stored.allocation.householdId,
                "lot": stored.allocation.lotId, "kg": Weight.kilogramsString(fromGrams: stored.allocation.grams), "tier": stored.allocation.tier,
                "quota": Weight.kilogramsString(fromGrams: stored.allocation.quotaGrams), "income": yuan(stored.allocation.incomeFen),
                "trace": stored.traceCode, "state": stored.state + (stored.refundedAfterShipment ? " · refunded" : ""),
            ]
        }
        data["hasReservations"] = !fulfilments.isEmpty
        data["hasAllocations"] = !allocations.isEmpty
        if let shipments {
            try await addShipping(to: &data, order: order, shipments: shipments, principal: principal, request: request, language: language)
        }
        return renderer.page("order", titleKey: "order.title", active: "orders", data: data, request: request, context: context)
    }

    // MARK: helpers

    /// The order's shipments, the result of a "ship" form sent back here, and the form while units are left to ship.
    private func addShipping(
        to data: inout [String: Any],
        order: CanonicalOrder,
        shipments: any ShipmentStore,
        principal: StaffPrincipal,
        request: Request,
        language: ConsoleLanguage
    ) async throws {
        let recorded = try await shipments.shipments(of: order.key)
        if let outcome = ConsoleFormat.parameter(request, "ship") {
            let text = ConsoleFormat.parameter(request, "message") ?? (outcome == "ok" ? "" : ConsoleStrings.text("shipping.badTracking", language))
            data["shipNotice"] = ["ok": outcome == "ok", "text": String(text.prefix(300))]
        }
        data["hasShipments"] = !recorded.isEmpty
        data["shipments"] = recorded.map { shipment -> [String: Any] in
            let state = shipment.writeBack.map { $0.state.parts.name } ?? "pending"
            return [
                "id": String(shipment.id), "courier": shipment.courier.name, "trackingNo": shipment.trackingNumber,
                "lines": shipment.lines.map { "\($0.lineId) ×\($0.quantity)" }.joined(separator: "；"),
                "traceCodes": shipment.traceCodes, "stateLabel": ConsoleStrings.text("shipping.state.\(state)", language),
                "recordedAt": BeijingTime.format(shipment.recordedAt),
            ]
        }
        let shipped = Shipment.unitsShipped(by: recorded)
        let left = order.lines.compactMap { line -> [String: Any]? in
            let remaining = line.quantity - (shipped[line.lineId] ?? 0)
            guard remaining > 0, line.refundState == .none else { return nil }
            return ["lineId": line.lineId, "title": line.title, "remaining": remaining]
        }
        let shippable = order.status == .paid || order.status == .shipped
        data["canShip"] = shippable && !left.isEmpty && principal.canWrite(enterprise: shopEnterprises[order.key.shop])
        data["shipLines"] = left
        data["shipAction"] = ConsoleFormat.orderHref(order.key) + "/ship"
        data["courierOptions"] = ConsoleShippingController.courierOptions(selected: nil)
    }

    private func row(_ order: CanonicalOrder, language: ConsoleLanguage) -> [String: Any] {
        let snapshot = order.snapshot
        let key = order.key
        let path = [key.platform.rawValue, key.shop, key.platformOrderId].map {
            $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? $0
        }
        let items = order.lines.map { "\($0.title) ×\($0.quantity)" }.joined(separator: "；")
        let buyer = [snapshot?.buyer.maskedName, snapshot?.buyer.maskedPhone].compactMap { $0 }.joined(separator: " ")
        return [
            "href": "/console/orders/" + path.joined(separator: "/"),
            "platformOrderId": key.platformOrderId,
            "platform": key.platform.rawValue,
            "shop": shopLabel(key.shop),
            "status": order.status.rawValue,
            "statusLabel": ConsoleStrings.text("status.\(order.status.rawValue)", language),
            "createdAt": snapshot.map { BeijingTime.format($0.createdAt) } ?? "—",
            "paid": snapshot.map { Money.yuanString(fromFen: $0.paidFen) } ?? "—",
            "items": items,
            "buyer": buyer,
        ]
    }

    private func shopKeys(_ visible: Set<String>?) -> [String] {
        Set(platforms.keys).union(shopEnterprises.keys).filter { visible?.contains($0) ?? true }.sorted()
    }

    private func shopLabel(_ shop: String) -> String {
        guard let enterprise = shopEnterprises[shop] else { return shop }
        return "\(shop) (\(enterprise))"
    }

    /// Pretty-prints a JSON payload for reading; anything else is shown as received.
    static func pretty(_ payload: String) -> String {
        guard let data = payload.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
            JSONSerialization.isValidJSONObject(object),
            let text = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return payload }
        return String(decoding: text, as: UTF8.self)
    }
}

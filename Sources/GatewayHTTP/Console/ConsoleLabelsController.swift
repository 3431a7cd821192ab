import Foundation
import GatewayCore
import GatewayLabels
import Hummingbird

/// Printable parcel labels for thermal printers (100×150 mm pages, one label each): produce, grade, weight, village,
/// the grower as it agreed to be shown (the public trace page's rule), the trace code in large type, and the QR code of
/// the public trace URL `<trace.public_base_url>/trace/<code>` as inline SVG.
///
/// - `GET /console/labels/{traceCode}`: one parcel's label.
/// - `GET /console/labels/orders/{platform}/{shop}/{platformOrderId}`: every active parcel of an order.
/// - `GET /console/labels/pick-lists/{warehouse}/{day}`: every active parcel of a pick list's lines.
///
/// An unknown or reversed parcel, an unknown order or warehouse, and anything outside a staff user's enterprise answer 404.
struct ConsoleLabelsController: Sendable {
    let packing: (any PackingStore)?
    let inventory: (any InventoryStore)?
    let shopEnterprises: [String: String]
    /// `trace.public_base_url`; `nil`: `http://` and the request's `Host`.
    let traceBaseURL: String?
    let renderer: ConsoleRenderer

    /// The QR code's width on the label, millimetres (quiet zone included).
    static let qrMillimetres = 56.0

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/labels/orders/:platform/:shop/:orderId") { request, context in try await self.orderLabels(request, context: context) }
        group.get("/labels/pick-lists/:warehouse/:day") { request, context in try await self.pickListLabels(request, context: context) }
        group.get("/labels/:code") { request, context in try await self.label(request, context: context) }
    }

    /// The console path of one parcel's label.
    static func labelHref(_ traceCode: String) -> String { "/console/labels/" + ConsoleFormat.segment(traceCode) }

    /// The console path of an order's labels.
    static func orderLabelsHref(_ key: OrderKey) -> String {
        "/console/labels/orders/" + [key.platform.rawValue, key.shop, key.platformOrderId].map(ConsoleFormat.segment).joined(separator: "/")
    }

    /// The console path of a pick list's labels.
    static func pickListLabelsHref(warehouseId: String, day: String) -> String {
        "/console/labels/pick-lists/" + ConsoleFormat.segment(warehouseId) + "/" + ConsoleFormat.segment(day)
    }

    /// The order named by the route's `platform`, `shop` and `orderId`; 404 for an unknown platform.
    static func orderKey(_ context: AppRequestContext) throws -> OrderKey {
        let platformName = try context.parameters.require("platform")
        let shop = try context.parameters.require("shop")
        let orderId = try context.parameters.require("orderId")
        guard let platform = Platform(rawValue: platformName) else { throw HTTPError(.notFound, message: "no platform \(platformName)") }
        return OrderKey(platform: platform, shop: shop, platformOrderId: orderId)
    }

    func label(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let code = try context.parameters.require("code")
        guard let packing, let label = try await packing.parcelLabel(traceCode: code), label.isPrintable,
            principal.canRead(enterprise: label.enterpriseId)
        else { throw HTTPError(.notFound, message: "no parcel with trace code \(code)") }
        return sheet([label], request: request, context: context)
    }

    func orderLabels(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let key = try Self.orderKey(context)
        guard let packing, principal.canRead(enterprise: shopEnterprises[key.shop]), try await packing.packingOrder(key) != nil else {
            throw HTTPError(.notFound, message: "no order \(key)")
        }
        let labels = try await packing.parcelLabels(of: key).filter { $0.isPrintable && principal.canRead(enterprise: $0.enterpriseId) }
        return sheet(labels, request: request, context: context)
    }

    func pickListLabels(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let warehouseId = try context.parameters.require("warehouse")
        let day = try context.parameters.require("day")
        guard CalendarDay.isValid(day) else { throw HTTPError(.badRequest, message: "\(day) is not a day (yyyy-MM-dd)") }
        guard let packing, let inventory, let warehouse = try await inventory.masterData().warehouses[warehouseId],
            principal.canRead(enterprise: warehouse.enterpriseId)
        else { throw HTTPError(.notFound, message: "no warehouse \(warehouseId)") }
        let labels = try await packing.parcelLabels(warehouseId: warehouse.id, day: day)
            .filter { $0.isPrintable && principal.canRead(enterprise: $0.enterpriseId) }
        return sheet(labels, request: request, context: context)
    }

    /// The base of the trace URL: the configured one, else the address the request reached the server at.
    func baseURL(_ request: Request) -> String {
        if let traceBaseURL { return traceBaseURL }
        let authority = request.head.authority ?? "localhost"
        return "http://" + authority
    }

    /// The labels as one printable document.
    private func sheet(_ labels: [ParcelLabel], request: Request, context: AppRequestContext) -> Response {
        let base = baseURL(request)
        let data: [String: Any] = [
            "labels": labels.map { label -> [String: Any] in
                let url = label.traceURL(base: base)
                var values: [String: Any] = [
                    "trace": label.traceCode, "produce": label.productTitle, "grade": label.grade.isEmpty ? "—" : label.grade,
                    "kg": Weight.kilogramsString(fromGrams: label.grams), "village": label.village, "grower": label.householdPublicName,
                    "url": url,
                ]
                if let code = try? QRCode(text: url) {
                    values["qr"] = code.svg(moduleSize: Self.qrMillimetres / Double(code.size + 2 * QRCode.quietZone))
                }
                return values
            }
        ]
        return renderer.document("labels", data: data, context: context)
    }
}

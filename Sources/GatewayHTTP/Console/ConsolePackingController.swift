import Foundation
import GatewayCore
import Hummingbird

/// The warehouse's pages (拣货/打包): pick lists per warehouse and Beijing day, and the packing view of an order. Staff see
/// only their enterprise's warehouses and orders; anything else answers 404, like an unknown one.
///
/// - `GET /console/pick-lists?warehouse=&day=`: choose a warehouse and a day (with both: `303` to the pick list).
/// - `GET /console/pick-lists/{warehouse}/{day}`: the pick list (the day's paid orders and the older backlog).
/// - `GET /console/packing/{platform}/{shop}/{platformOrderId}`: lines, reservations, parcels with trace codes and households.
struct ConsolePackingController: Sendable {
    let packing: (any PackingStore)?
    let inventory: (any InventoryStore)?
    let shopEnterprises: [String: String]
    let renderer: ConsoleRenderer
    let clock: @Sendable () -> Timestamp

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/pick-lists") { request, context in try await self.chooser(request, context: context) }
        group.get("/pick-lists/:warehouse/:day") { request, context in try await self.pickList(request, context: context) }
        group.get("/packing/:platform/:shop/:orderId") { request, context in try await self.packingOrder(request, context: context) }
    }

    /// The console path of a pick list.
    static func pickListHref(warehouseId: String, day: String) -> String {
        "/console/pick-lists/" + ConsoleFormat.segment(warehouseId) + "/" + ConsoleFormat.segment(day)
    }

    /// The console path of an order's packing view.
    static func packingHref(_ key: OrderKey) -> String {
        "/console/packing/" + [key.platform.rawValue, key.shop, key.platformOrderId].map(ConsoleFormat.segment).joined(separator: "/")
    }

    /// The warehouses the caller may see, by id.
    private func visibleWarehouses(_ principal: StaffPrincipal) async throws -> [Warehouse] {
        guard let inventory else { return [] }
        return try await inventory.masterData().warehouses.values
            .filter { principal.canRead(enterprise: $0.enterpriseId) }
            .sorted { $0.id < $1.id }
    }

    func chooser(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let today = CalendarDay.beijing(clock())
        let askedDay = ConsoleFormat.parameter(request, "day")
        if let warehouse = ConsoleFormat.parameter(request, "warehouse") {
            let day = askedDay ?? today
            guard CalendarDay.isValid(day) else { throw HTTPError(.badRequest, message: "\(day) is not a day (yyyy-MM-dd)") }
            return ConsoleRenderer.redirect(Self.pickListHref(warehouseId: warehouse, day: day))
        }
        let warehouses = try await visibleWarehouses(principal)
        let data: [String: Any] = [
            "unavailable": packing == nil || inventory == nil,
            "day": today,
            "hasWarehouses": !warehouses.isEmpty,
            "warehouses": warehouses.enumerated().map { index, warehouse -> [String: Any] in
                [
                    "id": warehouse.id, "name": warehouse.name, "enterprise": warehouse.enterpriseId, "selected": index == 0,
                    "href": Self.pickListHref(warehouseId: warehouse.id, day: today),
                ]
            },
        ]
        return renderer.page("pickLists", titleKey: "pick.title", active: "pickLists", data: data, request: request, context: context)
    }

    func pickList(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let warehouseId = try context.parameters.require("warehouse")
        let day = try context.parameters.require("day")
        guard CalendarDay.isValid(day) else { throw HTTPError(.badRequest, message: "\(day) is not a day (yyyy-MM-dd)") }
        guard let packing, let warehouse = try await visibleWarehouses(principal).first(where: { $0.id == warehouseId }) else {
            throw HTTPError(.notFound, message: "no warehouse \(warehouseId)")
        }
        let list = try await packing.pickList(warehouseId: warehouse.id, day: day)
        let data: [String: Any] = [
            "warehouseName": "\(warehouse.name) (\(warehouse.id))",
            "day": day,
            "total": list.totalQuantity,
            "orderCount": list.orders.count,
            "empty": list.rows.isEmpty,
            "labelsHref": ConsoleLabelsController.pickListLabelsHref(warehouseId: warehouse.id, day: day),
            "rows": list.rows.map { row -> [String: Any] in
                [
                    "sku": row.skuCode, "title": row.title, "grade": row.grade, "quantity": row.quantity,
                    "orders": row.orders.map { share -> [String: Any] in
                        [
                            "href": Self.packingHref(share.order), "orderId": share.order.platformOrderId, "quantity": share.quantity,
                            "day": share.day, "backlog": share.isBacklog(on: day), "refundRequested": share.refundRequested,
                        ]
                    },
                ]
            },
        ]
        return renderer.page("pickList", titleKey: "pick.title", active: "pickLists", data: data, request: request, context: context)
    }

    func packingOrder(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let key = try ConsoleLabelsController.orderKey(context)
        guard let packing, principal.canRead(enterprise: shopEnterprises[key.shop]), let view = try await packing.packingOrder(key) else {
            throw HTTPError(.notFound, message: "no order \(key)")
        }
        let language = context.language
        let data: [String: Any] = [
            "orderHref": ConsoleFormat.orderHref(key),
            "platformOrderId": key.platformOrderId,
            "status": view.status.rawValue,
            "statusLabel": ConsoleStrings.text("status.\(view.status.rawValue)", language),
            "warehouses": view.warehouseIds.isEmpty ? "—" : view.warehouseIds.joined(separator: ", "),
            "hasLabels": view.parcels.contains(where: \.isPrintable),
            "labelsHref": ConsoleLabelsController.orderLabelsHref(key),
            "lines": view.lines.map { line -> [String: Any] in
                [
                    "lineId": line.lineId, "title": line.title, "skuId": line.skuId, "quantity": line.quantity,
                    "refund": ConsoleStrings.text("refund.\(line.refundState.rawValue)", language),
                    "state": line.fulfilment?.rawValue ?? "—",
                    "reserved": line.reservations.isEmpty
                        ? "—" : line.reservations.map { "\($0.warehouseId) · \($0.skuCode) ×\($0.quantity)" }.joined(separator: "; "),
                ]
            },
            "hasParcels": !view.parcels.isEmpty,
            "parcels": view.parcels.map { parcel -> [String: Any] in
                [
                    "lineId": parcel.lineId, "sku": parcel.skuCode, "parcel": parcel.parcelIndex + 1, "grade": parcel.grade,
                    "kg": Weight.kilogramsString(fromGrams: parcel.grams), "householdId": parcel.householdId,
                    "householdHref": "/console/households/" + ConsoleFormat.segment(parcel.householdId),
                    "householdName": parcel.householdPublicName, "village": parcel.village, "trace": parcel.traceCode, "state": parcel.state,
                    "printable": parcel.isPrintable, "labelHref": ConsoleLabelsController.labelHref(parcel.traceCode),
                ]
            },
        ]
        return renderer.page("packing", titleKey: "packing.title", active: "pickLists", data: data, request: request, context: context)
    }
}

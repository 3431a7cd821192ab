import AsyncHTTPClient
import Foundation
import GatewayCore
import GatewayStorage
import MockPlatformKit
import NIOCore
import NIOHTTP1

/// The demo's warehouse worker after the livestream: picks the warehouse with the most paid orders to ship, records each
/// of them whole through the staff API with the worker's token, and waits for the write-backs to settle.
enum DemoShipping {
    /// The warehouse chosen and the orders it ships.
    struct Plan {
        /// The warehouse.
        var warehouse: Warehouse
        /// Its paid orders drawing only on it (no refund asked, every line reserved there), on its enterprise's shops that
        /// can write back (its worker, staff of that enterprise, may record only those).
        var orders: [OrderKey]
    }

    /// How the write-backs of the demo's shipments stand.
    struct Settlement: Equatable {
        /// Confirmed by the platform.
        var confirmed: [ShipmentWriteBack] = []
        /// In staff's queue (回传失败): rejected or conflicting.
        var needingStaff: [ShipmentWriteBack] = []
        /// Still pending, being sent, or with an unknown outcome.
        var waiting = 0
    }

    /// What the worker did and what came of it.
    struct Result {
        /// The warehouse shipped from.
        var warehouse: Warehouse
        /// The worker's login name.
        var worker: String
        /// Orders the worker recorded (the API answered 201 or 200).
        var recorded: Int
        /// Orders the API refused, with the status.
        var refused: [String]
        /// The shop whose next ship call the mock rejects.
        var rejectingShop: String?
        /// The write-backs after waiting.
        var settlement: Settlement
        /// Confirmed shipments whose tracking number the platform's truth does not show for the order.
        var mismatches: [String]

        /// Whether shipping went as the demo expects: every recorded shipment confirmed but the one injected rejection
        /// (in the queue), nothing left waiting, nothing refused and no mismatch.
        var asExpected: Bool {
            let rejections = rejectingShop == nil ? 0 : 1
            return recorded > 0 && refused.isEmpty && settlement.waiting == 0 && settlement.needingStaff.count == rejections
                && settlement.confirmed.count == recorded - rejections && mismatches.isEmpty
        }

        /// The verdict's lines.
        var lines: [String] {
            var lines: [String] = []
            let mark = asExpected ? "✅" : "❌"
            var perPlatform: [String: Int] = [:]
            for writeBack in settlement.confirmed + settlement.needingStaff { perPlatform[writeBack.order.platform.rawValue, default: 0] += 1 }
            let platforms = perPlatform.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append(
                "\(mark) shipping: warehouse \(warehouse.id) (\(warehouse.name)), worker \(worker): \(recorded) orders shipped and recorded"
                    + (platforms.isEmpty ? "" : " (\(platforms))") + (refused.isEmpty ? "" : ", \(refused.count) refused by the API")
            )
            let queue = settlement.needingStaff.map { "\($0.order.shop)/\($0.order.platformOrderId) \(Self.describe($0.state))" }
            let expected = rejectingShop.map { "expected: the mock rejects one ship call of \($0)" } ?? "none expected"
            lines.append(
                "   write-backs: \(settlement.confirmed.count) confirmed, \(settlement.needingStaff.count) rejected in the 回传失败 queue "
                    + "(\(expected)\(queue.isEmpty ? "" : ": " + queue.joined(separator: ", "))), \(settlement.waiting) still waiting"
            )
            lines.append(
                "   tracking numbers: \(settlement.confirmed.count) confirmed shipments checked against the platforms' truth, "
                    + "\(mismatches.count) mismatches"
            )
            for mismatch in mismatches.prefix(20) { lines.append("   - \(mismatch)") }
            for refusal in refused.prefix(20) { lines.append("   - refused: \(refusal)") }
            return lines
        }

        static func describe(_ state: WriteBackLifecycle.State) -> String {
            switch state {
            case .rejected(let reason): "rejected: \(reason)"
            case .conflict(let number): "conflict: the platform shows \(number)"
            default: "\(state)"
            }
        }
    }

    /// Chooses the warehouse with the most orders to ship (ties: by id) among the shops that can write back.
    /// - Parameter shippableShops: the enterprise of each shop that can write back, by shop key.
    static func plan(_ stores: GatewayStores, shippableShops: [String: String], day: String) async throws -> Plan? {
        guard let packing = stores.packing else { return nil }
        var best: Plan?
        for warehouse in try await stores.inventory.masterData().warehouses.values.sorted(by: { $0.id < $1.id }) {
            let list = try await packing.pickList(warehouseId: warehouse.id, day: day)
            var orders: [OrderKey] = []
            for key in list.orders where shippableShops[key.shop] == warehouse.enterpriseId {
                guard let order = try await packing.packingOrder(key), order.status == .paid, !order.lines.isEmpty else { continue }
                let drawsOnlyHere = order.lines.allSatisfy { line in
                    line.refundState == .none && line.fulfilment == .reserved && !line.reservations.isEmpty
                        && line.reservations.allSatisfy { $0.warehouseId == warehouse.id }
                }
                if drawsOnlyHere { orders.append(key) }
            }
            if orders.count > (best?.orders.count ?? 0) { best = Plan(warehouse: warehouse, orders: orders.sorted()) }
        }
        return best
    }

    /// Records each order's shipment whole through `POST /api/v1/orders/{platform}/{shop}/{id}/shipments`.
    /// - Returns: how many were recorded, and the refusals.
    static func record(
        _ orders: [OrderKey],
        gatewayURL: String,
        token: String,
        numbers: DemoTrackingNumbers
    ) async -> (recorded: Int, refused: [String]) {
        var recorded = 0
        var refused: [String] = []
        for key in orders {
            guard let parcel = numbers.parcel(for: key) else {
                refused.append("\(key.shop)/\(key.platformOrderId): no courier for \(key.platform.rawValue)")
                continue
            }
            let path = [key.platform.rawValue, key.shop, key.platformOrderId].map {
                $0.addingPercentEncoding(withAllowedCharacters: unreserved) ?? $0
            }
            var request = HTTPClientRequest(url: "\(gatewayURL)/api/v1/orders/\(path.joined(separator: "/"))/shipments")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            request.headers.add(name: "Content-Type", value: "application/json")
            let body = #"{"courier":"\#(parcel.courier.rawValue)","tracking_no":"\#(parcel.trackingNumber.value)"}"#
            request.body = .bytes(Array(body.utf8))
            do {
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
                _ = try await response.body.collect(upTo: 1 << 20)
                if response.status.code == 200 || response.status.code == 201 {
                    recorded += 1
                } else {
                    refused.append("\(key.shop)/\(key.platformOrderId): HTTP \(response.status.code)")
                }
            } catch {
                refused.append("\(key.shop)/\(key.platformOrderId): \(error)")
            }
        }
        return (recorded, refused)
    }

    /// The characters a path segment keeps as they are (RFC 3986 unreserved).
    static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    /// The write-backs of the shops' shipments, by state.
    static func settlement(_ store: any ShipmentStore, shops: Set<String>) async throws -> Settlement {
        var settlement = Settlement()
        for writeBack in try await store.writeBacks(needingStaff: false, shops: shops, limit: 100_000) {
            switch writeBack.state {
            case .confirmed: settlement.confirmed.append(writeBack)
            case .rejected, .conflict: settlement.needingStaff.append(writeBack)
            case .pending, .sending, .unknownOutcome: settlement.waiting += 1
            case .handled: break
            }
        }
        return settlement
    }

    /// Confirmed shipments whose tracking number the platform's truth does not show for that order.
    static func mismatches(_ confirmed: [ShipmentWriteBack], truth: [MockOrderTruth]) -> [String] {
        var byKey: [String: MockOrderTruth] = [:]
        for order in truth { byKey["\(order.shop)/\(order.orderId)"] = order }
        return confirmed.compactMap { writeBack in
            let key = "\(writeBack.order.shop)/\(writeBack.order.platformOrderId)"
            guard let order = byKey[key] else { return "\(key): not on the platform" }
            let numbers = order.shipments.map { $0.trackingNo.uppercased() }
            if numbers.contains(writeBack.trackingNumber.uppercased()) { return nil }
            return "\(key): ours \(writeBack.trackingNumber), the platform shows \(numbers.isEmpty ? "no shipment" : numbers.joined(separator: ", "))"
        }
    }
}

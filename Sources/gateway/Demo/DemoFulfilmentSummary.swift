import Foundation
import GatewayCore
import GatewayStorage

/// The demo's enterprise view after the livestream: the live event's figures, stock left, the
/// exception queue and what the farmer households supplied.
enum DemoFulfilmentSummary {
    /// Registers the livestream as a live event (its shops, room and author ids, and a window around now).
    @discardableResult
    static func registerLiveEvent(
        _ stores: GatewayStores,
        id: String,
        shops: [String],
        roomId: String,
        authorId: String,
        seconds: Double,
        clock: GatewayClock
    ) async throws -> LiveEvent {
        let now = clock.now()
        let event = LiveEvent(
            id: id,
            title: "县长直播带货 · 保靖椪柑",
            shops: shops,
            roomIds: [roomId],
            authorIds: [authorId],
            startsAt: Timestamp(millisecondsSince1970: now.millisecondsSince1970 - 60_000),
            endsAt: Timestamp(millisecondsSince1970: now.millisecondsSince1970 + Int64((seconds + 600) * 1000))
        )
        _ = try await stores.inventory.apply(MasterDataSeed(liveEvents: [event]), actor: "demo", at: now)
        return event
    }

    /// Lines to print.
    static func lines(_ stores: GatewayStores, eventId: String, withoutStockAPI: Set<String>) async throws -> [String] {
        var lines: [String] = []
        if let figures = try await stores.inventory.liveEventFigures(id: eventId, shops: nil) {
            lines.append(
                "live event \(eventId): \(figures.orders) orders, \(figures.paidOrders) paid, \(figures.cancelledOrders) cancelled, GMV ¥\(Money.yuanString(fromFen: figures.gmvFen))"
            )
            let stock = figures.stockLeft.map { "\($0.skuCode) \($0.available)" }.joined(separator: ", ")
            lines.append("stock left (available): \(stock)")
        }
        let open = try await stores.inventory.exceptions(ExceptionQuery(status: .open, limit: 100_000))
        let byKind = Dictionary(grouping: open, by: \.kind).map { "\($0.value.count) \($0.key.rawValue)" }.sorted().joined(separator: ", ")
        lines.append("exceptions holding orders: \(open.isEmpty ? "none" : byKind)  (gateway exceptions list)")
        let pushes = try await stores.inventory.pendingStockPushes().filter { !withoutStockAPI.contains($0.shop) }
        let upToDate = "every platform SKU up to date on the platforms with a stock API"
        lines.append("stock write-back: \(pushes.isEmpty ? upToDate : "\(pushes.count) push(es) pending")")
        let records = try await stores.supply.records(enterpriseId: nil, from: nil, to: nil).filter(\.counts)
        if !records.isEmpty {
            var households: [String: Household] = [:]
            for household in try await stores.supply.households(enterpriseId: nil, limit: 1_000_000) { households[household.id] = household }
            let grams = records.reduce(Int64(0)) { $0 + $1.allocation.grams }
            let poor = records.filter { households[$0.allocation.householdId]?.registeredPoor == true }.reduce(Int64(0)) { $0 + $1.allocation.grams }
            let income = records.reduce(Int64(0)) { $0 + $1.allocation.incomeFen }
            let reached = Set(records.map(\.allocation.householdId)).count
            let share = grams > 0 ? poor * 100 / grams : 0
            lines.append(
                "farmer supply: \(records.count) parcels, \(Weight.kilogramsString(fromGrams: grams)) kg from \(reached) households (\(share)% registered poor), income due ¥\(Money.yuanString(fromFen: income))"
            )
        }
        return lines
    }
}

import Foundation
import GatewayCore
import Hummingbird

/// The live event board (实时看板): orders, GMV, orders per minute per platform (inline SVG), stock left per SKU and open
/// exceptions of one live event (the newest by default). The page reloads itself every 5 seconds. Staff count only their shops.
///
/// - `GET /console/board?event=`
struct ConsoleBoardController: Sendable {
    static let refreshSeconds = 5

    let inventory: (any InventoryStore)?
    let shopEnterprises: [String: String]
    let renderer: ConsoleRenderer

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/board") { request, context in try await self.board(request, context: context) }
    }

    func board(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let visible = principal.readableShops(shopEnterprises)
        var data: [String: Any] = ["refreshSeconds": Self.refreshSeconds]
        guard let inventory else {
            data["unavailable"] = true
            return renderer.page("board", titleKey: "board.title", active: "board", data: data, request: request, context: context)
        }
        let events = try await inventory.liveEvents().filter { event in
            guard let visible else { return true }
            return event.shops.isEmpty || event.shops.contains(where: visible.contains)
        }
        let asked = ConsoleFormat.parameter(request, "event")
        let chosen = events.first { $0.id == asked } ?? events.first
        data["events"] = events.map { event -> [String: Any] in
            ["id": event.id, "title": event.title, "selected": event.id == chosen?.id]
        }
        let openExceptions = try await inventory.exceptions(ExceptionQuery(status: .open, shops: visible, limit: 100_000))
        data["openExceptions"] = openExceptions.count
        guard let chosen, let figures = try await inventory.liveEventFigures(id: chosen.id, shops: visible) else {
            data["noEvent"] = true
            return renderer.page("board", titleKey: "board.title", active: "board", data: data, request: request, context: context)
        }
        let eventShops = Set(chosen.shops)
        data["openExceptionsInEvent"] = openExceptions.filter { eventShops.isEmpty || eventShops.contains($0.order.shop) }.count
        data["event"] = [
            "id": chosen.id, "title": chosen.title, "startsAt": BeijingTime.format(chosen.startsAt), "endsAt": BeijingTime.format(chosen.endsAt),
        ]
        data["orders"] = figures.orders
        data["paidOrders"] = figures.paidOrders
        data["cancelledOrders"] = figures.cancelledOrders
        data["gmv"] = ConsoleFormat.yuan(figures.gmvFen)
        data["chart"] = Self.chart(figures.perMinute)
        data["platforms"] = Self.platformTotals(figures.perMinute)
        data["stock"] = figures.stockLeft.map { stock -> [String: Any] in
            [
                "sku": stock.skuCode, "title": stock.title, "onHand": stock.onHand, "reserved": stock.reserved, "available": stock.available,
                "low": stock.available == 0,
            ]
        }
        data["skus"] = figures.bySku.map { sku -> [String: Any] in
            ["sku": sku.platformSkuId, "title": sku.title, "quantity": sku.quantity, "paid": ConsoleFormat.yuan(sku.paidFen)]
        }
        return renderer.page("board", titleKey: "board.title", active: "board", data: data, request: request, context: context)
    }

    /// Colours per platform, in a fixed order so a platform keeps its colour between refreshes.
    static let colours = ["#c2410c", "#1d4ed8", "#047857", "#7c3aed", "#b45309", "#be123c", "#0e7490", "#4d7c0f"]

    static func colour(_ platform: Platform) -> String {
        let index = Platform.allCases.firstIndex(of: platform) ?? 0
        return colours[index % colours.count]
    }

    /// Orders per platform over the whole event, with the chart colour.
    static func platformTotals(_ minutes: [MinuteCount]) -> [[String: Any]] {
        var totals: [Platform: Int] = [:]
        for minute in minutes { totals[minute.platform, default: 0] += minute.orders }
        return totals.sorted { $0.key.rawValue < $1.key.rawValue }.map { platform, count in
            ["platform": platform.rawValue, "orders": count, "colour": colour(platform)]
        }
    }

    /// A grouped bar chart (one group per minute, one bar per platform) as inline SVG; no script, no external assets.
    static func chart(_ minutes: [MinuteCount]) -> String {
        let byMinute = Dictionary(grouping: minutes, by: \.minute)
        let keys = byMinute.keys.sorted().suffix(60)
        guard !keys.isEmpty else { return "" }
        let platforms = Set(minutes.map(\.platform)).sorted { $0.rawValue < $1.rawValue }
        let maximum = max(1, minutes.map(\.orders).max() ?? 1)
        let height = 180
        let top = 10
        let bottom = 28
        let left = 34
        let barWidth = max(2, min(14, 600 / max(1, keys.count * platforms.count)))
        let groupWidth = barWidth * platforms.count + 4
        let width = left + groupWidth * keys.count + 10
        var svg = "<svg id=\"orders-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height + top + bottom)\" role=\"img\">"
        svg += "<line x1=\"\(left)\" y1=\"\(top + height)\" x2=\"\(width)\" y2=\"\(top + height)\" stroke=\"#9aa5b1\"/>"
        svg += "<text x=\"\(left - 4)\" y=\"\(top + 8)\" font-size=\"11\" text-anchor=\"end\">\(maximum)</text>"
        svg += "<text x=\"\(left - 4)\" y=\"\(top + height)\" font-size=\"11\" text-anchor=\"end\">0</text>"
        for (index, minute) in keys.enumerated() {
            let x0 = left + index * groupWidth + 2
            let counts = Dictionary(byMinute[minute, default: []].map { ($0.platform, $0.orders) }, uniquingKeysWith: +)
            for (offset, platform) in platforms.enumerated() {
                let count = counts[platform] ?? 0
                guard count > 0 else { continue }
                let barHeight = max(1, count * height / maximum)
                let x = x0 + offset * barWidth
                let y = top + height - barHeight
                let label = "\(BeijingTime.format(minute).suffix(8).prefix(5)) \(platform.rawValue): \(count)"
                svg += "<rect class=\"bar\" data-platform=\"\(platform.rawValue)\" data-orders=\"\(count)\" x=\"\(x)\" y=\"\(y)\" "
                svg += "width=\"\(barWidth - 1)\" height=\"\(barHeight)\" fill=\"\(colour(platform))\"><title>\(label)</title></rect>"
            }
            if index % max(1, keys.count / 8) == 0 {
                let time = String(BeijingTime.format(minute).suffix(8).prefix(5))
                svg += "<text x=\"\(x0)\" y=\"\(top + height + 16)\" font-size=\"11\">\(time)</text>"
            }
        }
        return svg + "</svg>"
    }
}

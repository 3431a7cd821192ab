import Foundation
import GatewayCore
import Hummingbird

/// The order search's filters as they appear in the URL (`q`, `phone`, `status`, `sku`, `event`, `shop`, `platform`, `from`, `to`, `page`),
/// shared by the order list and its CSV export.
struct OrderSearchFilters: Sendable {
    /// Platform order id prefix.
    var q = ""
    /// Phone tail digits.
    var phone = ""
    var status = ""
    var sku = ""
    /// Live event id.
    var event = ""
    var shop = ""
    var platform = ""
    /// `yyyy-MM-dd`, Beijing time, inclusive.
    var from = ""
    /// `yyyy-MM-dd`, Beijing time, inclusive.
    var to = ""
    /// 1-based page, within ``pageRange``.
    var page = 1

    /// The pages a search may ask for; a larger `page` is clamped to the last one, anything unreadable is page 1.
    static let pageRange = 1...10_000

    /// The page a `page` query value names, clamped into ``pageRange`` (never trusted for arithmetic as given).
    static func boundedPage(_ text: String) -> Int {
        guard text.utf8.count <= 20, let value = Int(text) else { return pageRange.lowerBound }
        return min(max(value, pageRange.lowerBound), pageRange.upperBound)
    }

    /// The row offset of a page, or `nil` when it would overflow (never for a ``pageRange`` page and a sane limit).
    static func offset(page: Int, limit: Int) -> Int? {
        guard pageRange.contains(page), limit >= 0 else { return nil }
        let (offset, overflow) = (page - 1).multipliedReportingOverflow(by: limit)
        return overflow ? nil : offset
    }

    /// Reads the filters from a request's query string.
    init(_ request: Request) {
        let parameters = request.uri.queryParameters
        func value(_ name: String) -> String { (parameters.get(name) ?? "").trimmingCharacters(in: .whitespaces) }
        q = value("q")
        phone = value("phone")
        status = value("status")
        sku = value("sku")
        event = value("event")
        shop = value("shop")
        platform = value("platform")
        from = value("from")
        to = value("to")
        page = Self.boundedPage(value("page"))
    }

    /// The store query, or a readable problem.
    /// - Parameter visibleShops: the shops the principal may read (`nil`: all).
    func query(visibleShops: Set<String>?, limit: Int) -> Result<OrderQuery, FilterProblem> {
        guard let offset = Self.offset(page: page, limit: limit) else { return .failure(FilterProblem("page: 1–\(Self.pageRange.upperBound)")) }
        var query = OrderQuery(limit: limit, offset: offset)
        if !q.isEmpty { query.platformOrderIdPrefix = q }
        if !phone.isEmpty {
            guard phone.count <= 4, phone.allSatisfy(\.isASCII), phone.allSatisfy(\.isNumber) else {
                return .failure(FilterProblem("phone: 1–4 digits"))
            }
            query.phoneTail = phone
        }
        if !status.isEmpty {
            guard let value = OrderStatus(rawValue: status) else { return .failure(FilterProblem("status: \(status)")) }
            query.status = value
        }
        if !sku.isEmpty { query.sku = sku }
        if !event.isEmpty { query.liveEventId = event }
        if !platform.isEmpty {
            guard let value = Platform(rawValue: platform) else { return .failure(FilterProblem("platform: \(platform)")) }
            query.platform = value
        }
        if !from.isEmpty {
            guard let start = BeijingTime.parse(from + " 00:00:00") else { return .failure(FilterProblem("from: yyyy-MM-dd")) }
            query.createdFrom = start
        }
        if !to.isEmpty {
            guard let end = BeijingTime.parse(to + " 00:00:00") else { return .failure(FilterProblem("to: yyyy-MM-dd")) }
            query.createdBefore = end.adding(seconds: 86_400)
        }
        if !shop.isEmpty {
            if let visibleShops, !visibleShops.contains(shop) { return .failure(FilterProblem("shop: \(shop)", forbidden: true)) }
            query.shop = shop
        }
        query.shops = visibleShops
        return .success(query)
    }

    /// The query string for these filters (without `page` unless given).
    func queryString(page: Int? = nil) -> String {
        var items: [URLQueryItem] = []
        for (name, value) in [
            ("q", q), ("phone", phone), ("status", status), ("sku", sku), ("event", event), ("shop", shop), ("platform", platform), ("from", from),
            ("to", to),
        ]
        where !value.isEmpty {
            items.append(URLQueryItem(name: name, value: value))
        }
        if let page { items.append(URLQueryItem(name: "page", value: String(page))) }
        var components = URLComponents()
        components.queryItems = items
        return components.percentEncodedQuery ?? ""
    }

    /// A filter the search cannot use.
    struct FilterProblem: Error, Sendable {
        let message: String
        /// The filter names a shop the principal may not read.
        let forbidden: Bool
        init(_ message: String, forbidden: Bool = false) {
            self.message = message
            self.forbidden = forbidden
        }
    }
}

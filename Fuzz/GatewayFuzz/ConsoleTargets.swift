import Foundation
import GatewayConnectors
import GatewayCore
import HTTPTypes
import Hummingbird
import NIOCore

@testable import GatewayHTTP

/// What staff type into the console and the API: query strings (read by Hummingbird's URI parser, then by
/// the console's order search and the `/api/v1` paging), form bodies, and Beijing times.
enum ConsoleTargets {
    static let all: [FuzzTarget] = [
        FuzzTarget(
            name: "console-order-search",
            summary: "a query string -> Request.uri.queryParameters -> OrderSearchFilters -> query(limit:) and queryString",
            run: orderSearch
        ),
        FuzzTarget(name: "console-form", summary: "a form body -> FormFields (fields, trimmed and raw values)", run: form),
        FuzzTarget(name: "api-paging", summary: "a query string -> /api/v1 limit and cursor (PageRequest), console page and offset", run: paging),
        FuzzTarget(name: "beijing-time", summary: "BeijingTime.parse / parseFlexible, and format(parse(x)) read back equal", run: beijingTime),
    ]

    /// A GET request for a path and query, as the server would hand it to a handler.
    static func request(path: String, query: [UInt8]) -> Request {
        let head = HTTPRequest(method: .get, scheme: "http", authority: "localhost", path: path + "?" + String(decoding: query, as: UTF8.self))
        return Request(head: head, body: RequestBody(buffer: ByteBuffer()))
    }

    static func orderSearch(_ input: [UInt8]) {
        let filters = OrderSearchFilters(request(path: "/console/orders", query: input))
        FuzzCheck.require(OrderSearchFilters.pageRange.contains(filters.page), "page \(filters.page) is outside the page range")
        for visible in [nil, Set(["fuzz-shop"])] as [Set<String>?] {
            // The page size and the CSV export's limit (ConsoleOrdersController).
            for limit in [51, 10_000] {
                if case .success(let query) = filters.query(visibleShops: visible, limit: limit) {
                    FuzzCheck.require(query.offset >= 0 && query.limit == limit, "offset \(query.offset) for page \(filters.page)")
                }
            }
        }
        _ = filters.queryString(page: filters.page)
        _ = filters.queryString()
    }

    static func form(_ input: [UInt8]) {
        let fields = FormFields(String(decoding: input, as: UTF8.self))
        for name in fields.values.keys {
            _ = fields[name]
            _ = fields.raw(name)
        }
    }

    static func paging(_ input: [UInt8]) {
        let parameters = request(path: "/api/v1/orders", query: input).uri.queryParameters
        let limit = parameters.get("limit")
        let cursor = parameters.get("cursor")
        for maxOffset in [PageRequest.maxMemoryOffset, PageRequest.maxStoreOffset] {
            guard let page = try? PageRequest.parse(limit: limit, cursor: cursor, maxOffset: maxOffset) else { continue }
            FuzzCheck.require((1...PageRequest.maxLimit).contains(page.limit), "limit \(page.limit)")
            FuzzCheck.require(page.offset >= 0 && page.rowsToRead >= 0, "offset \(page.offset)")
            for hasMore in [false, true] {
                guard let next = page.next(hasMore: hasMore) else { continue }
                FuzzCheck.require(PageRequest.offset(cursor: next) == page.offset + page.limit, "cursor \(next) does not read back")
            }
        }
        let page = OrderSearchFilters.boundedPage(parameters.get("page") ?? "")
        FuzzCheck.require(OrderSearchFilters.offset(page: page, limit: 51) != nil, "no offset for page \(page)")
        _ = OrderSearchFilters.offset(page: Int(parameters.get("offset") ?? "") ?? 0, limit: Int(limit ?? "") ?? 0)
    }

    static func beijingTime(_ input: [UInt8]) {
        let text = String(decoding: input, as: UTF8.self)
        _ = BeijingTime.parseFlexible(text)
        guard let instant = BeijingTime.parse(text) else { return }
        let written = BeijingTime.format(instant, milliseconds: true)
        FuzzCheck.require(BeijingTime.parse(written) == instant, "\(text) -> \(instant) -> \(written) reads back differently")
    }
}

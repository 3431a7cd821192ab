import GRDB
import GatewayCore

/// The SQL of an order search (``SQLiteDatabase/orders(matching:)``): one filter **drives** — SQLite reads its index and
/// nothing else of the table — and every other filter only checks the rows it finds (written `+column`, which SQLite cannot
/// drive by), so the plan does not rest on SQLite's guesses (the database has no `ANALYZE` statistics). The indexes are
/// those of migration `v8-order-search`.
///
/// Which filter drives (``driver(for:)``), first match wins:
/// 1. **platform order id prefix** — the range `prefix ≤ platform_order_id < successor(prefix)` (``successor(ofPrefix:)``:
///    "starts with" by Unicode scalars, as SQLite compares text; `%`, `_`, `*`, `[` are ordinary characters), the matches
///    sorted (`orders_order_id`): the cost grows with the matches, about 0.3 µs each here (0.1 s for a prefix like `6921`
///    that matches a third of a million orders). Walking the list in order until a page of matches turns up would be
///    cheaper for such a prefix, but platform ids grow with time, so a prefix's matches cluster in time: on the benchmark's
///    season, a prefix naming eleven early days of Douyin orders (36,000) took 5–8 s walked and 4–11 ms sorted;
/// 2. **phone tail** — the same range on `phone_reversed` with the tail reversed ("ends with" as "starts with",
///    `orders_phone`; four digits match about one order in 10,000, one digit a tenth of them, sorted likewise);
/// 3. **live event** — `orders_live_event_updated`, already in the page's order;
/// 4. **creation dates** — one arm per status and Beijing day of the window that holds orders (``dayArms(_:dataDays:)``,
///    at most ``maximumArms``), each read from `orders_status_day` already in the page's order and merged (SQLite's
///    `MERGE`): a week costs seven pages of index entries however many orders the week holds;
/// 5. **SKU** — one arm per SKU column (platform SKU, merchant SKU) and shop that has lines of it (``skuShopsProbe(_:)``;
///    a staff member's search only their shops'), each read from `order_lines_sku_shop` / `order_lines_out_sku_shop`
///    already in the page's order (a line carries its order's `updated_local_at`) and merged;
/// 6. **status** — `orders_status_updated`, in the page's order;
/// 7. nothing — the list in its order (`orders_updated`), as before.
///
/// The page (`ORDER BY updated_local_at DESC, platform_order_id LIMIT … OFFSET …`, the order and semantics the store always
/// had) is picked from index columns only; the outer select reads the JSON of the page's rows and nothing else.
struct SQLiteOrderSearch {
    /// The filter that drives a search (see the type's documentation).
    enum Driver: Equatable {
        case prefix
        case phone
        case liveEvent
        /// One arm per status and Beijing day.
        case days([DayArm])
        case sku
        case status
        /// No filter drives: the list in its order.
        case list
    }

    /// A status and a Beijing day number (`(created_at + 8 h) / 1 day`).
    struct DayArm: Equatable {
        let status: OrderStatus
        let day: Int64
    }

    /// The two SKU columns of a line.
    enum SkuColumn: String, Sendable {
        case platform = "sku_id"
        case merchant = "out_sku_id"
    }

    /// A shop with lines of the searched SKU in one of the columns: one arm of a SKU search.
    struct SkuShop: Hashable {
        let column: SkuColumn
        let shop: String
    }

    /// The most arms a search is split into (SQLite takes up to 500 in one compound select): status-and-day arms of a date
    /// window — 400 days with a status, 80 without; a longer window is read in the list's order, by
    /// `orders_status_updated` with a status, else by `orders_updated` — and shop arms of a SKU.
    static let maximumArms = 400

    /// The statement: one column, `order_json`, in the search's order.
    let sql: String
    /// Its arguments.
    let arguments: StatementArguments
    /// Whether the SKU's lines drive it (and so it was built from ``skuShopsProbe(_:)``).
    let drivesBySku: Bool

    /// The filter that drives a query.
    /// - Parameter dataDays: the first and last Beijing day with orders (``dayRangeProbe(_:)``), for a date filter.
    static func driver(for query: OrderQuery, dataDays: ClosedRange<Int64>? = nil) -> Driver {
        if nonEmpty(query.platformOrderIdPrefix) != nil { return .prefix }
        if nonEmpty(query.phoneTail) != nil { return .phone }
        if nonEmpty(query.liveEventId) != nil { return .liveEvent }
        if let arms = dayArms(query, dataDays: dataDays) { return .days(arms) }
        if nonEmpty(query.sku) != nil { return .sku }
        if query.status != nil { return .status }
        return .list
    }

    /// Builds the statement of a query.
    /// - Parameters:
    ///   - dataDays: for a date filter, the first and last Beijing day with orders (``dayRangeProbe(_:)``); without it a
    ///     window open at one end is read as a range.
    ///   - skuShops: for a search the SKU drives, the shops with lines of it (``skuShopsProbe(_:)``); without them the
    ///     SKU's lines are read and sorted, which is correct but slower.
    init(_ query: OrderQuery, dataDays: ClosedRange<Int64>? = nil, skuShops: [SkuShop]? = nil) {
        let driver = Self.driver(for: query, dataDays: dataDays)
        self.drivesBySku = driver == .sku
        let prefix = Self.nonEmpty(query.platformOrderIdPrefix)
        let tail = Self.nonEmpty(query.phoneTail).map(Self.reversed)
        let sku = Self.nonEmpty(query.sku)
        let event = Self.nonEmpty(query.liveEventId)
        var drivesByDays = false
        if case .days = driver { drivesByDays = true }

        // Every filter but the driver's, checked on the rows found (`+column` keeps SQLite from driving by them). When the
        // lines drive, the shop columns are read from the lines (no lookup of the order for another enterprise's line).
        let keys = driver == .sku ? "order_lines" : "orders"
        var checks = Conditions()
        if let platform = query.platform { checks.add("+\(keys).platform = ?", [platform.rawValue]) }
        if let shop = query.shop { checks.add("+\(keys).shop = ?", [shop]) }
        if let shops = query.shops { checks.addShops(shops, column: "+\(keys).shop") }
        if let status = query.status, driver != .status, !drivesByDays { checks.add("+orders.status = ?", [status.rawValue]) }
        if let prefix, driver != .prefix { checks.addPrefix(prefix, column: "+orders.platform_order_id") }
        if let tail, driver != .phone { checks.addPrefix(tail, column: "+orders.phone_reversed") }
        if let event, driver != .liveEvent { checks.add("+orders.live_event_id = ?", [event]) }
        if let from = query.createdFrom { checks.add("+orders.created_at >= ?", [from.millisecondsSince1970]) }
        if let before = query.createdBefore { checks.add("+orders.created_at < ?", [before.millisecondsSince1970]) }
        if let sku, driver != .sku {
            checks.add(
                """
                EXISTS (SELECT 1 FROM order_lines WHERE order_lines.platform = orders.platform AND order_lines.shop = orders.shop
                        AND order_lines.platform_order_id = orders.platform_order_id AND (+order_lines.sku_id = ? OR +order_lines.out_sku_id = ?))
                """,
                [sku, sku]
            )
        }

        var inner: String
        var arguments: StatementArguments = []
        switch driver {
        case .days(let arms):
            // One arm per status and day, each read in the page's order from `orders_status_day`: SQLite merges them.
            var parts: [String] = []
            for arm in arms {
                var conditions = Conditions()
                conditions.add("orders.status = ?", [arm.status.rawValue])
                conditions.add("(orders.created_at + \(Self.beijingOffset)) / \(Self.day) = ?", [arm.day])
                conditions.append(checks)
                parts.append(
                    "SELECT orders.rowid AS id, orders.updated_local_at AS u, orders.platform_order_id AS p FROM orders \(conditions.whereClause)"
                )
                arguments += conditions.arguments
            }
            // No day of the window holds orders: nothing matches.
            if parts.isEmpty { parts = ["SELECT NULL AS id, NULL AS u, NULL AS p WHERE 0"] }
            inner = "SELECT id FROM (\(parts.joined(separator: " UNION ALL ")) ORDER BY u DESC, p LIMIT ? OFFSET ?)"
        case .sku:
            // One arm per SKU column and shop, each read in the page's order from the lines (which carry their order's
            // `updated_local_at`), merged; DISTINCT and UNION drop an order found twice (two lines of the SKU, or the SKU as
            // both a platform and a merchant SKU).
            let sku = sku ?? ""
            var arms: [(column: SkuColumn, shop: String?)] = (skuShops ?? []).filter { pair in
                (query.shop.map { $0 == pair.shop } ?? true) && (query.shops.map { $0.contains(pair.shop) } ?? true)
            }.map { ($0.column, $0.shop) }
            // Unknown shops, or more than the probe lists (it stops after ``maximumArms`` per column): one arm per column.
            let truncated = [SkuColumn.platform, .merchant].contains { column in
                (skuShops ?? []).filter { $0.column == column }.count > Self.maximumArms
            }
            if skuShops == nil || truncated || arms.count > Self.maximumArms { arms = [(.platform, nil), (.merchant, nil)] }
            var parts: [String] = []
            for arm in arms {
                var conditions = Conditions()
                conditions.add("order_lines.\(arm.column.rawValue) = ?", [sku])
                if let shop = arm.shop { conditions.add("order_lines.shop = ?", [shop]) }
                conditions.append(checks)
                parts.append(
                    """
                    SELECT DISTINCT orders.rowid AS id, order_lines.updated_local_at AS u, order_lines.platform_order_id AS p
                    FROM order_lines CROSS JOIN orders ON orders.platform = order_lines.platform AND orders.shop = order_lines.shop
                        AND orders.platform_order_id = order_lines.platform_order_id \(conditions.whereClause)
                    """
                )
                arguments += conditions.arguments
            }
            // No shop has a line of it: nothing matches.
            if parts.isEmpty { parts = ["SELECT NULL AS id, NULL AS u, NULL AS p WHERE 0"] }
            inner = "SELECT id FROM (\(parts.joined(separator: " UNION ")) ORDER BY u DESC, p LIMIT ? OFFSET ?)"
        case .prefix, .phone, .liveEvent, .status, .list:
            var conditions = Conditions()
            if driver == .prefix, let prefix { conditions.addPrefix(prefix, column: "orders.platform_order_id") }
            if driver == .phone, let tail { conditions.addPrefix(tail, column: "orders.phone_reversed") }
            if driver == .liveEvent, let event { conditions.add("orders.live_event_id = ?", [event]) }
            if driver == .status, let status = query.status { conditions.add("orders.status = ?", [status.rawValue]) }
            conditions.append(checks)
            inner = "SELECT rowid FROM orders \(conditions.whereClause) ORDER BY updated_local_at DESC, platform_order_id LIMIT ? OFFSET ?"
            arguments += conditions.arguments
        }
        arguments += [query.limit, query.offset]
        self.sql = "SELECT order_json FROM orders WHERE rowid IN (\(inner)) ORDER BY updated_local_at DESC, platform_order_id"
        self.arguments = arguments
    }

    /// A statement listing the shops that have lines of a SKU, per column (`sku_column`, `shop` rows): a walk from shop to shop
    /// over `order_lines_sku_shop` and `order_lines_out_sku_shop`, one index seek per shop.
    static func skuShopsProbe(_ sku: String) -> (sql: String, arguments: StatementArguments) {
        func walk(_ name: String, _ column: SkuColumn) -> String {
            """
            \(name)(shop) AS (
                SELECT (SELECT min(shop) FROM order_lines WHERE \(column.rawValue) = ?)
                UNION ALL
                SELECT (SELECT min(shop) FROM order_lines WHERE \(column.rawValue) = ? AND shop > \(name).shop) FROM \(name)
                WHERE \(name).shop IS NOT NULL LIMIT \(maximumArms + 1))
            """
        }
        return (
            """
            WITH RECURSIVE \(walk("platform_shops", .platform)), \(walk("merchant_shops", .merchant))
            SELECT '\(SkuColumn.platform.rawValue)' AS sku_column, shop FROM platform_shops WHERE shop IS NOT NULL
            UNION ALL SELECT '\(SkuColumn.merchant.rawValue)', shop FROM merchant_shops WHERE shop IS NOT NULL
            """,
            [sku, sku, sku, sku]
        )
    }

    // MARK: helpers

    /// Milliseconds from UTC to Beijing time: the day arms are Beijing days, like the console's date filters.
    static let beijingOffset: Int64 = 8 * 3_600_000
    /// Milliseconds per day.
    static let day: Int64 = 86_400_000

    /// The status-and-day arms of a query with a creation date filter: every status asked for (all without a status
    /// filter) × every Beijing day of the window that holds orders — `dataDays`, the first and last day with orders
    /// (``dayRangeProbe(_:)``), closes a window open at one end and trims one that reaches past the data. An empty list
    /// when no day of the window holds orders; `nil` when the query has no date filter, the window is open at one end and
    /// `dataDays` is unknown, a bound is beyond the day arithmetic (`created_at ± 292 million years`), or it would take
    /// more than ``maximumArms`` arms.
    static func dayArms(_ query: OrderQuery, dataDays: ClosedRange<Int64>? = nil) -> [DayArm]? {
        let from = query.createdFrom?.millisecondsSince1970
        let before = query.createdBefore?.millisecondsSince1970
        guard from != nil || before != nil else { return nil }
        if let from, let before, from >= before { return [] }
        // The same integer division SQLite does (truncating), only on values where the offset fits.
        var first = dataDays?.lowerBound
        var last = dataDays?.upperBound
        if let from {
            guard let day = dayNumber(from) else { return nil }
            first = max(first ?? day, day)
        }
        if let before {
            let (end, overflow) = before.subtractingReportingOverflow(1)
            guard !overflow, let day = dayNumber(end) else { return nil }
            last = min(last ?? day, day)
        }
        guard let first, let last else { return nil }
        guard first <= last else { return [] }
        let statuses = query.status.map { [$0] } ?? OrderStatus.allCases
        let (span, overflow) = last.subtractingReportingOverflow(first)
        guard !overflow, span < Int64(maximumArms), (span + 1) * Int64(statuses.count) <= Int64(maximumArms) else { return nil }
        return statuses.flatMap { status in (first...last).map { DayArm(status: status, day: $0) } }
    }

    /// A statement reading the first and last Beijing day that hold orders of the statuses a query asks for (`first`,
    /// `last`; `NULL` without any), two index seeks per status in `orders_status_day` — `nil` when the query has no
    /// date filter or another filter drives.
    static func dayRangeProbe(_ query: OrderQuery) -> (sql: String, arguments: StatementArguments)? {
        guard query.createdFrom != nil || query.createdBefore != nil, nonEmpty(query.platformOrderIdPrefix) == nil,
            nonEmpty(query.phoneTail) == nil, nonEmpty(query.liveEventId) == nil
        else { return nil }
        let statuses = query.status.map { [$0] } ?? OrderStatus.allCases
        let day = "(orders.created_at + \(beijingOffset)) / \(Self.day)"
        let parts = statuses.map { _ in
            "SELECT (SELECT min(\(day)) FROM orders WHERE orders.status = ?) AS first, (SELECT max(\(day)) FROM orders WHERE orders.status = ?) AS last"
        }
        var arguments: StatementArguments = []
        for status in statuses { arguments += [status.rawValue, status.rawValue] }
        return ("SELECT min(first) AS first, max(last) AS last FROM (\(parts.joined(separator: " UNION ALL ")))", arguments)
    }

    /// `(created_at + beijingOffset) / day` as SQLite computes it, or `nil` when the sum would overflow (SQLite would turn
    /// it into a real number; such a window is read as a range instead).
    static func dayNumber(_ milliseconds: Int64) -> Int64? {
        let (local, overflow) = milliseconds.addingReportingOverflow(beijingOffset)
        return overflow ? nil : local / day
    }

    /// The least string greater than every string that starts with `prefix`, by Unicode scalars (the order of SQLite's
    /// `BINARY` collation on UTF-8 text): the prefix with its last scalar incremented — past the surrogates, and carried
    /// into the scalar before when it is U+10FFFF. `nil` when there is none (the prefix is all U+10FFFF, or empty): then
    /// every string from the prefix on starts with it.
    static func successor(ofPrefix prefix: String) -> String? {
        var scalars = Array(prefix.unicodeScalars)
        while let last = scalars.popLast() {
            let next = last.value == 0xD7FF ? 0xE000 : last.value + 1
            if let scalar = Unicode.Scalar(next) {
                scalars.append(scalar)
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars)
                return String(view)
            }
        }
        return nil
    }

    /// A string with its Unicode scalars in reverse order (what `phone_reversed` holds).
    static func reversed(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text.unicodeScalars.reversed())
        return String(view)
    }

    /// The phone tail source of an order as the search matches it: ``GatewayCore/BuyerInfo/phoneTail``, else the masked
    /// phone, reversed (`nil` without either).
    static func phoneReversed(of order: CanonicalOrder) -> String? {
        guard let buyer = order.snapshot?.buyer, let source = buyer.phoneTail ?? buyer.maskedPhone else { return nil }
        return reversed(source)
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    /// SQL conditions joined with `AND`, and their arguments in order.
    struct Conditions {
        private(set) var terms: [String] = []
        private(set) var arguments: StatementArguments = []

        mutating func add(_ term: String, _ values: StatementArguments) {
            terms.append(term)
            arguments += values
        }

        mutating func append(_ other: Conditions) {
            terms += other.terms
            arguments += other.arguments
        }

        /// "`column` starts with `prefix`" as a range.
        mutating func addPrefix(_ prefix: String, column: String) {
            add("\(column) >= ?", [prefix])
            if let successor = SQLiteOrderSearch.successor(ofPrefix: prefix) { add("\(column) < ?", [successor]) }
        }

        /// The staff's shops (none: no row).
        mutating func addShops(_ shops: Set<String>, column: String) {
            if shops.isEmpty {
                add("0", [])
            } else {
                add("\(column) IN (\(Array(repeating: "?", count: shops.count).joined(separator: ", ")))", StatementArguments(shops.sorted()))
            }
        }

        var whereClause: String { terms.isEmpty ? "" : "WHERE " + terms.joined(separator: " AND ") }
    }
}

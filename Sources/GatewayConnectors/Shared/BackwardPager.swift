/// Reading a paged incremental list **from the last page backwards**, as PDD and Taobao require
/// (platforms.md §3.1 "必须采用倒序的分页方式", §4.1).
///
/// Why backwards: while the gateway pages through a window, an order in it may be updated again;
/// its new update time lies after the window's end (the window ends in the past), so it drops out
/// and every later row shifts one place towards page 1. Reading forwards, the row that shifts across
/// a page boundary into a page already read is missed. Reading backwards, shifted rows only move into
/// pages not read yet, so nothing is missed (a row may be seen twice; callers de-duplicate).
///
/// The strategy ([U] how `use_has_next` combines with backward paging is not documented):
/// 1. Page 1 with `use_has_next=false`, which returns the total count and so the last page
///    (counted in the page size the platform actually served, should it cap the one asked for).
///    One page in all: done with this single call.
/// 2. Otherwise the last page, then every page down to page 1 (page 1 read again, since rows may have
///    shifted into it), each with `use_has_next=true` (no counting on the platform's side). Should the
///    last page report `has_next` (rows entered the window meanwhile), the pages after it are read too.
/// 3. Should the platform answer page 1 without a total count, the last page is found by following
///    `has_next` forwards and then every page before it is read again backwards.
public enum BackwardPager {
    /// An upper bound on pages per window, against a platform that always says `has_next`.
    public static let maxPages = 1000

    /// The last page number (1-based) for a total count; `1` when there is nothing or one page.
    ///
    /// Divides before rounding up: `totalCount + pageSize - 1` overflowed for a platform's total near
    /// `Int.max` and trapped the process (fuzz target `douyin-poll`, `"total":9223372036854775807`).
    public static func lastPage(totalCount: Int, pageSize: Int) -> Int {
        guard totalCount > 0, pageSize > 0 else { return 1 }
        return totalCount / pageSize + (totalCount % pageSize == 0 ? 0 : 1)
    }

    /// Pages in reading order for a known total: last page first, down to page 1.
    public static func backwardPages(totalCount: Int, pageSize: Int) -> [Int] {
        Array((1...lastPage(totalCount: totalCount, pageSize: pageSize)).reversed())
    }

    /// Reads every page of one window and returns the rows in reading order (duplicates possible).
    /// - Parameters:
    ///   - pageSize: rows per page, as sent to the platform.
    ///   - fetch: reads one page (1-based); the flag says whether to send `use_has_next=true`.
    public static func collect<Item: Sendable>(
        pageSize: Int,
        fetch: (_ page: Int, _ useHasNext: Bool) async throws -> PagedResult<Item>
    ) async throws -> [Item] {
        let probe = try await fetch(1, false)
        var items = probe.items
        if let total = probe.totalCount {
            // A platform that caps the page size below what was asked numbers its pages by its own size.
            let served = probe.items.count
            let effectiveSize = served > 0 && served < pageSize && served < total ? served : pageSize
            let last = lastPage(totalCount: total, pageSize: effectiveSize)
            guard last > 1 else { return items }
            // Reading backwards needs every page: a total beyond the page bound fails the window (retried, logged)
            // rather than reading pages without end or dropping rows silently.
            guard last <= maxPages else {
                throw ConnectorError("the platform counts \(total) rows in one window, more than \(maxPages) pages of \(effectiveSize)")
            }
            var page = last
            var tail = try await fetch(page, true)
            items += tail.items
            while tail.hasNext == true, !tail.items.isEmpty, page < maxPages {
                page += 1
                tail = try await fetch(page, true)
                items += tail.items
            }
            for earlier in stride(from: last - 1, through: 1, by: -1) {
                items += try await fetch(earlier, true).items
            }
            return items
        }
        var page = 1
        var current = probe
        while current.hasMore(pageSize: pageSize), page < maxPages {
            page += 1
            current = try await fetch(page, true)
            items += current.items
        }
        for earlier in stride(from: page - 1, through: 1, by: -1) {
            items += try await fetch(earlier, true).items
        }
        return items
    }
}

/// One page of an incremental list.
public struct PagedResult<Item: Sendable>: Sendable {
    /// The rows on the page.
    public var items: [Item]
    /// The total row count, when the platform counted (`use_has_next=false`).
    public var totalCount: Int?
    /// Whether a later page exists, when the platform says so (`use_has_next=true`).
    public var hasNext: Bool?

    /// Creates a page.
    public init(items: [Item], totalCount: Int? = nil, hasNext: Bool? = nil) {
        self.items = items
        self.totalCount = totalCount
        self.hasNext = hasNext
    }

    /// Whether a later page may exist: the platform's `has_next`, else whether this page was full.
    func hasMore(pageSize: Int) -> Bool {
        guard !items.isEmpty else { return false }
        return hasNext ?? (items.count >= pageSize)
    }
}

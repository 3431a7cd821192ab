import Foundation
import Hummingbird

/// The one paging scheme of the staff API: `limit` (1…``maxLimit``, default ``defaultLimit``) and an opaque
/// `cursor` taken from the previous page's `next`. A page answers `{"items":[…],"next":"…"|null}`.
///
/// The cursor is opaque on purpose: it holds a position today, so integrators must not build one themselves. Any
/// text of its form is accepted (one past the end of the list gives an empty last page), anything else is `400`.
struct PageRequest: Sendable, Equatable {
    /// The default page size.
    static let defaultLimit = 100
    /// The largest page size.
    static let maxLimit = 1000
    /// How far a cursor may point into a list the store pages itself (orders, reconciliation runs).
    static let maxStoreOffset = 10_000_000
    /// How far a cursor may point into a list paged in memory (the rows before it are read too).
    static let maxMemoryOffset = 100_000

    /// Items per page.
    var limit: Int
    /// Items skipped.
    var offset: Int
    /// The farthest position this list pages to.
    var maxOffset: Int = maxMemoryOffset

    /// Parses `limit` and `cursor`.
    /// - Parameters:
    ///   - limit: the `limit` parameter as sent (`nil`: the default).
    ///   - cursor: the `cursor` parameter as sent (`nil`: the first page).
    ///   - maxOffset: the farthest position a cursor may hold for this list.
    /// - Throws: ``APIError`` `invalid_parameter` for a bad limit, `invalid_cursor` for a bad cursor.
    static func parse(limit: String?, cursor: String?, maxOffset: Int = maxMemoryOffset) throws -> PageRequest {
        var page = PageRequest(limit: defaultLimit, offset: 0, maxOffset: maxOffset)
        if let limit {
            guard let value = Int(limit), (1...maxLimit).contains(value) else {
                throw APIError.parameter("limit must be an integer from 1 to \(maxLimit)")
            }
            page.limit = value
        }
        if let cursor {
            guard let offset = offset(cursor: cursor) else {
                throw APIError(.badRequest, .invalidCursor, "cursor is not one this API handed out; start again without it")
            }
            page.offset = offset
        }
        return page
    }

    /// Parses `limit` and `cursor` of a request.
    static func parse(_ request: Request, maxOffset: Int = maxMemoryOffset) throws -> PageRequest {
        try parse(limit: request.uri.queryParameters.get("limit"), cursor: request.uri.queryParameters.get("cursor"), maxOffset: maxOffset)
    }

    /// How many rows to read from a store to fill this page and know whether another follows (none past the end).
    var rowsToRead: Int { isBeyondEnd ? 0 : offset + limit + 1 }

    /// Whether the position lies beyond what this list pages (the page is then empty and the last).
    var isBeyondEnd: Bool { offset > maxOffset }

    /// The cursor of the page after this one, or `nil` when this is the last.
    func next(hasMore: Bool) -> String? { hasMore && !isBeyondEnd ? Self.cursor(offset: offset + limit) : nil }

    /// The opaque cursor for a position (1 to 8 characters of `0-9a-z`).
    static func cursor(offset: Int) -> String { String(offset, radix: 36) }

    /// The position a cursor holds, or `nil` when it is not one of ours (every text of 1 to 8 characters `0-9a-z`
    /// is; one pointing past the end of a list gives an empty last page).
    static func offset(cursor: String) -> Int? {
        guard (1...8).contains(cursor.utf8.count), cursor.utf8.allSatisfy({ (48...57).contains($0) || (97...122).contains($0) }) else {
            return nil
        }
        return Int(cursor, radix: 36)
    }
}

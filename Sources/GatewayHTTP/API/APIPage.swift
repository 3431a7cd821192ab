/// One page of a staff API list: `{"items":[…],"next":"…"|null}` (`next` is the cursor of the following page).
public struct APIPage<Item: Encodable & Sendable>: Encodable, Sendable {
    /// The page's items.
    public var items: [Item]
    /// The cursor of the next page; `null` on the last page.
    public var next: String?

    /// Creates a page.
    public init(items: [Item], next: String?) {
        self.items = items
        self.next = next
    }

    /// A page cut from rows read from the position of `page` on (at most `limit + 1` of them are needed).
    init(rowsFromOffset rows: [Item], page: PageRequest) {
        items = Array(rows.prefix(page.limit))
        next = page.next(hasMore: rows.count > page.limit)
    }

    /// A page cut from a whole list held in memory.
    init(all: [Item], page: PageRequest) {
        self.init(rowsFromOffset: page.isBeyondEnd ? [] : Array(all.dropFirst(page.offset)), page: page)
    }

    enum CodingKeys: String, CodingKey {
        case items
        case next
    }

    /// Encodes `next` as `null` on the last page rather than leaving it out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(next, forKey: .next)
    }
}

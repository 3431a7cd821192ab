/// One page of a platform's order list, read so that **one bad row never fails the page** (issue #11 finding 5):
/// the envelope (counts, cursors, `has_next`, error codes) is decoded with `Codable` as before, while the list
/// itself is kept as raw JSON rows, one ``RawJSON`` per element.
///
/// Each row then becomes its own inbox delivery (``PollRowDelivery``). A row its wire struct cannot decode is
/// stored like any other and parked by the inbox processor when `observations(from:)` throws on it; the poll
/// window succeeds and its cursor moves on. Only a page whose envelope cannot be read fails the window.
struct PollPage<Envelope: Sendable>: Sendable {
    /// The page without its list: whatever the connector needs to page on.
    var envelope: Envelope
    /// The list's elements, as the platform sent them.
    var rows: [RawJSON]

    /// Creates a page from parts.
    init(envelope: Envelope, rows: [RawJSON]) {
        self.envelope = envelope
        self.rows = rows
    }

    /// Reads a page from its decoded envelope and the response text it was decoded from.
    /// - Parameters:
    ///   - envelope: the response decoded into a struct that leaves the list out.
    ///   - responseText: the whole response body.
    ///   - list: finds the list in the parsed response, e.g. `{ $0["data"]?["orderList"] }`. A list that is
    ///     missing or `null` is an empty page.
    /// - Throws: ``ConnectorError`` when the response is not JSON or the list is neither an array nor `null`.
    init(envelope: Envelope, responseText: String, list: (RawJSON) -> RawJSON?) throws {
        let document = try RawJSON(parsing: responseText)
        self.envelope = envelope
        guard let found = list(document), found.kind != .null else {
            self.rows = []
            return
        }
        guard let rows = found.elements else {
            throw ConnectorError("the order list in the page is not an array but \(found.kind)")
        }
        self.rows = rows
    }
}

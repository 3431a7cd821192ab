import Crypto
import Foundation
import GatewayCore

/// Turning the raw rows of poll pages (``PollPage``) into inbox deliveries, one per row, and reading them back.
///
/// - A row whose order id and update time can be read gets the connector's usual delivery id,
///   `poll:<id>:<update time>` (each connector keeps its own time unit: the inbox de-duplicates on it).
/// - A row that cannot be read at all gets `poll:unreadable:<first 32 hex digits of the SHA-256 of its bytes>`:
///   the same row polled again (window overlap, a retried window) is the same delivery, stored once.
/// - Either way the payload is the row's own bytes. ``decode(_:from:platform:)`` throws a ``ConnectorError``
///   that names the delivery for a row that does not decode, and the inbox processor parks it as `undecodable`.
enum PollRowDelivery {
    /// The prefix of the delivery id of a row whose order id or update time cannot be read.
    static let unreadablePrefix = "poll:unreadable:"

    /// The delivery id of a row that cannot be read: derived from its bytes, so stable across polls.
    static func unreadableDeliveryId(_ row: RawJSON) -> String {
        unreadablePrefix + String(SHA256.hash(data: row.bytes).hexString.prefix(32))
    }

    /// One delivery per row, in row order, without repeats (a row read twice while paging backwards).
    /// - Parameters:
    ///   - rows: the rows of every page of a window.
    ///   - platform: the platform; `shop`: the configured shop key; `receivedAt`: when the pages were read.
    ///   - key: the row's `<id>:<update time>` — the usual delivery id without `poll:` — or `nil` when the row
    ///     cannot be read.
    static func deliveries(
        _ rows: [RawJSON],
        platform: Platform,
        shop: String,
        receivedAt: Timestamp,
        key: (RawJSON) -> String?
    ) -> [InboxDelivery] {
        var seen: Set<String> = []
        var deliveries: [InboxDelivery] = []
        for row in rows {
            let deliveryId = key(row).map { "poll:\($0)" } ?? unreadableDeliveryId(row)
            guard seen.insert(deliveryId).inserted else { continue }
            deliveries.append(
                InboxDelivery(platform: platform, shop: shop, deliveryId: deliveryId, kind: .poll, receivedAt: receivedAt, payload: row.bytes)
            )
        }
        return deliveries
    }

    /// Decodes a stored poll row.
    /// - Parameters:
    ///   - type: the platform's wire struct for a list row.
    ///   - entry: the stored delivery.
    ///   - platform: the platform's name for the message.
    /// - Throws: ``ConnectorError`` naming the delivery, the decoding problem and the row's size — never the row's content:
    ///   the message lands in the parked entry and its exception in plaintext, and a row can hold a buyer's name, phone
    ///   and address (admins open the row itself, sealed at rest, on the order or exception).
    static func decode<T: Decodable>(_ type: T.Type, from entry: InboxEntry, platform: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(entry.delivery.payload))
        } catch {
            throw ConnectorError(
                "\(platform) poll row \(entry.delivery.deliveryId) cannot be read as \(T.self): \(describe(error)) (row of \(entry.delivery.payload.count) bytes)"
            )
        }
    }

    /// A decoding error in a line staff can read: the field's path and what was wrong with it.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context, _ last: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath + (last.map { [$0] } ?? [])
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "the row" : String(text.drop { $0 == "." })
        }
        switch error {
        case .typeMismatch(let type, let context): return "\(path(context)) is not a \(type) (\(context.debugDescription))"
        case .valueNotFound(let type, let context): return "\(path(context)) is null where a \(type) is needed"
        case .keyNotFound(let key, let context): return "\(path(context, key)) is missing"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

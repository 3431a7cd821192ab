import Foundation
import GRDB
public import GatewayCore

/// Writes orders that are already merged straight into the store, many per transaction: how `gateway-bench seed-orders`
/// fills a database with a season of orders in minutes instead of the hours the pipeline would take.
///
/// Each order's rows are the ones the pipeline writes: the order row with its search columns and its lines (the same
/// code as ``SQLiteDatabase``), its timeline with sealed raw payloads, and its line fulfilments. Nothing is merged,
/// routed, reserved or allocated, and no inbox entry is written (timeline rows have no `inbox_id`): the entries describe
/// the outcome. Not for production data.
public struct SQLiteBulkOrderWriter: Sendable {
    /// One order as it should be stored.
    public struct Entry: Sendable {
        /// The merged order.
        public var order: CanonicalOrder
        /// When the gateway last saved it (`updated_local_at`, the searches' sort key).
        public var savedAt: Timestamp
        /// The live event it is attributed to.
        public var liveEventId: String?
        /// Its timeline, oldest first (``GatewayCore/TimelineEntry/inboxId`` and ``GatewayCore/TimelineEntry/receivedCount`` are
        /// not stored: there is no inbox entry).
        public var timeline: [TimelineEntry]
        /// Its lines' fulfilments.
        public var fulfilments: [LineFulfilment]

        /// Creates an entry.
        public init(
            order: CanonicalOrder,
            savedAt: Timestamp,
            liveEventId: String? = nil,
            timeline: [TimelineEntry] = [],
            fulfilments: [LineFulfilment] = []
        ) {
            self.order = order
            self.savedAt = savedAt
            self.liveEventId = liveEventId
            self.timeline = timeline
            self.fulfilments = fulfilments
        }
    }

    private let writer: any DatabaseWriter
    private let sealer: DataSealer

    /// Creates a writer over a migrated database.
    public init(database: SQLiteDatabase) {
        self.writer = database.writer
        self.sealer = database.sealer
    }

    /// Gives the writer connection a large page cache (512 MB) while the indexes grow: with the default 2 MB every index
    /// insert becomes a read. Call ``finishBulkLoad()`` after the last ``write(_:)``.
    public func beginBulkLoad() async throws {
        try await writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = -524288") }
    }

    /// Checkpoints and truncates the WAL and gives the writer its default page cache back.
    public func finishBulkLoad() async throws {
        try await writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            try db.execute(sql: "PRAGMA cache_size = -2000")
        }
    }

    /// Writes the entries in one transaction; an order that exists is replaced (its timeline and fulfilments are added to).
    /// - Throws: a GRDB error, or an encoding or sealing error; nothing is written then.
    public func write(_ entries: [Entry]) async throws {
        let sealer = self.sealer
        try await writer.write { db in
            for entry in entries {
                let key = entry.order.key
                try SQLiteOrderRows.save(entry.order, db: db, now: entry.savedAt, sealer: sealer)
                if let event = entry.liveEventId {
                    try db.executeCached(
                        sql: "UPDATE orders SET live_event_id = ? WHERE platform = ? AND shop = ? AND platform_order_id = ?",
                        arguments: [event, key.platform.rawValue, key.shop, key.platformOrderId]
                    )
                }
                for item in entry.timeline {
                    try db.executeCached(
                        sql: """
                            INSERT INTO timeline (platform, shop, platform_order_id, inbox_id, delivery_id, source, event, decision,
                                                  status_before, status_after, platform_updated_at, recorded_at, raw_payload)
                            VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            key.platform.rawValue, key.shop, key.platformOrderId, item.deliveryId, item.source.rawValue, item.event,
                            item.decision.rawValue, item.statusBefore?.rawValue, item.statusAfter.rawValue,
                            item.platformUpdatedAt.millisecondsSince1970, item.recordedAt.millisecondsSince1970,
                            try sealer.sealText(item.rawPayload, purpose: .timelinePayload),
                        ]
                    )
                }
                for fulfilment in entry.fulfilments {
                    try db.executeCached(
                        sql: """
                            INSERT OR REPLACE INTO line_fulfilments (platform, shop, platform_order_id, line_id, state, reservations_json,
                                                                     enterprise_ids, updated_at, sku_id, quantity)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            key.platform.rawValue, key.shop, key.platformOrderId, fulfilment.lineId, fulfilment.state.rawValue,
                            try SQLiteRows.json(fulfilment.reservations), fulfilment.enterpriseIds.joined(separator: ","),
                            entry.savedAt.millisecondsSince1970, fulfilment.skuId, fulfilment.quantity,
                        ]
                    )
                }
            }
        }
    }
}

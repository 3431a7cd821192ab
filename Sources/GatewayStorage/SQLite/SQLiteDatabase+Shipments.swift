import Foundation
import GRDB
public import GatewayCore

/// Shipments and the write-back outbox on SQLite. Decisions are Core's: ``ShipmentPlanner`` checks a shipment,
/// ``OrderLifecycle`` consumes stock and opens or closes `shipment_rejected` exceptions (applied by ``SQLiteLifecycle``),
/// ``WriteBackLifecycle`` moves the outbox entry; this file loads and stores.
extension SQLiteDatabase: ShipmentStore {
    /// The outbox entries a claim may take at a time (`?` now, now, limit): still in play — searched by state through
    /// `shipment_write_backs_due`, so a season of confirmed write-backs costs the once-a-second claim nothing — not
    /// leased, and due (a `sending` one whose lease ended is due at once).
    static let claimDueSQL = """
        SELECT * FROM shipment_write_backs
        WHERE state IN ('pending', 'sending', 'unknown')
          AND (lease_until IS NULL OR lease_until <= ?)
          AND (state = 'sending' OR not_before IS NULL OR not_before <= ?)
        ORDER BY id LIMIT ?
        """

    public func recordShipment(_ draft: ShipmentDraft, actor: String, at now: Timestamp) async throws -> ShipmentRecording {
        let sealer = self.sealer
        return try await writer.write { db in try Self.record(draft, actor: actor, db: db, now: now, sealer: sealer) }
    }

    public func recordShipments(_ drafts: [ShipmentDraft], actor: String, at now: Timestamp) async throws -> [ShipmentRecording] {
        let sealer = self.sealer
        return try await writer.write { db in
            var recordings: [ShipmentRecording] = []
            var refusals: [(index: Int, refusal: ShipmentRefusal)] = []
            for (index, draft) in drafts.enumerated() {
                do {
                    recordings.append(try Self.record(draft, actor: actor, db: db, now: now, sealer: sealer))
                } catch let refusal as ShipmentRefusal {
                    refusals.append((index, refusal))
                }
            }
            // Any refusal rolls the whole transaction back: all or nothing.
            guard refusals.isEmpty else { throw ShipmentBatchRefusal(refusals: refusals) }
            return recordings
        }
    }

    /// Records one shipment in the caller's transaction.
    private static func record(_ draft: ShipmentDraft, actor: String, db: Database, now: Timestamp, sealer: DataSealer) throws -> ShipmentRecording {
        let key = draft.order
        guard let order = try SQLiteOrderRows.load(key, db: db, opening: nil) else { throw ShipmentRefusal.unknownOrder(key) }
        let earlier = try Self.shipments(of: key, db: db)
        if let same = earlier.first(where: { $0.trackingNumber == draft.trackingNumber.value }) {
            return ShipmentRecording(shipment: same, created: false)
        }
        let fulfilments = Dictionary(
            try SQLiteRows.loadFulfilments(key, db: db).map { ($0.lineId, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        let plan = try ShipmentPlanner.plan(draft, order: order, fulfilments: fulfilments, earlier: earlier).get()
        let codes = try Self.traceCodes(of: key, lines: plan.lines.map(\.lineId), db: db)
        var shipment = ShipmentRecord(
            id: nil,
            platform: key.platform.rawValue,
            shop: key.shop,
            platformOrderId: key.platformOrderId,
            courier: draft.courier.rawValue,
            trackingNo: draft.trackingNumber.value,
            wholeOrder: plan.wholeOrder,
            packages: draft.packages,
            traceCodes: try SQLiteRows.json(codes),
            recordedBy: actor,
            recordedAt: now.millisecondsSince1970
        )
        try shipment.insert(db)
        guard let shipmentId = shipment.id else { throw StorageError("shipment insert returned no id") }
        for line in plan.lines {
            try ShipmentLineRecord(shipmentId: shipmentId, lineId: line.lineId, quantity: line.quantity).insert(db)
        }
        var outbox = ShipmentWriteBackRecord(
            id: nil,
            shipmentId: shipmentId,
            state: "pending",
            attempts: 0,
            courier: draft.courier.rawValue,
            trackingNo: draft.trackingNumber.value,
            updatedAt: now.millisecondsSince1970
        )
        try outbox.insert(db)
        _ = try SQLiteLifecycle.run(db: db, now: now, opening: nil, sealer: sealer) { lifecycle in
            try lifecycle.ship(key, completedLineIds: plan.completedLineIds)
        }
        try SQLiteRows.audit(
            db,
            now: now,
            actor: actor,
            action: "shipment.record",
            subject: "order:\(key)",
            detail: ["shipment": "\(shipmentId)", "courier": draft.courier.rawValue, "tracking_no": draft.trackingNumber.value]
        )
        guard let stored = try Self.shipment(id: shipmentId, db: db) else { throw StorageError("shipment \(shipmentId) vanished") }
        return ShipmentRecording(shipment: stored, created: true)
    }

    public func shipments(of order: OrderKey) async throws -> [Shipment] {
        try await writer.read { db in try Self.shipments(of: order, db: db) }
    }

    public func shipment(id: Int64) async throws -> Shipment? {
        try await writer.read { db in try Self.shipment(id: id, db: db) }
    }

    public func claimWriteBacks(limit: Int, at now: Timestamp, leaseSeconds: Int64) async throws -> [WriteBackClaim] {
        let time = now.millisecondsSince1970
        let leaseEnd = now.adding(seconds: max(1, leaseSeconds)).millisecondsSince1970
        return try await writer.write { db in
            let due = try ShipmentWriteBackRecord.fetchAll(db, sql: Self.claimDueSQL, arguments: [time, time, max(0, limit)])
            var claims: [WriteBackClaim] = []
            for var row in due {
                guard let claimed = WriteBackLifecycle.claimed(row.lifecycleState) else { continue }
                row.setState(claimed)
                row.leaseUntil = leaseEnd
                row.updatedAt = time
                try row.update(db)
                guard let shipment = try ShipmentRecord.fetchOne(db, key: row.shipmentId), let writeBack = row.writeBack(of: shipment) else {
                    continue
                }
                claims.append(
                    WriteBackClaim(writeBack: writeBack, wholeOrder: shipment.wholeOrder, lines: try Self.lines(of: row.shipmentId, db: db))
                )
            }
            return claims
        }
    }

    public func settleWriteBack(
        id: Int64,
        event: WriteBackLifecycle.Event,
        detail: String?,
        retryAt: Timestamp?,
        actor: String,
        policy: WriteBackLifecycle.RetryPolicy,
        at now: Timestamp
    ) async throws -> ShipmentWriteBack? {
        let sealer = self.sealer
        return try await writer.write { db in
            guard var row = try ShipmentWriteBackRecord.fetchOne(db, key: id),
                let shipment = try ShipmentRecord.fetchOne(db, key: row.shipmentId), let key = shipment.order
            else { return nil }
            let before = row.lifecycleState
            let after = WriteBackLifecycle.next(before, event, ours: row.trackingNo, policy: policy)
            row.setState(after)
            if case .unknownOutcome = after, let retryAt { row.notBefore = retryAt.millisecondsSince1970 }
            row.leaseUntil = nil
            if let detail { row.lastError = String(detail.prefix(2000)) }
            row.updatedAt = now.millisecondsSince1970
            try row.update(db)
            try Self.followStaffQueue(key: key, id: id, before: before, after: after, actor: actor, db: db, now: now, sealer: sealer)
            if case .staffHandled = event, before != after {
                try SQLiteRows.audit(
                    db,
                    now: now,
                    actor: actor,
                    action: "shipment.write_back.handled",
                    subject: "write_back:\(id)",
                    detail: ["order": "\(key)"]
                )
            }
            return row.writeBack(of: shipment)
        }
    }

    public func correctWriteBack(
        id: Int64,
        courier: Courier?,
        trackingNumber: TrackingNumber?,
        actor: String,
        at now: Timestamp
    ) async throws -> ShipmentWriteBack {
        let sealer = self.sealer
        return try await writer.write { db in
            guard var row = try ShipmentWriteBackRecord.fetchOne(db, key: id), var shipment = try ShipmentRecord.fetchOne(db, key: row.shipmentId),
                let key = shipment.order
            else { throw ShipmentCorrectionError("no write-back \(id)") }
            guard let current = row.writeBack(of: shipment) else { throw ShipmentCorrectionError("write-back \(id) cannot be read") }
            let newNumber = trackingNumber?.value ?? row.trackingNo
            let newCourier = courier?.rawValue ?? row.courier
            if newNumber != shipment.trackingNo,
                try ShipmentRecord.of(key).filter(ShipmentRecord.Columns.trackingNo == newNumber).fetchCount(db) > 0
            {
                throw ShipmentCorrectionError("order \(key.platformOrderId) already has a shipment with tracking number \(newNumber)")
            }
            let before = row.lifecycleState
            let correction = try WriteBackCorrection.decide(current, courier: courier, trackingNumber: trackingNumber)
            let after = correction.state
            row.replacingTrackingNo = correction.replacingTrackingNumber
            row.setState(after)
            row.leaseUntil = nil
            row.trackingNo = newNumber
            row.courier = newCourier
            row.updatedAt = now.millisecondsSince1970
            try row.update(db)
            shipment.trackingNo = newNumber
            shipment.courier = newCourier
            try shipment.update(db)
            try Self.followStaffQueue(key: key, id: id, before: before, after: after, actor: actor, db: db, now: now, sealer: sealer)
            try SQLiteRows.audit(
                db,
                now: now,
                actor: actor,
                action: "shipment.write_back.correct",
                subject: "write_back:\(id)",
                detail: ["order": "\(key)", "courier": newCourier, "tracking_no": newNumber]
            )
            guard let writeBack = row.writeBack(of: shipment) else { throw ShipmentCorrectionError("write-back \(id) cannot be read") }
            return writeBack
        }
    }

    public func writeBack(id: Int64) async throws -> ShipmentWriteBack? {
        try await writer.read { db in
            guard let row = try ShipmentWriteBackRecord.fetchOne(db, key: id) else { return nil }
            return try ShipmentRecord.fetchOne(db, key: row.shipmentId).flatMap { row.writeBack(of: $0) }
        }
    }

    public func writeBacks(needingStaff: Bool, shops: Set<String>?, limit: Int) async throws -> [ShipmentWriteBack] {
        try await writer.read { db in
            var sql = "SELECT w.* FROM shipment_write_backs w JOIN shipments s ON s.id = w.shipment_id"
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if needingStaff { conditions.append("w.state IN ('rejected', 'conflict')") }
            if let shops {
                conditions.append("s.shop IN (\(Array(repeating: "?", count: max(shops.count, 1)).joined(separator: ", ")))")
                arguments += shops.isEmpty ? [""] : shops.sorted()
            }
            if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            sql += " ORDER BY w.updated_at DESC, w.id DESC LIMIT ?"
            arguments.append(max(0, limit))
            return try ShipmentWriteBackRecord.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).compactMap { row in
                try ShipmentRecord.fetchOne(db, key: row.shipmentId).flatMap { row.writeBack(of: $0) }
            }
        }
    }

    // MARK: rows

    /// Opens or closes the write-back's `shipment_rejected` exception as ``GatewayCore/WriteBackLifecycle/staffQueueChange(from:to:)``
    /// says — carried out by ``OrderLifecycle``, applied by ``SQLiteLifecycle``.
    private static func followStaffQueue(
        key: OrderKey,
        id: Int64,
        before: WriteBackLifecycle.State,
        after: WriteBackLifecycle.State,
        actor: String,
        db: Database,
        now: Timestamp,
        sealer: DataSealer
    ) throws {
        guard let change = WriteBackLifecycle.staffQueueChange(from: before, to: after) else { return }
        _ = try SQLiteLifecycle.run(db: db, now: now, opening: nil, sealer: sealer) { lifecycle in
            switch change {
            case .opens(let message): try lifecycle.writeBackNeedsStaff(key, writeBackId: id, message: message)
            case .closes: try lifecycle.writeBackSettled(key, writeBackId: id, actor: actor, note: "write-back settled")
            }
        }
    }

    private static func shipments(of key: OrderKey, db: Database) throws -> [Shipment] {
        try ShipmentRecord.of(key).order(ShipmentRecord.Columns.id).fetchAll(db).compactMap { try shipment($0, db: db) }
    }

    private static func shipment(id: Int64, db: Database) throws -> Shipment? {
        try ShipmentRecord.fetchOne(db, key: id).flatMap { try shipment($0, db: db) }
    }

    private static func shipment(_ row: ShipmentRecord, db: Database) throws -> Shipment? {
        guard let id = row.id, let order = row.order, let courier = Courier(rawValue: row.courier) else { return nil }
        let writeBack = try ShipmentWriteBackRecord.filter(ShipmentWriteBackRecord.Columns.shipmentId == id).fetchOne(db)
        return Shipment(
            id: id,
            order: order,
            courier: courier,
            trackingNumber: row.trackingNo,
            lines: try lines(of: id, db: db),
            wholeOrder: row.wholeOrder,
            packages: row.packages,
            traceCodes: (try? SQLiteRows.decode([String].self, row.traceCodes)) ?? [],
            recordedBy: row.recordedBy,
            recordedAt: Timestamp(millisecondsSince1970: row.recordedAt),
            writeBack: writeBack?.writeBack(of: row)
        )
    }

    private static func lines(of shipmentId: Int64, db: Database) throws -> [ShippedLine] {
        try ShipmentLineRecord.filter(ShipmentLineRecord.Columns.shipmentId == shipmentId).order(sql: "rowid").fetchAll(db).map {
            ShippedLine(lineId: $0.lineId, quantity: $0.quantity)
        }
    }

    private static func traceCodes(of key: OrderKey, lines: [String], db: Database) throws -> [String] {
        guard !lines.isEmpty else { return [] }
        return try String.fetchAll(
            db,
            sql: """
                SELECT trace_code FROM parcel_allocations WHERE platform = ? AND shop = ? AND platform_order_id = ? AND state = 'active'
                AND line_id IN (\(Array(repeating: "?", count: lines.count).joined(separator: ", "))) ORDER BY id
                """,
            arguments: StatementArguments([key.platform.rawValue, key.shop, key.platformOrderId] + lines)
        )
    }
}

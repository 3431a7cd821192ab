public import GatewayCore
import GatewayStorage

/// The in-memory shipment store: the same Core decisions as SQLite (``ShipmentPlanner``, ``OrderLifecycle``,
/// ``WriteBackLifecycle``) over the actor's state. A write-back's id is its shipment's id.
extension InMemoryStores: ShipmentStore {
    public func recordShipment(_ draft: ShipmentDraft, actor: String, at now: Timestamp) async throws -> ShipmentRecording {
        let key = draft.order
        guard let order = lifecycle.orders[key] else { throw ShipmentRefusal.unknownOrder(key) }
        let earlier = shipmentsOf(key)
        if let same = earlier.first(where: { $0.trackingNumber == draft.trackingNumber.value }) {
            return ShipmentRecording(shipment: same, created: false)
        }
        let plan = try ShipmentPlanner.plan(draft, order: order, fulfilments: lifecycle.fulfilments[key] ?? [:], earlier: earlier).get()
        let id = Int64(shipmentsById.count + 1)
        let codes = plan.lines.flatMap { lifecycle.activeParcels(key, line: $0.lineId).map(\.traceCode) }
        try lifecycle.run(at: now, random: SystemRandomNumberGenerator()) { try $0.ship(key, completedLineIds: plan.completedLineIds) }
        let shipment = Shipment(
            id: id,
            order: key,
            courier: draft.courier,
            trackingNumber: draft.trackingNumber.value,
            lines: plan.lines,
            wholeOrder: plan.wholeOrder,
            packages: draft.packages,
            traceCodes: codes,
            recordedBy: actor,
            recordedAt: now,
            writeBack: ShipmentWriteBack(
                id: id,
                shipmentId: id,
                order: key,
                state: .pending(attempts: 0, notBefore: nil),
                trackingNumber: draft.trackingNumber.value,
                courier: draft.courier,
                updatedAt: now
            )
        )
        shipmentsById[id] = shipment
        return ShipmentRecording(shipment: shipment, created: true)
    }

    public func recordShipments(_ drafts: [ShipmentDraft], actor: String, at now: Timestamp) async throws -> [ShipmentRecording] {
        let savedLifecycle = lifecycle
        let savedShipments = shipmentsById
        var recordings: [ShipmentRecording] = []
        var refusals: [(index: Int, refusal: ShipmentRefusal)] = []
        for (index, draft) in drafts.enumerated() {
            do {
                recordings.append(try await recordShipment(draft, actor: actor, at: now))
            } catch let refusal as ShipmentRefusal {
                refusals.append((index, refusal))
            }
        }
        guard refusals.isEmpty else {
            lifecycle = savedLifecycle
            shipmentsById = savedShipments
            throw ShipmentBatchRefusal(refusals: refusals)
        }
        return recordings
    }

    public func shipments(of order: OrderKey) async throws -> [Shipment] { shipmentsOf(order) }

    public func shipment(id: Int64) async throws -> Shipment? { shipmentsById[id] }

    public func claimWriteBacks(limit: Int, at now: Timestamp, leaseSeconds: Int64) async throws -> [WriteBackClaim] {
        var claims: [WriteBackClaim] = []
        for id in shipmentsById.keys.sorted() where claims.count < limit {
            guard var shipment = shipmentsById[id], var writeBack = shipment.writeBack else { continue }
            if let lease = writeBackLeases[id], lease > now { continue }
            switch writeBack.state {
            case .pending(_, let notBefore?) where notBefore > now: continue
            case .unknownOutcome where (unknownRetryAt[id].map { $0 > now } ?? false): continue
            default: break
            }
            guard let claimed = WriteBackLifecycle.claimed(writeBack.state) else { continue }
            writeBack.state = claimed
            writeBack.updatedAt = now
            writeBackLeases[id] = now.adding(seconds: max(1, leaseSeconds))
            shipment.writeBack = writeBack
            shipmentsById[id] = shipment
            claims.append(WriteBackClaim(writeBack: writeBack, wholeOrder: shipment.wholeOrder, lines: shipment.lines))
        }
        return claims
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
        guard var shipment = shipmentsById[id], var writeBack = shipment.writeBack else { return nil }
        let before = writeBack.state
        writeBack.state = WriteBackLifecycle.next(before, event, ours: writeBack.trackingNumber, policy: policy)
        if case .unknownOutcome = writeBack.state { unknownRetryAt[id] = retryAt } else { unknownRetryAt[id] = nil }
        if let detail { writeBack.lastError = String(detail.prefix(2000)) }
        writeBack.updatedAt = now
        writeBackLeases[id] = nil
        shipment.writeBack = writeBack
        shipmentsById[id] = shipment
        try followStaffQueue(shipment.order, id: id, before: before, after: writeBack.state, actor: actor, at: now)
        return writeBack
    }

    public func correctWriteBack(
        id: Int64,
        courier: Courier?,
        trackingNumber: TrackingNumber?,
        actor: String,
        at now: Timestamp
    ) async throws -> ShipmentWriteBack {
        guard var shipment = shipmentsById[id], var writeBack = shipment.writeBack else { throw ShipmentCorrectionError("no write-back \(id)") }
        let newNumber = trackingNumber?.value ?? writeBack.trackingNumber
        let newCourier = courier ?? writeBack.courier
        if newNumber != shipment.trackingNumber, shipmentsOf(shipment.order).contains(where: { $0.trackingNumber == newNumber }) {
            throw ShipmentCorrectionError("order \(shipment.order.platformOrderId) already has a shipment with tracking number \(newNumber)")
        }
        let before = writeBack.state
        let correction = try WriteBackCorrection.decide(writeBack, courier: courier, trackingNumber: trackingNumber)
        writeBack.state = correction.state
        writeBack.replacingTrackingNumber = correction.replacingTrackingNumber
        writeBack.trackingNumber = newNumber
        writeBack.courier = newCourier
        writeBack.updatedAt = now
        writeBackLeases[id] = nil
        shipment.trackingNumber = newNumber
        shipment.courier = newCourier
        shipment.writeBack = writeBack
        shipmentsById[id] = shipment
        try followStaffQueue(shipment.order, id: id, before: before, after: writeBack.state, actor: actor, at: now)
        return writeBack
    }

    public func writeBack(id: Int64) async throws -> ShipmentWriteBack? { shipmentsById[id]?.writeBack }

    public func writeBacks(needingStaff: Bool, shops: Set<String>?, limit: Int) async throws -> [ShipmentWriteBack] {
        let all = shipmentsById.values.compactMap(\.writeBack).filter { writeBack in
            (!needingStaff || WriteBackLifecycle.needsStaff(writeBack.state)) && (shops?.contains(writeBack.order.shop) ?? true)
        }
        return Array(all.sorted { ($0.updatedAt, $0.id) > ($1.updatedAt, $1.id) }.prefix(max(0, limit)))
    }

    private func shipmentsOf(_ key: OrderKey) -> [Shipment] {
        shipmentsById.values.filter { $0.order == key }.sorted { $0.id < $1.id }
    }

    private func followStaffQueue(
        _ key: OrderKey,
        id: Int64,
        before: WriteBackLifecycle.State,
        after: WriteBackLifecycle.State,
        actor: String,
        at now: Timestamp
    ) throws {
        guard let change = WriteBackLifecycle.staffQueueChange(from: before, to: after) else { return }
        try lifecycle.run(at: now, random: SystemRandomNumberGenerator()) { lifecycle in
            switch change {
            case .opens(let message): try lifecycle.writeBackNeedsStaff(key, writeBackId: id, message: message)
            case .closes: try lifecycle.writeBackSettled(key, writeBackId: id, actor: actor, note: "write-back settled")
            }
        }
    }
}

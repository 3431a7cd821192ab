public import GatewayCore

extension ProcessedDelivery {
    /// A processed delivery of one observation: `order`'s snapshot (if any) with `status`, seen at `at`, raw payload `{}`.
    /// - Parameters:
    ///   - inboxId: the inbox entry it commits.
    ///   - order: the order observed (its key and snapshot).
    ///   - status: the status the observation carries (also set on the snapshot).
    ///   - source: push, poll or detail.
    ///   - event: the platform's event name (default: the status).
    ///   - at: the platform's update time.
    public static func observing(
        inboxId: Int64,
        _ order: CanonicalOrder,
        status: OrderStatus,
        source: ObservationSource = .push,
        event: String? = nil,
        at: Timestamp
    ) -> ProcessedDelivery {
        var snapshot = order.snapshot
        snapshot?.status = status
        let observation = OrderObservation(
            key: order.key,
            source: source,
            event: event ?? status.rawValue,
            platformUpdatedAt: at,
            status: source == .push ? status : nil,
            snapshot: snapshot
        )
        return ProcessedDelivery(
            inboxId: inboxId,
            deliveryId: "d\(inboxId)",
            observations: [PreparedObservation(observation: observation, rawPayload: "{}")]
        )
    }
}

extension CanonicalOrder {
    /// An order as a platform shows it: one snapshot, `paidFen` for the whole order and one line per entry.
    public static func fixture(
        _ key: OrderKey,
        status: OrderStatus,
        created: Timestamp,
        paidFen: Int64 = 5980,
        lines: [OrderLine]
    ) -> CanonicalOrder {
        let snapshot = OrderSnapshot(
            status: status,
            platformStatus: status.rawValue,
            totalFen: paidFen,
            paidFen: paidFen,
            createdAt: created,
            lines: lines
        )
        return CanonicalOrder(key: key, status: status, platformUpdatedAt: created, snapshot: snapshot)
    }
}

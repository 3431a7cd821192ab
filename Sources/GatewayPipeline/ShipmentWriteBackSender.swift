public import GatewayCore
public import Logging
public import ServiceLifecycle

/// Writes recorded shipments back to their platforms (发货回传, issue #17) from the durable outbox.
///
/// Every interval it claims the write-backs that are due (``ShipmentStore/claimWriteBacks(limit:at:leaseSeconds:)``:
/// one sender at a time per entry, across instances), and for each:
/// - a claimed send: calls the shop's connector (``PlatformConnector/ship(_:)``) and settles the answer — accepted;
///   "already shipped" only once the tracking number read back matches ours; transient failures back off; refusals go
///   to staff's 回传失败 queue. A thrown error (timeout, network) is an unknown outcome: read back before any resend.
/// - an unknown outcome: reads the order's tracking numbers back (``PlatformConnector/shippedTrackingNumbers(platformOrderId:)``)
///   — ours there means confirmed, another means a conflict for staff, none means the send did not apply and it goes
///   again. A failed read-back tries again after the back-off; a platform whose tracking numbers cannot be read back
///   at all (``TrackingReadBackUnavailable``) puts the write-back in front of staff.
/// Decisions are ``WriteBackLifecycle``'s; this service only talks to the platforms.
public final class ShipmentWriteBackSender: Service, Sendable {
    private let store: any ShipmentStore
    private let connectors: [String: any PlatformConnector]
    private let interval: Duration
    private let leaseSeconds: Int64
    private let policy: WriteBackLifecycle.RetryPolicy
    private let clock: @Sendable () -> Timestamp
    private let logger: Logger

    /// The actor name written with automatic settlements.
    public static let actor = "write-back"

    /// Creates the sender.
    /// - Parameters:
    ///   - store: the outbox.
    ///   - connectors: connectors by shop key.
    ///   - interval: how often the outbox is looked at.
    ///   - leaseSeconds: how long a claim lasts before another sender may take the entry over (longer than a call).
    ///   - policy: attempts and back-off.
    public init(
        store: any ShipmentStore,
        connectors: [String: any PlatformConnector],
        interval: Duration = .seconds(1),
        leaseSeconds: Int64 = 120,
        policy: WriteBackLifecycle.RetryPolicy = WriteBackLifecycle.RetryPolicy(),
        clock: @escaping @Sendable () -> Timestamp = SystemClock.now,
        logger: Logger
    ) {
        self.store = store
        self.connectors = connectors
        self.interval = interval
        self.leaseSeconds = leaseSeconds
        self.policy = policy
        self.clock = clock
        self.logger = logger
    }

    /// Sends on every interval until cancelled or shut down gracefully.
    public func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                do {
                    _ = try await self.sendOnce()
                } catch {
                    self.logger.warning("shipment write-back round failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: self.interval)
            }
        }
    }

    /// One round over the due write-backs. - Returns: what happened to each, by outcome.
    @discardableResult
    public func sendOnce(limit: Int = 50) async throws -> ShipmentWriteBackReport {
        var report = ShipmentWriteBackReport()
        for claim in try await store.claimWriteBacks(limit: limit, at: clock(), leaseSeconds: leaseSeconds) {
            let after = try await handle(claim)
            switch after {
            case .confirmed: report.confirmed += 1
            case .rejected, .conflict: report.needStaff += 1
            default: report.retrying += 1
            }
        }
        return report
    }

    private func handle(_ claim: WriteBackClaim) async throws -> WriteBackLifecycle.State? {
        let writeBack = claim.writeBack
        guard let connector = connectors[writeBack.order.shop] else {
            return try await settle(writeBack, .permanentFailure(reason: "shop \(writeBack.order.shop) is not configured"), detail: nil)
        }
        if case .unknownOutcome = writeBack.state {
            return try await readBack(writeBack, connector: connector, event: { .readBack($0) })
        }
        guard let notice = claim.notice else {
            let reason = "courier \(writeBack.courier.rawValue) has no verified code on \(writeBack.order.platform.rawValue); choose another courier"
            return try await settle(writeBack, .permanentFailure(reason: reason), detail: nil)
        }
        let result: ShipmentSendResult
        do {
            result = try await connector.ship(notice)
        } catch let unsupported as ShipmentWriteUnsupported {
            return try await settle(writeBack, .permanentFailure(reason: unsupported.description), detail: nil)
        } catch {
            logger.warning("shipment write-back outcome unknown", metadata: ["write_back": "\(writeBack.id)", "error": "\(error)"])
            return try await settle(writeBack, .timedOut, detail: "\(error)", retryAt: retryTime(writeBack))
        }
        switch result {
        case .accepted:
            return try await settle(writeBack, .accepted, detail: nil)
        case .alreadyShipped(let message):
            return try await readBack(writeBack, connector: connector, detail: message, event: { .alreadyShipped(readBack: $0) })
        case .transient(let code, let message):
            return try await settle(writeBack, .transientFailure(at: clock()), detail: "\(code): \(message)")
        case .rejected(let code, let message):
            return try await settle(writeBack, .permanentFailure(reason: "\(code): \(message)"), detail: "\(code): \(message)")
        }
    }

    /// Reads the order's tracking numbers back and settles with the one that matters: ours if the platform has it,
    /// else the first it shows, else none. A failed read leaves the outcome unknown until the back-off passes.
    private func readBack(
        _ writeBack: ShipmentWriteBack,
        connector: any PlatformConnector,
        detail: String? = nil,
        event: (String?) -> WriteBackLifecycle.Event
    ) async throws -> WriteBackLifecycle.State? {
        let numbers: [String]
        do {
            numbers = try await connector.shippedTrackingNumbers(platformOrderId: writeBack.order.platformOrderId)
        } catch is TrackingReadBackUnavailable {
            // Nothing to read: "already shipped" stays unconfirmed, an unknown outcome goes to staff.
            if case .unknownOutcome = writeBack.state { return try await settle(writeBack, .readBackUnavailable, detail: detail) }
            return try await settle(writeBack, event(nil), detail: detail)
        } catch {
            logger.warning("shipment read-back failed", metadata: ["write_back": "\(writeBack.id)", "error": "\(error)"])
            // From a send: the outcome is unknown now. From an unknown outcome, `timedOut` changes nothing but the wait.
            return try await settle(writeBack, .timedOut, detail: "read-back failed: \(error)", retryAt: retryTime(writeBack))
        }
        let ours = TrackingNumber(writeBack.trackingNumber)
        let found = numbers.first { TrackingNumber($0) == ours } ?? numbers.first
        return try await settle(writeBack, event(found), detail: detail)
    }

    private func settle(
        _ writeBack: ShipmentWriteBack,
        _ event: WriteBackLifecycle.Event,
        detail: String?,
        retryAt: Timestamp? = nil
    ) async throws -> WriteBackLifecycle.State? {
        let after = try await store.settleWriteBack(
            id: writeBack.id,
            event: event,
            detail: detail,
            retryAt: retryAt,
            actor: Self.actor,
            policy: policy,
            at: clock()
        )
        logger.info(
            "shipment write-back",
            metadata: ["write_back": "\(writeBack.id)", "order": "\(writeBack.order)", "state": "\(after.map { "\($0.state)" } ?? "gone")"]
        )
        return after?.state
    }

    private func retryTime(_ writeBack: ShipmentWriteBack) -> Timestamp {
        let attempts: Int
        switch writeBack.state {
        case .sending(let count), .unknownOutcome(let count), .pending(let count, _): attempts = count
        default: attempts = 1
        }
        return clock().adding(seconds: policy.delay(afterAttempts: max(1, attempts)))
    }
}

/// What one write-back round did.
public struct ShipmentWriteBackReport: Sendable, Hashable {
    /// Write-backs the platform now has.
    public var confirmed = 0
    /// Write-backs now waiting for staff.
    public var needStaff = 0
    /// Write-backs to be sent or read back again later.
    public var retrying = 0

    /// Creates a report.
    public init(confirmed: Int = 0, needStaff: Int = 0, retrying: Int = 0) {
        self.confirmed = confirmed
        self.needStaff = needStaff
        self.retrying = retrying
    }
}

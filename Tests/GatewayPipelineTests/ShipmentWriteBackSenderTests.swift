import Foundation
import GatewayCore
import GatewayPipeline
import GatewayStorage
import GatewayTesting
import Logging
import Synchronization
import Testing

/// ``ShipmentWriteBackSender`` against a scripted platform: accepted, timed out after applying, already shipped (ours
/// or another number), refused, a courier without a code — and two senders on one database never sending a shipment
/// twice.
@Suite struct ShipmentWriteBackSenderTests {
    /// A platform that answers ship calls from a script and remembers what it applied.
    final class ScriptedPlatform: PlatformConnector, Sendable {
        enum Answer: Sendable {
            case answer(ShipmentSendResult)
            /// Applies the shipment, then the answer is lost (a timeout after applying).
            case applyThenTimeOut
            case networkDown
        }
        struct Lost: Error {}

        let platform: Platform
        let shop: String
        let pollPolicy = PollPolicy(maxWindowSeconds: 3600)
        let script = Mutex<[Answer]>([])
        let sent = Mutex<[ShipmentNotice]>([])
        let applied = Mutex<[String: [String]]>([:])
        let readBackFails = Mutex(false)
        let cannotReadBack = Mutex(false)

        init(platform: Platform = .douyin, shop: String = "s") {
            self.platform = platform
            self.shop = shop
        }

        func observations(from entry: InboxEntry) throws -> [OrderObservation] { [] }
        func fetchOrder(platformOrderId: String) async throws -> PreparedObservation { throw Lost() }
        func poll(from: Timestamp, to: Timestamp) async throws -> [InboxDelivery] { [] }

        func ship(_ notice: ShipmentNotice) async throws -> ShipmentSendResult {
            sent.withLock { $0.append(notice) }
            let answer = script.withLock { $0.isEmpty ? .answer(.accepted) : $0.removeFirst() }
            switch answer {
            case .answer(let result):
                if result == .accepted { applied.withLock { $0[notice.platformOrderId, default: []].append(notice.trackingNumber) } }
                return result
            case .applyThenTimeOut:
                applied.withLock { $0[notice.platformOrderId, default: []].append(notice.trackingNumber) }
                throw Lost()
            case .networkDown:
                throw Lost()
            }
        }

        func shippedTrackingNumbers(platformOrderId: String) async throws -> [String] {
            if cannotReadBack.withLock({ $0 }) { throw TrackingReadBackUnavailable(platform: platform) }
            if readBackFails.withLock({ $0 }) { throw Lost() }
            return applied.withLock { $0[platformOrderId] ?? [] }
        }
    }

    /// A clock that moves only when told.
    final class ManualClock: Sendable {
        private let seconds = Mutex<Int64>(1_000)
        func now() -> Timestamp { Timestamp(secondsSince1970: seconds.withLock { $0 }) }
        func advance(seconds delta: Int64) { seconds.withLock { $0 += delta } }
    }

    let base = StoreConformanceTests()
    let clock = ManualClock()

    /// In-memory stores with `count` paid orders (one box each) shipped with tracking numbers SF100000000N.
    func shipped(_ count: Int, courier: Courier = .sf, platform: Platform = .douyin) async throws -> InMemoryStores {
        let base = self.base
        let stores = InMemoryStores(
            masterData: StoreConformanceTests.masterData,
            stock: StockBook(levels: [StockLevel(warehouseId: "yl", skuCode: "PG5A", onHand: 100)])
        )
        for index in 1...count {
            let ids = try await stores.append([base.delivery("m\(index)")]).map(\.id)
            let key = OrderKey(platform: platform, shop: "s", platformOrderId: "o\(index)")
            let order = CanonicalOrder.fixture(
                key,
                status: .paid,
                created: Timestamp(secondsSince1970: 1),
                lines: [OrderLine(lineId: "1", productId: "p", skuId: "ponkan-5kg", title: "ponkan", quantity: 1, paidFen: 5980)]
            )
            _ = try await stores.commit(
                [.observing(inboxId: ids[0], order, status: .paid, at: Timestamp(secondsSince1970: 10))],
                at: Timestamp(secondsSince1970: 20)
            )
            let draft = ShipmentDraft(
                order: key,
                courier: courier,
                trackingNumber: TrackingNumber("SF10000000\(index + 10)")!
            )
            _ = try await stores.recordShipment(draft, actor: "w", at: Timestamp(secondsSince1970: 30))
        }
        return stores
    }

    func sender(_ store: any ShipmentStore, _ platform: ScriptedPlatform) -> ShipmentWriteBackSender {
        ShipmentWriteBackSender(
            store: store,
            connectors: [platform.shop: platform],
            policy: .init(maxAttempts: 3, firstDelaySeconds: 10, maxDelaySeconds: 60),
            clock: { clock.now() },
            logger: Logger(label: "test")
        )
    }

    func state(_ store: any ShipmentStore, _ order: String, platform: Platform = .douyin) async throws -> WriteBackLifecycle.State? {
        try await store.shipments(of: OrderKey(platform: platform, shop: "s", platformOrderId: order)).first?.writeBack?.state
    }

    @Test func anAcceptedShipmentIsConfirmedAndNeverSentAgain() async throws {
        let stores = try await shipped(1)
        let platform = ScriptedPlatform()
        let sender = sender(stores, platform)
        #expect(try await sender.sendOnce().confirmed == 1)
        #expect(try await state(stores, "o1") == .confirmed)
        clock.advance(seconds: 3_600)
        #expect(try await sender.sendOnce() == ShipmentWriteBackReport())
        #expect(platform.sent.withLock { $0.count } == 1)
        #expect(platform.sent.withLock { $0.first?.lines } == nil, "the whole order")
        #expect(platform.sent.withLock { $0.first?.courierCode } == "shunfeng")
    }

    @Test func aTimeoutAfterThePlatformAppliedIsReadBackNotSentTwice() async throws {
        let stores = try await shipped(1)
        let platform = ScriptedPlatform()
        platform.script.withLock { $0 = [.applyThenTimeOut] }
        let sender = sender(stores, platform)
        #expect(try await sender.sendOnce().retrying == 1)
        #expect(try await state(stores, "o1") == .unknownOutcome(attempts: 1))
        #expect(try await sender.sendOnce() == ShipmentWriteBackReport(), "waits for the back-off")
        clock.advance(seconds: 10)
        #expect(try await sender.sendOnce().confirmed == 1)
        #expect(try await state(stores, "o1") == .confirmed)
        #expect(platform.sent.withLock { $0.count } == 1, "no second shipment")
        #expect(try await stores.openExceptions().isEmpty, "no false failure")
    }

    @Test func aLostRequestThatDidNotApplyIsSentAgainAfterReadingBackNothing() async throws {
        let stores = try await shipped(1)
        let platform = ScriptedPlatform()
        platform.script.withLock { $0 = [.networkDown] }
        let sender = sender(stores, platform)
        try await sender.sendOnce()
        clock.advance(seconds: 10)
        try await sender.sendOnce()  // reads back nothing: pending again
        #expect(try await state(stores, "o1") == .pending(attempts: 1, notBefore: nil))
        try await sender.sendOnce()
        #expect(try await state(stores, "o1") == .confirmed)
        #expect(platform.sent.withLock { $0.count } == 2)
    }

    @Test func aLostAnswerThatCannotBeReadBackGoesToStaffNotSentAgain() async throws {
        let stores = try await shipped(1)
        let platform = ScriptedPlatform()
        platform.cannotReadBack.withLock { $0 = true }
        platform.script.withLock { $0 = [.applyThenTimeOut] }
        let sender = sender(stores, platform)
        try await sender.sendOnce()
        clock.advance(seconds: 10)
        #expect(try await sender.sendOnce().needStaff == 1)
        #expect(try await state(stores, "o1") == .rejected(reason: WriteBackLifecycle.unverifiable))
        #expect(platform.sent.withLock { $0.count } == 1, "never sent twice")
        #expect(try await stores.openExceptions() == [.shipmentRejected])
    }

    @Test func alreadyShippedIsSuccessOnlyWithOurTrackingNumber() async throws {
        let stores = try await shipped(2)
        let platform = ScriptedPlatform()
        platform.applied.withLock { $0 = ["o1": ["sf1000000011"], "o2": ["YT9999999"]] }
        platform.script.withLock { $0 = [.answer(.alreadyShipped(message: "60110")), .answer(.alreadyShipped(message: "60110"))] }
        let report = try await sender(stores, platform).sendOnce()
        #expect(report == ShipmentWriteBackReport(confirmed: 1, needStaff: 1, retrying: 0))
        #expect(try await state(stores, "o1") == .confirmed)
        #expect(try await state(stores, "o2") == .conflict(platformTrackingNumber: "YT9999999"))
        #expect(try await stores.openExceptions() == [.shipmentRejected])
    }

    @Test func aRefusalGoesToStaffAndAFixedResendIsConfirmed() async throws {
        let stores = try await shipped(1)
        let platform = ScriptedPlatform()
        platform.script.withLock { $0 = [.answer(.rejected(code: "40004", message: "运单号不正确"))] }
        let sender = sender(stores, platform)
        #expect(try await sender.sendOnce().needStaff == 1)
        #expect(try await state(stores, "o1") == .rejected(reason: "40004: 运单号不正确"))
        #expect(try await stores.openExceptions() == [.shipmentRejected])
        let id = try #require(try await stores.writeBacks(needingStaff: true, shops: nil, limit: 10).first?.id)
        _ = try await stores.correctWriteBack(id: id, courier: nil, trackingNumber: TrackingNumber("SF2000000001"), actor: "alice", at: clock.now())
        #expect(try await sender.sendOnce().confirmed == 1)
        #expect(platform.sent.withLock { $0.last?.trackingNumber } == "SF2000000001")
        #expect(try await stores.openExceptions().isEmpty)
    }

    @Test func transientFailuresBackOffThenGoToStaff() async throws {
        let stores = try await shipped(1)
        let platform = ScriptedPlatform()
        platform.script.withLock { $0 = Array(repeating: .answer(.transient(code: "isp.service-error", message: "busy")), count: 5) }
        let sender = sender(stores, platform)
        for _ in 0..<3 {
            try await sender.sendOnce()
            clock.advance(seconds: 60)
        }
        #expect(try await state(stores, "o1") == .rejected(reason: "the platform kept failing: 3 attempts"))
        #expect(platform.sent.withLock { $0.count } == 3)
    }

    @Test func aCourierWithoutACodeOnThePlatformIsNotSentButShownToStaff() async throws {
        #expect(Courier.jd.code(on: .youzan) == nil, "precondition: JD has no verified Youzan code")
        let stores = try await shipped(1, courier: .jd, platform: .youzan)
        let platform = ScriptedPlatform(platform: .youzan)
        #expect(try await sender(stores, platform).sendOnce().needStaff == 1)
        #expect(platform.sent.withLock { $0.isEmpty }, "never sent with a guessed code")
        guard case .rejected(let reason) = try await state(stores, "o1", platform: .youzan) else {
            Issue.record("expected a rejection")
            return
        }
        #expect(reason.contains("JD") && reason.contains("youzan"))
        #expect(try await stores.openExceptions() == [.shipmentRejected])
    }

    @Test func twoSendersOnOneDatabaseNeverSendAShipmentTwice() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase.open(path: directory.file("gateway.sqlite"), synchronous: "normal", keys: .random())
        let inventory = database
        _ = try await inventory.seed(
            MasterDataSeed(masterData: StoreConformanceTests.masterData, stock: [StockLevel(warehouseId: "yl", skuCode: "PG5A", onHand: 100)]),
            at: Timestamp(secondsSince1970: 1)
        )
        let inbox = SQLiteInboxStore.withRunningWriter(database: database)
        let orders = database
        for index in 1...30 {
            let ids = try await inbox.append([base.delivery("m\(index)")]).map(\.id)
            _ = try await orders.commit([base.processed(ids[0], order: "o\(index)")], at: Timestamp(secondsSince1970: 20))
            let draft = ShipmentDraft(
                order: OrderKey(platform: .douyin, shop: "s", platformOrderId: "o\(index)"),
                courier: .sf,
                trackingNumber: TrackingNumber("SF10000000\(index + 10)")!
            )
            _ = try await database.recordShipment(draft, actor: "w", at: Timestamp(secondsSince1970: 30))
        }
        let platform = ScriptedPlatform()
        let first = sender(database, platform)
        let second = sender(database, platform)
        async let a = first.sendOnce(limit: 7)
        async let b = second.sendOnce(limit: 7)
        async let c = first.sendOnce(limit: 7)
        async let d = second.sendOnce(limit: 7)
        async let e = first.sendOnce(limit: 7)
        let confirmed = try await [a, b, c, d, e].reduce(0) { $0 + $1.confirmed }
        #expect(confirmed == 30)
        let sent = platform.sent.withLock { $0.map(\.platformOrderId) }
        #expect(sent.count == 30 && Set(sent).count == 30, "each shipment sent exactly once")
    }
}

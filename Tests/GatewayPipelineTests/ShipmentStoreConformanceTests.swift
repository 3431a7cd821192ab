import Foundation
import GatewayCore
import GatewayStorage
import GatewayTesting
import Testing

/// The shipment store's contract (issue #17), on every store: recorded with its outbox entry, stock consumed once,
/// refusals store nothing, a write-back claimed by one sender at a time, the staff queue opened and closed through the
/// lifecycle.
@Suite struct ShipmentStoreConformanceTests {
    static let kinds = StoreKind.allCases
    let base = StoreConformanceTests()
    static let key = OrderKey(platform: .douyin, shop: "s", platformOrderId: "o1")
    static let sf = TrackingNumber("SF1000000001")!

    /// Stores with one paid order `o1` of `quantity` boxes (10 on hand, a 50 kg lot).
    func paidOrder(_ kind: StoreKind, quantity: Int = 2) async throws -> (any StoreUnderTest, any ShipmentStore) {
        let store = try await kind.make(onHand: 10, lotKg: 50)
        let ids = try await store.inboxStore.append([base.delivery("m1")]).map(\.id)
        _ = try await store.orderStore.commit([base.processed(ids[0], order: "o1", quantity: quantity)], at: Timestamp(secondsSince1970: 20))
        return (store, try Self.shipmentStore(store))
    }

    static func shipmentStore(_ store: any StoreUnderTest) throws -> any ShipmentStore {
        if let memory = store as? InMemoryStores { return memory }
        if let sqlite = store as? SQLiteStoresUnderTest { return sqlite.database }
        throw ShipmentCorrectionError("no shipment store for \(type(of: store))")
    }

    func draft(_ number: TrackingNumber = sf, lines: [ShippedLine]? = nil) -> ShipmentDraft {
        ShipmentDraft(order: Self.key, courier: .sf, trackingNumber: number, lines: lines)
    }

    @Test(arguments: kinds) func aShipmentConsumesItsStockOnceAndARetryIsTheSameShipment(kind: StoreKind) async throws {
        let (store, shipments) = try await paidOrder(kind)
        #expect(try await store.reserved() == 2)
        let first = try await shipments.recordShipment(draft(), actor: "w1", at: Timestamp(secondsSince1970: 30))
        #expect(first.created)
        #expect(first.shipment.lines == [ShippedLine(lineId: "1", quantity: 2)])
        #expect(first.shipment.wholeOrder)
        #expect(first.shipment.traceCodes.count == 2, "one trace code per parcel of the shipped line")
        #expect(first.shipment.writeBack?.state == .pending(attempts: 0, notBefore: nil))
        #expect(try await store.reserved() == 0, "consumed: no longer reserved")
        #expect(try await store.activeParcelGrams() == 10_000, "the households keep their parcels")

        let again = try await shipments.recordShipment(draft(), actor: "w1", at: Timestamp(secondsSince1970: 31))
        #expect(!again.created && again.shipment.id == first.shipment.id)
        #expect(try await shipments.shipments(of: Self.key).count == 1)

        // The platform's shipped push afterwards is a confirmation, not a second consumption.
        let ids = try await store.inboxStore.append([base.delivery("m2")]).map(\.id)
        _ = try await store.orderStore.commit(
            [base.processed(ids[0], order: "o1", status: .shipped, quantity: 2, at: 40)],
            at: Timestamp(secondsSince1970: 41)
        )
        #expect(try await store.reserved() == 0)
        #expect(try await store.activeParcelGrams() == 10_000)
    }

    @Test(arguments: kinds) func aRefusedShipmentStoresNothing(kind: StoreKind) async throws {
        let (store, shipments) = try await paidOrder(kind)
        await #expect(throws: ShipmentRefusal.tooMany(lineId: "1", asked: 3, remaining: 2)) {
            _ = try await shipments.recordShipment(
                draft(lines: [ShippedLine(lineId: "1", quantity: 3)]),
                actor: "w",
                at: Timestamp(secondsSince1970: 30)
            )
        }
        let unknown = ShipmentDraft(order: OrderKey(platform: .douyin, shop: "s", platformOrderId: "nope"), courier: .sf, trackingNumber: Self.sf)
        await #expect(throws: ShipmentRefusal.unknownOrder(unknown.order)) {
            _ = try await shipments.recordShipment(unknown, actor: "w", at: Timestamp(secondsSince1970: 30))
        }
        #expect(try await shipments.shipments(of: Self.key).isEmpty)
        #expect(try await store.reserved() == 2)
        #expect(try await shipments.claimWriteBacks(limit: 10, at: Timestamp(secondsSince1970: 31), leaseSeconds: 60).isEmpty)
    }

    @Test(arguments: kinds) func partOfALineKeepsItsReservationUntilTheRestShips(kind: StoreKind) async throws {
        let (store, shipments) = try await paidOrder(kind, quantity: 3)
        let part = try await shipments.recordShipment(
            draft(lines: [ShippedLine(lineId: "1", quantity: 1)]),
            actor: "w",
            at: Timestamp(secondsSince1970: 30)
        )
        #expect(!part.shipment.wholeOrder)
        #expect(try await store.reserved() == 3)
        let rest = try await shipments.recordShipment(draft(TrackingNumber("SF1000000002")!), actor: "w", at: Timestamp(secondsSince1970: 31))
        #expect(rest.shipment.lines == [ShippedLine(lineId: "1", quantity: 2)])
        #expect(!rest.shipment.wholeOrder)
        #expect(try await store.reserved() == 0)
        let claims = try await shipments.claimWriteBacks(limit: 10, at: Timestamp(secondsSince1970: 32), leaseSeconds: 60)
        #expect(claims.map(\.notice?.lines) == [[ShippedLine(lineId: "1", quantity: 1)], [ShippedLine(lineId: "1", quantity: 2)]])
    }

    @Test(arguments: kinds) func aWriteBackIsClaimedByOneSenderAtATime(kind: StoreKind) async throws {
        let (_, shipments) = try await paidOrder(kind)
        _ = try await shipments.recordShipment(draft(), actor: "w", at: Timestamp(secondsSince1970: 30))
        let now = Timestamp(secondsSince1970: 40)
        async let a = shipments.claimWriteBacks(limit: 10, at: now, leaseSeconds: 60)
        async let b = shipments.claimWriteBacks(limit: 10, at: now, leaseSeconds: 60)
        let claimed = try await a + b
        #expect(claimed.count == 1, "two senders never both hold one write-back")
        #expect(claimed.first?.writeBack.state == .sending(attempts: 1))
        #expect(claimed.first?.notice?.lines == nil, "a whole order is written back with the whole-order call")
        #expect(try await shipments.claimWriteBacks(limit: 10, at: Timestamp(secondsSince1970: 99), leaseSeconds: 60).isEmpty)
        // The sender died: after its lease the send's outcome is unknown, to be read back before anything is sent.
        let orphan = try await shipments.claimWriteBacks(limit: 10, at: Timestamp(secondsSince1970: 101), leaseSeconds: 60)
        #expect(orphan.map(\.writeBack.state) == [.unknownOutcome(attempts: 1)])
    }

    @Test(arguments: kinds) func aRejectionWaitsForStaffAndAResendClosesIt(kind: StoreKind) async throws {
        let (store, shipments) = try await paidOrder(kind)
        let recorded = try await shipments.recordShipment(draft(), actor: "w", at: Timestamp(secondsSince1970: 30))
        let id = try #require(recorded.shipment.writeBack?.id)
        _ = try await shipments.claimWriteBacks(limit: 10, at: Timestamp(secondsSince1970: 31), leaseSeconds: 60)
        let rejected = try await shipments.settleWriteBack(
            id: id,
            event: .permanentFailure(reason: "bad tracking number"),
            detail: "40004 bad tracking number",
            retryAt: nil,
            actor: "write-back",
            policy: .init(),
            at: Timestamp(secondsSince1970: 32)
        )
        #expect(rejected?.state == .rejected(reason: "bad tracking number"))
        #expect(try await store.openExceptions() == [.shipmentRejected])
        #expect(try await shipments.writeBacks(needingStaff: true, shops: nil, limit: 10).map(\.id) == [id])
        #expect(try await shipments.writeBacks(needingStaff: true, shops: ["other"], limit: 10).isEmpty)

        let fixed = try await shipments.correctWriteBack(
            id: id,
            courier: .zto,
            trackingNumber: TrackingNumber("ZT2000000001"),
            actor: "alice",
            at: Timestamp(secondsSince1970: 33)
        )
        #expect(fixed.state == .pending(attempts: 0, notBefore: nil))
        #expect(fixed.trackingNumber == "ZT2000000001" && fixed.courier == .zto && fixed.replacingTrackingNumber == nil)
        #expect(try await store.openExceptions().isEmpty)
        #expect(try await shipments.shipment(id: recorded.shipment.id)?.trackingNumber == "ZT2000000001")

        let claim = try #require(try await shipments.claimWriteBacks(limit: 10, at: Timestamp(secondsSince1970: 34), leaseSeconds: 60).first)
        #expect(claim.notice?.courierCode == "zhongtong")
        let confirmed = try await shipments.settleWriteBack(
            id: id,
            event: .accepted,
            detail: nil,
            retryAt: nil,
            actor: "write-back",
            policy: .init(),
            at: Timestamp(secondsSince1970: 35)
        )
        #expect(confirmed?.state == .confirmed)

        // A later correction of a confirmed shipment is the platform's edit call, replacing the number it has.
        let edited = try await shipments.correctWriteBack(
            id: id,
            courier: nil,
            trackingNumber: TrackingNumber("ZT2000000002"),
            actor: "alice",
            at: Timestamp(secondsSince1970: 36)
        )
        #expect(edited.state == .pending(attempts: 0, notBefore: nil) && edited.replacingTrackingNumber == "ZT2000000001")
        await #expect(throws: ShipmentCorrectionError.self) {
            _ = try await shipments.correctWriteBack(id: 999, courier: nil, trackingNumber: nil, actor: "a", at: Timestamp(secondsSince1970: 37))
        }
    }

    @Test(arguments: kinds) func aTransientFailureWaitsForItsBackOff(kind: StoreKind) async throws {
        let (_, shipments) = try await paidOrder(kind)
        let recorded = try await shipments.recordShipment(draft(), actor: "w", at: Timestamp(secondsSince1970: 30))
        let id = try #require(recorded.shipment.writeBack?.id)
        _ = try await shipments.claimWriteBacks(limit: 10, at: Timestamp(secondsSince1970: 31), leaseSeconds: 60)
        let waiting = try await shipments.settleWriteBack(
            id: id,
            event: .transientFailure(at: Timestamp(secondsSince1970: 32)),
            detail: "throttled",
            retryAt: nil,
            actor: "write-back",
            policy: .init(maxAttempts: 5, firstDelaySeconds: 30, maxDelaySeconds: 600),
            at: Timestamp(secondsSince1970: 32)
        )
        #expect(waiting?.state == .pending(attempts: 1, notBefore: Timestamp(secondsSince1970: 62)))
        #expect(waiting?.lastError == "throttled")
        #expect(try await shipments.claimWriteBacks(limit: 10, at: Timestamp(secondsSince1970: 61), leaseSeconds: 60).isEmpty)
        let again = try await shipments.claimWriteBacks(limit: 10, at: Timestamp(secondsSince1970: 62), leaseSeconds: 60)
        #expect(again.map(\.writeBack.state) == [.sending(attempts: 2)])
    }

    @Test(arguments: kinds) func aBatchIsAllOrNothingAndNamesEveryRefusal(kind: StoreKind) async throws {
        let (store, shipments) = try await paidOrder(kind)
        let unknown = OrderKey(platform: .douyin, shop: "s", platformOrderId: "nope")
        let batch = [
            draft(),
            ShipmentDraft(order: unknown, courier: .sf, trackingNumber: TrackingNumber("SF1000000009")!),
            draft(TrackingNumber("SF1000000003")!),
        ]
        do {
            _ = try await shipments.recordShipments(batch, actor: "w", at: Timestamp(secondsSince1970: 30))
            Issue.record("the batch must be refused")
        } catch let refused as ShipmentBatchRefusal {
            #expect(refused.refusals.map(\.index) == [1, 2], "the second order is unknown; the third finds nothing left after the first")
            #expect(refused.refusals.map(\.refusal.code) == ["unknown_order", "nothing_to_ship"])
        }
        #expect(try await shipments.shipments(of: Self.key).isEmpty, "nothing stored")
        #expect(try await store.reserved() == 2, "no stock moved")
        let recorded = try await shipments.recordShipments([draft()], actor: "w", at: Timestamp(secondsSince1970: 31))
        #expect(recorded.map(\.created) == [true])
        #expect(try await store.reserved() == 0)
    }
}

import Foundation
import GatewayCore
import Testing

@Suite struct OrderMergerTests {
    let key = OrderKey(platform: .douyin, shop: "yunlai-douyin", platformOrderId: "4984023467827309610")

    func snapshot(_ status: OrderStatus, paid: Int64 = 5980, refund: RefundState = .none, province: String = "湖南省") -> OrderSnapshot {
        OrderSnapshot(
            status: status,
            platformStatus: status.rawValue,
            totalFen: 5980,
            paidFen: paid,
            createdAt: Timestamp(secondsSince1970: 100),
            paidAt: status == .created ? nil : Timestamp(secondsSince1970: 110),
            lines: [OrderLine(lineId: "1", productId: "p", skuId: "ponkan-5kg", title: "保靖椪柑 5kg", quantity: 1, paidFen: paid, refundState: refund)],
            buyer: BuyerInfo(province: province)
        )
    }

    func thin(_ status: OrderStatus?, at seconds: Int64, _ event: String = "push") -> OrderObservation {
        OrderObservation(
            key: key,
            source: .push,
            event: event,
            platformUpdatedAt: Timestamp(secondsSince1970: seconds),
            status: status,
            needsDetail: true
        )
    }

    func full(_ snapshot: OrderSnapshot, at seconds: Int64, source: ObservationSource = .detail) -> OrderObservation {
        OrderObservation(key: key, source: source, event: "snapshot", platformUpdatedAt: Timestamp(secondsSince1970: seconds), snapshot: snapshot)
    }

    /// The order without its local revision counter, which counts the path taken, not the result.
    func essence(_ order: CanonicalOrder?) -> CanonicalOrder? {
        guard var order else { return nil }
        order.revision = 0
        return order
    }

    @Test func everyPermutationOfARealisticOrderConverges() {
        let observations = [
            thin(.created, at: 100),
            thin(.paid, at: 110),
            full(snapshot(.paid), at: 110),
            thin(.shipped, at: 200),
            full(snapshot(.shipped, province: "湖南省"), at: 200, source: .poll),
            thin(.completed, at: 300),
            full(snapshot(.completed), at: 300),
            thin(.paid, at: 110),  // a retried push
        ]
        let expected = essence(OrderMerger.mergeAll(observations))
        #expect(expected?.status == .completed)
        #expect(expected?.snapshot?.status == .completed)
        #expect(expected?.platformUpdatedAt == Timestamp(secondsSince1970: 300))
        var count = 0
        var diverged: [Int] = []
        forEachPermutation(of: observations) { permutation in
            count += 1
            if essence(OrderMerger.mergeAll(permutation)) != expected { diverged.append(count) }
        }
        #expect(count == 40_320)
        #expect(diverged.isEmpty, "permutations \(diverged.prefix(10)) diverged")
    }

    @Test func cancelBeforePaidArrivingOutOfOrderEndsCancelled() {
        let observations = [thin(.created, at: 100), thin(.cancelled, at: 150), thin(.paid, at: 120), full(snapshot(.cancelled), at: 150)]
        forEachPermutation(of: observations) { permutation in
            #expect(OrderMerger.mergeAll(permutation)?.status == .cancelled)
        }
    }

    @Test func statusNeverMovesBackDownItsRank() {
        let shipped = OrderMerger.mergeAll([thin(.shipped, at: 200)])
        let result = OrderMerger.merge(thin(.paid, at: 250), into: shipped)
        #expect(result.order.status == .shipped)
        #expect(result.decision == .applied)  // the newer update time is still recorded
        let older = OrderMerger.merge(thin(.paid, at: 100), into: shipped)
        #expect(older.decision == .stale)
        #expect(older.order == shipped)
    }

    @Test func exactRepeatIsADuplicateAndChangesNothing() {
        let order = OrderMerger.mergeAll([thin(.paid, at: 110), full(snapshot(.paid), at: 110)])
        let again = OrderMerger.merge(full(snapshot(.paid), at: 110), into: order)
        #expect(again.decision == .duplicate)
        #expect(again.order == order)
        let thinAgain = OrderMerger.merge(thin(.paid, at: 110), into: order)
        #expect(thinAgain.decision == .duplicate)
    }

    @Test func olderSnapshotDoesNotReplaceNewerFields() {
        let order = OrderMerger.mergeAll([full(snapshot(.paid, paid: 4980), at: 300)])
        let result = OrderMerger.merge(full(snapshot(.paid, paid: 5980), at: 200), into: order)
        #expect(result.decision == .stale)
        #expect(result.order.snapshot?.paidFen == 4980)
    }

    @Test func cancelledIsTerminalUnlessANewerObservationReopens() {
        let cancelled = OrderMerger.mergeAll([thin(.cancelled, at: 200)])
        #expect(OrderMerger.merge(thin(.paid, at: 300), into: cancelled).order.status == .cancelled)
        var reopen = thin(.paid, at: 300)
        reopen.reopens = true
        #expect(OrderMerger.merge(reopen, into: cancelled).order.status == .paid)
        var oldReopen = thin(.paid, at: 100)
        oldReopen.reopens = true
        #expect(OrderMerger.merge(oldReopen, into: cancelled).order.status == .cancelled)
    }

    /// A thin observation that explicitly re-opens the order.
    func reopen(_ status: OrderStatus, at seconds: Int64) -> OrderObservation {
        var observation = thin(status, at: seconds, "reopened")
        observation.reopens = true
        return observation
    }

    @Test func aNewerReopenWinsOverAnOlderCancelInEitherArrivalOrder() {
        let cancel = thin(.cancelled, at: 200)
        let reopened = reopen(.paid, at: 300)
        #expect(OrderMerger.mergeAll([cancel, reopened])?.status == .paid)
        #expect(OrderMerger.mergeAll([reopened, cancel])?.status == .paid)
        // A cancel newer than the re-open wins, again in either order.
        let later = thin(.cancelled, at: 400)
        #expect(OrderMerger.mergeAll([reopened, later])?.status == .cancelled)
        #expect(OrderMerger.mergeAll([later, reopened])?.status == .cancelled)
        // A re-open at the same instant as the cancel does not re-open it.
        #expect(OrderMerger.mergeAll([reopen(.paid, at: 200), cancel])?.status == .cancelled)
        #expect(OrderMerger.mergeAll([cancel, reopen(.paid, at: 200)])?.status == .cancelled)
    }

    @Test func everyPermutationOfCancelAndReopenObservationsConverges() {
        var reopenedSnapshot = full(snapshot(.paid, paid: 4980), at: 300)
        reopenedSnapshot.reopens = true
        let observations = [
            thin(.created, at: 100),
            thin(.paid, at: 110),
            full(snapshot(.paid), at: 110),
            thin(.cancelled, at: 200),
            full(snapshot(.cancelled), at: 200, source: .poll),
            reopenedSnapshot,
            thin(.paid, at: 310),  // a later push that does not re-open by itself
            thin(.cancelled, at: 150),  // an older cancel arriving late
        ]
        let expected = essence(OrderMerger.mergeAll(observations))
        #expect(expected?.status == .paid)
        #expect(expected?.snapshot?.paidFen == 4980)
        #expect(expected?.platformUpdatedAt == Timestamp(secondsSince1970: 310))
        var count = 0
        var diverged: [Int] = []
        forEachPermutation(of: observations) { permutation in
            count += 1
            if essence(OrderMerger.mergeAll(permutation)) != expected { diverged.append(count) }
        }
        #expect(count == 40_320)
        #expect(diverged.isEmpty, "permutations \(diverged.prefix(10)) diverged")

        // With one more cancel newer than the re-open, every permutation ends cancelled.
        let recancelled = observations.dropFirst() + [full(snapshot(.cancelled), at: 400)]
        let cancelled = essence(OrderMerger.mergeAll(recancelled))
        #expect(cancelled?.status == .cancelled)
        var cancelledDiverged = 0
        forEachPermutation(of: Array(recancelled)) { permutation in
            if essence(OrderMerger.mergeAll(permutation)) != cancelled { cancelledDiverged += 1 }
        }
        #expect(cancelledDiverged == 0)
    }

    @Test func aReopenedOrderNeverMovesBelowTheHighestStatusSeen() {
        // Shipped, refunded and closed, then re-opened as paid: the produce left, so it stays shipped.
        let observations = [thin(.shipped, at: 150), thin(.cancelled, at: 200), reopen(.paid, at: 300)]
        forEachPermutation(of: observations) { permutation in
            #expect(OrderMerger.mergeAll(permutation)?.status == .shipped)
        }
    }

    @Test func anOrderStoredBeforeStatusEvidenceDecodesAndKeepsItsRules() throws {
        // `order_json` as stored before the status evidence existed: no `statusEvidence` key.
        let legacyCancelled = """
            {"key":{"platform":"douyin","shop":"yunlai-douyin","platformOrderId":"4984023467827309610"},
             "status":"cancelled","platformUpdatedAt":200000,"revision":3}
            """
        let cancelled = try JSONDecoder().decode(CanonicalOrder.self, from: Data(legacyCancelled.utf8))
        #expect(cancelled.status == .cancelled)
        #expect(cancelled.statusEvidence == StatusEvidence(latestCancelAt: Timestamp(secondsSince1970: 200)))
        #expect(OrderMerger.merge(reopen(.paid, at: 150), into: cancelled).order.status == .cancelled)
        #expect(OrderMerger.merge(thin(.paid, at: 300), into: cancelled).order.status == .cancelled)
        #expect(OrderMerger.merge(reopen(.paid, at: 300), into: cancelled).order.status == .paid)

        let legacyShipped = """
            {"key":{"platform":"douyin","shop":"yunlai-douyin","platformOrderId":"4984023467827309610"},
             "status":"shipped","platformUpdatedAt":200000,"revision":2}
            """
        let shipped = try JSONDecoder().decode(CanonicalOrder.self, from: Data(legacyShipped.utf8))
        #expect(shipped.statusEvidence == StatusEvidence(highestOpen: .shipped))
        #expect(OrderMerger.merge(thin(.paid, at: 300), into: shipped).order.status == .shipped)
        #expect(OrderMerger.merge(thin(.cancelled, at: 100), into: shipped).order.status == .cancelled)
        // And what is stored now round-trips.
        let merged = try #require(OrderMerger.mergeAll([thin(.cancelled, at: 200), reopen(.paid, at: 300)]))
        let again = try JSONDecoder().decode(CanonicalOrder.self, from: JSONEncoder().encode(merged))
        #expect(again == merged)
    }

    @Test func newOrderFromThinPushHasNoLinesUntilASnapshot() {
        let result = OrderMerger.merge(thin(.paid, at: 110), into: nil)
        #expect(result.decision == .applied)
        #expect(result.previousStatus == nil)
        #expect(result.order.lines.isEmpty)
        let filled = OrderMerger.merge(full(snapshot(.paid), at: 110), into: result.order)
        #expect(filled.decision == .applied)
        #expect(filled.order.lines.count == 1)
        #expect(filled.order.revision == 2)
    }

    @Test func lineRefundStateFollowsTheNewestSnapshot() {
        let order = OrderMerger.mergeAll([full(snapshot(.shipped), at: 200), full(snapshot(.shipped, refund: .requested), at: 260)])
        #expect(order?.lines.first?.refundState == .requested)
        let refunded = OrderMerger.merge(full(snapshot(.shipped, refund: .refunded), at: 300), into: order)
        #expect(refunded.order.lines.first?.refundState == .refunded)
    }
}

/// Calls `body` with every permutation of `items` (Heap's algorithm).
func forEachPermutation<T>(of items: [T], _ body: ([T]) -> Void) {
    var items = items
    var counters = Array(repeating: 0, count: items.count)
    body(items)
    var index = 0
    while index < items.count {
        if counters[index] < index {
            items.swapAt(index % 2 == 0 ? 0 : counters[index], index)
            body(items)
            counters[index] += 1
            index = 0
        } else {
            counters[index] = 0
            index += 1
        }
    }
}

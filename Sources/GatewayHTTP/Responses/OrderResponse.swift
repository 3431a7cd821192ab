import Foundation
import GatewayCore

/// The staff API's view of an order: amounts in fen, times as ISO 8601 UTC, statuses as the contract names them.
struct OrderResponse: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        var lineId: String
        var productId: String
        var skuId: String
        var outSkuId: String?
        var title: String
        var quantity: Int
        var paidFen: Int64
        var refundState: RefundState
    }

    struct Buyer: Encodable, Sendable {
        var maskedName: String?
        var maskedPhone: String?
        var province: String?
        var city: String?
    }

    struct Event: Encodable, Sendable {
        var deliveryId: String
        var receivedCount: Int
        var duplicatesAbsorbed: Int
        var source: ObservationSource
        var event: String
        var decision: MergeDecision
        var statusBefore: OrderStatus?
        var statusAfter: OrderStatus
        var platformUpdatedAt: String
        var recordedAt: String
        var rawPayload: String?
    }

    var platform: Platform
    var shop: String
    var platformOrderId: String
    /// Each line's fulfilment: state and the stock it holds (detail only).
    var reservations: [LineFulfilment]?
    /// Each parcel's household allocation and trace code (detail only).
    var allocations: [StoredAllocation]?
    var status: OrderStatus
    var platformStatus: String?
    var totalFen: Int64?
    var paidFen: Int64?
    var postageFen: Int64?
    var discountFen: Int64?
    var createdAt: String?
    var paidAt: String?
    var platformUpdatedAt: String
    var revision: Int
    var liveRoomId: String?
    var authorId: String?
    var buyer: Buyer?
    var lines: [Line]
    var timeline: [Event]?

    init(order: CanonicalOrder, timeline: [TimelineEntry]?, includePayloads: Bool) {
        let snapshot = order.snapshot
        platform = order.key.platform
        shop = order.key.shop
        platformOrderId = order.key.platformOrderId
        status = order.status
        platformStatus = snapshot?.platformStatus
        totalFen = snapshot?.totalFen
        paidFen = snapshot?.paidFen
        postageFen = snapshot?.postageFen
        discountFen = snapshot?.discountFen
        createdAt = snapshot.map { Self.iso($0.createdAt) }
        paidAt = snapshot?.paidAt.map(Self.iso)
        platformUpdatedAt = Self.iso(order.platformUpdatedAt)
        revision = order.revision
        liveRoomId = snapshot?.liveRoomId
        authorId = snapshot?.authorId
        buyer = snapshot.map {
            Buyer(maskedName: $0.buyer.maskedName, maskedPhone: $0.buyer.maskedPhone, province: $0.buyer.province, city: $0.buyer.city)
        }
        lines = order.lines.map {
            Line(
                lineId: $0.lineId,
                productId: $0.productId,
                skuId: $0.skuId,
                outSkuId: $0.outSkuId,
                title: $0.title,
                quantity: $0.quantity,
                paidFen: $0.paidFen,
                refundState: $0.refundState
            )
        }
        self.timeline = timeline?.map {
            Event(
                deliveryId: $0.deliveryId,
                receivedCount: $0.receivedCount,
                duplicatesAbsorbed: max(0, $0.receivedCount - 1),
                source: $0.source,
                event: $0.event,
                decision: $0.decision,
                statusBefore: $0.statusBefore,
                statusAfter: $0.statusAfter,
                platformUpdatedAt: Self.iso($0.platformUpdatedAt),
                recordedAt: Self.iso($0.recordedAt),
                rawPayload: includePayloads ? $0.rawPayload : nil
            )
        }
    }

    static func iso(_ timestamp: Timestamp) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: Double(timestamp.millisecondsSince1970) / 1000))
    }
}

import GatewayCore

/// The staff API's view of an order (`Order` in the OpenAPI document): amounts in fen, times in UTC, the timeline,
/// reservations and allocations only on the detail.
struct OrderResponse: Encodable, Sendable {
    /// An order line.
    struct Line: Encodable, Sendable {
        var lineId: String
        var productId: String
        var skuId: String
        var outSkuId: String?
        var title: String
        var quantity: Int
        var paidFen: Int64
        var refundState: String
        var refundedAfterShipment: Bool
    }

    /// The buyer as the platform shows them: masked.
    struct Buyer: Encodable, Sendable {
        var maskedName: String?
        var maskedPhone: String?
        var province: String?
        var city: String?
    }

    /// One delivery or poll of the order and what the merge decided.
    struct TimelineEvent: Encodable, Sendable {
        var deliveryId: String
        var receivedCount: Int
        var duplicatesAbsorbed: Int
        var source: String
        var event: String
        var decision: String
        var statusBefore: String?
        var statusAfter: String
        var platformUpdatedAt: String
        var recordedAt: String
        /// The raw payload (left out with `?payloads=false`; may be left out for some callers).
        var rawPayload: String?
    }

    var platform: String
    var shop: String
    var enterpriseId: String?
    var platformOrderId: String
    var status: String
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
    /// Detail only.
    var timeline: [TimelineEvent]?
    /// Each line's fulfilment: state and the stock it holds (detail only).
    var reservations: [ReservationResponse]?
    /// Each parcel's household and trace code (detail only).
    var allocations: [AllocationResponse]?

    /// The CSV columns of an order list (the JSON keys; `lines.*` joined with `;`).
    static let csvColumns = [
        "platform", "shop", "enterprise_id", "platform_order_id", "status", "platform_status", "created_at", "paid_at", "platform_updated_at",
        "total_fen", "paid_fen", "postage_fen", "discount_fen", "live_room_id", "author_id", "buyer.masked_name", "buyer.masked_phone",
        "buyer.province", "buyer.city", "lines.sku_id", "lines.title", "lines.quantity", "lines.paid_fen", "lines.refund_state",
    ]

    init(order: CanonicalOrder, enterpriseId: String?, timeline: [TimelineEntry]?, includePayloads: Bool) {
        let snapshot = order.snapshot
        platform = order.key.platform.rawValue
        shop = order.key.shop
        self.enterpriseId = enterpriseId
        platformOrderId = order.key.platformOrderId
        status = order.status.rawValue
        platformStatus = snapshot?.platformStatus
        totalFen = snapshot?.totalFen
        paidFen = snapshot?.paidFen
        postageFen = snapshot?.postageFen
        discountFen = snapshot?.discountFen
        createdAt = snapshot.map { APITime.string($0.createdAt) }
        paidAt = APITime.string(snapshot?.paidAt)
        platformUpdatedAt = APITime.string(order.platformUpdatedAt)
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
                refundState: $0.refundState.rawValue,
                refundedAfterShipment: $0.refundedAfterShipment
            )
        }
        self.timeline = timeline?.map {
            TimelineEvent(
                deliveryId: $0.deliveryId,
                receivedCount: $0.receivedCount,
                duplicatesAbsorbed: max(0, $0.receivedCount - 1),
                source: $0.source.rawValue,
                event: $0.event,
                decision: $0.decision.rawValue,
                statusBefore: $0.statusBefore?.rawValue,
                statusAfter: $0.statusAfter.rawValue,
                platformUpdatedAt: APITime.string($0.platformUpdatedAt),
                recordedAt: APITime.string($0.recordedAt),
                rawPayload: includePayloads ? $0.rawPayload : nil
            )
        }
    }
}

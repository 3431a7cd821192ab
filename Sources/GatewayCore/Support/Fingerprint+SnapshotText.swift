/// The text ``Fingerprint/of(_:)`` hashes: exactly what `String(describing:)` printed for a snapshot (its synthesized
/// reflection), written field by field without `Mirror` — reflection cost about a sixth of the stored pipeline's time
/// (issue #14). Stored orders' fingerprints therefore stay the same; `FingerprintTests` compares the two over random
/// snapshots and fails when a field is added to ``OrderSnapshot``, ``OrderLine`` or ``BuyerInfo`` without being added
/// here.
extension Fingerprint {
    /// The reflection text of a snapshot whose ``BuyerInfo/platformCiphertext`` is empty.
    static func reflectionText(of snapshot: OrderSnapshot) -> String {
        var text = "OrderSnapshot(status: GatewayCore.OrderStatus."
        text.reserveCapacity(256 + 192 * snapshot.lines.count)
        text += caseName(snapshot.status)
        text += ", platformStatus: " + snapshot.platformStatus.debugDescription
        text += ", totalFen: " + String(snapshot.totalFen)
        text += ", paidFen: " + String(snapshot.paidFen)
        text += ", postageFen: " + String(snapshot.postageFen)
        text += ", discountFen: " + String(snapshot.discountFen)
        text += ", createdAt: " + snapshot.createdAt.description
        text += ", paidAt: " + (snapshot.paidAt.map { "Optional(" + $0.description + ")" } ?? "nil")
        text += ", lines: ["
        for (index, line) in snapshot.lines.enumerated() {
            if index > 0 { text += ", " }
            text += "GatewayCore.OrderLine(lineId: " + line.lineId.debugDescription
            text += ", productId: " + line.productId.debugDescription
            text += ", skuId: " + line.skuId.debugDescription
            text += ", outSkuId: " + optional(line.outSkuId)
            text += ", title: " + line.title.debugDescription
            text += ", quantity: " + String(line.quantity)
            text += ", paidFen: " + String(line.paidFen)
            text += ", refundState: GatewayCore.RefundState." + caseName(line.refundState)
            text += ", refundedAfterShipment: " + (line.refundedAfterShipment ? "true" : "false") + ")"
        }
        let buyer = snapshot.buyer
        text += "], buyer: GatewayCore.BuyerInfo(maskedName: " + optional(buyer.maskedName)
        text += ", maskedPhone: " + optional(buyer.maskedPhone)
        text += ", phoneTail: " + optional(buyer.phoneTail)
        text += ", province: " + optional(buyer.province)
        text += ", city: " + optional(buyer.city)
        text += ", platformCiphertext: [:])"
        text += ", liveRoomId: " + optional(snapshot.liveRoomId)
        text += ", authorId: " + optional(snapshot.authorId) + ")"
        return text
    }

    private static func optional(_ value: String?) -> String {
        value.map { "Optional(" + $0.debugDescription + ")" } ?? "nil"
    }

    private static func caseName(_ status: OrderStatus) -> String {
        switch status {
        case .created: "created"
        case .paid: "paid"
        case .shipped: "shipped"
        case .completed: "completed"
        case .cancelled: "cancelled"
        }
    }

    private static func caseName(_ state: RefundState) -> String {
        switch state {
        case .none: "none"
        case .requested: "requested"
        case .refunded: "refunded"
        }
    }
}

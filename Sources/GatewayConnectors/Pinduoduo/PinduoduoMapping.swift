import GatewayCore

/// Pinduoduo codes and orders mapped onto the canonical model (platforms.md §3.1, §8.5).
///
/// Status, first rule that applies:
/// 1. `confirm_status` 2 (已取消) → `cancelled`; `group_status` 2 (团失败) → `cancelled` ([U]: a failed
///    group is refunded by the platform); a refunded order (`refund_status` 4 退款成功, or
///    `after_sales_status` 10) → `cancelled` (§8.5; [U] whether a refund after shipping is always the
///    whole order — PDD's refund status is per order, so the whole order is taken as refunded).
/// 2. `confirm_status` 0 (未成交) or `group_status` 0 (拼团中) → `created`: an unpaid or un-grouped
///    order is **not** a paid order and must not reserve stock ([U] interpretation, safest reading).
/// 3. `order_status` 1 待发货 → `paid`, 2 已发货待签收 → `shipped`, 3 已签收 → `completed`.
///
/// Line refund state (the order's state applies to every line): `refund_status` 4 or
/// `after_sales_status` 10 → `refunded`; `refund_status` 2/3 or `after_sales_status` 2…8 →
/// `requested`; otherwise (1 无售后或售后关闭, 9/11/12/13 closed or failed, exchanges and repairs) → `none`.
///
/// A refunded order whose goods were already sent (`order_status` 2/3, a `shipping_time` or a
/// `tracking_number`) is still `cancelled`, but its lines are marked
/// ``GatewayCore/OrderLine/refundedAfterShipment``: the produce left, so the gateway consumes the stock
/// and keeps the households' allocation (flagged) even if it never saw the order `shipped`.
enum PinduoduoMapping {
    /// Canonical status of an order, or `nil` when its codes say nothing known.
    static func status(_ order: PinduoduoOrder) -> OrderStatus? {
        let confirm = order.confirm_status?.value
        let group = order.group_status?.value
        if confirm == 2 || group == 2 || refundState(order) == .refunded { return .cancelled }
        if confirm == 0 || group == 0 { return .created }
        return order.order_status.flatMap { status(orderStatus: $0.value) }
    }

    /// Canonical status for `order_status` alone.
    static func status(orderStatus: Int64) -> OrderStatus? {
        switch orderStatus {
        case 1: .paid
        case 2: .shipped
        case 3: .completed
        default: nil
        }
    }

    /// Refund state from `refund_status` and `after_sales_status`.
    static func refundState(_ order: PinduoduoOrder) -> RefundState {
        refundState(refundStatus: order.refund_status?.value, afterSalesStatus: order.after_sales_status?.value)
    }

    /// Refund state from the two codes.
    static func refundState(refundStatus: Int64?, afterSalesStatus: Int64?) -> RefundState {
        if refundStatus == 4 || afterSalesStatus == 10 { return .refunded }
        if refundStatus == 2 || refundStatus == 3 { return .requested }
        if let afterSalesStatus, (2...8).contains(afterSalesStatus) { return .requested }
        return .none
    }

    /// Whether the order's goods were sent: `order_status` 2 (已发货待签收) or 3 (已签收), or a ship
    /// time or tracking number (a refunded order keeps them whatever its status codes say).
    static func goodsSent(_ order: PinduoduoOrder) -> Bool {
        if let status = order.order_status?.value, status == 2 || status == 3 { return true }
        return nonEmpty(order.shipping_time?.value) != nil || nonEmpty(order.tracking_number?.value) != nil
    }

    /// The platform's codes as one display string.
    static func platformStatus(_ order: PinduoduoOrder) -> String {
        [
            ("order_status", order.order_status), ("confirm_status", order.confirm_status), ("group_status", order.group_status),
            ("refund_status", order.refund_status), ("after_sales_status", order.after_sales_status),
        ]
        .compactMap { name, value in value.map { "\(name)=\($0.value)" } }
        .joined(separator: " ")
    }

    /// The order's update time (`updated_at`, else its latest other time), as a UTC instant.
    static func updatedAt(_ order: PinduoduoOrder) -> Timestamp? {
        if let updated = time(order.updated_at) { return updated }
        return [order.receive_time, order.shipping_time, order.confirm_time, order.pay_time, order.created_time]
            .compactMap { time($0) }.max()
    }

    /// A time field (Beijing text or Unix seconds) as a UTC instant.
    static func time(_ field: FlexibleString?) -> Timestamp? {
        field.flatMap { BeijingTime.parseFlexible($0.value) }
    }

    /// Whether a list row carries a whole order (status codes and lines), rather than an order number only.
    static func isFull(_ order: PinduoduoOrder) -> Bool {
        order.order_status != nil && order.item_list != nil
    }

    /// The snapshot an order describes.
    static func snapshot(_ order: PinduoduoOrder) throws -> OrderSnapshot {
        guard let status = status(order) else {
            throw ConnectorError("pinduoduo order \(order.order_sn) has unknown status (\(platformStatus(order)))")
        }
        let items = order.item_list ?? []
        let paid = order.pay_amount?.fen ?? 0
        let postage = order.postage?.fen ?? 0
        let goods =
            order.goods_amount?.fen
            ?? items.reduce(0) { Money.saturatingSum($0, Money.saturatingProduct($1.goods_price?.fen ?? 0, $1.goods_count?.value ?? 0)) }
        let shares = allocate(
            max(Money.saturatingDifference(paid, postage), 0),
            weights: items.map { Money.saturatingProduct($0.goods_price?.fen ?? 0, max($0.goods_count?.value ?? 0, 0)) }
        )
        let refund = refundState(order)
        let refundedAfterShipment = refund == .refunded && goodsSent(order)
        let lineIds = LineIdentity.ids(skuIds: items.map { item in item.sku_id?.value ?? "" })
        let lines = items.enumerated().map { index, item in
            OrderLine(
                lineId: lineIds[index],
                productId: item.goods_id?.value ?? "",
                skuId: item.sku_id?.value ?? "",
                outSkuId: nonEmpty(item.outer_id?.value),
                title: [item.goods_name, item.goods_spec].compactMap { nonEmpty($0) }.joined(separator: " "),
                quantity: Int(item.goods_count?.value ?? 0),
                paidFen: shares[index],
                refundState: refund,
                refundedAfterShipment: refundedAfterShipment
            )
        }
        var ciphertext: [String: String] = [:]
        if let value = nonEmpty(order.receiver_name) { ciphertext["receiver_name"] = value }
        if let value = nonEmpty(order.receiver_phone) { ciphertext["receiver_phone"] = value }
        if let value = nonEmpty(order.receiver_address) { ciphertext["receiver_address"] = value }
        let maskedPhone = MaskedContact.phone(order.receiver_phone_mask)
        let created = time(order.created_time) ?? time(order.confirm_time) ?? updatedAt(order) ?? Timestamp(millisecondsSince1970: 0)
        return OrderSnapshot(
            status: status,
            platformStatus: platformStatus(order),
            totalFen: Money.saturatingSum(goods, postage),
            paidFen: paid,
            postageFen: postage,
            discountFen: order.discount_amount?.fen ?? 0,
            createdAt: created,
            paidAt: status == .created ? nil : time(order.pay_time),
            lines: lines,
            buyer: BuyerInfo(
                maskedName: MaskedContact.name(order.receiver_name_mask),
                maskedPhone: maskedPhone,
                phoneTail: MaskedContact.phoneTail(maskedPhone),
                province: nonEmpty(order.province),
                city: nonEmpty(order.city),
                platformCiphertext: ciphertext
            )
        )
    }

    /// Splits `total` over lines in proportion to `weights` (floor shares, the remainder to the last
    /// line), so the lines always add up to `total` exactly; equal weights when all are zero. A negative
    /// weight (a negative price) counts as zero, and the sums are taken in `Int128`: each share then lies
    /// between 0 and `total`, whatever the platform sent (fuzz target `pinduoduo-detail`).
    static func allocate(_ total: Int64, weights: [Int64]) -> [Int64] {
        guard !weights.isEmpty else { return [] }
        let clamped = weights.map { max($0, 0) }
        let sum = clamped.reduce(Int128(0)) { $0 + Int128($1) }
        let effective = sum > 0 ? clamped : Array(repeating: 1, count: weights.count)
        let effectiveSum = sum > 0 ? sum : Int128(weights.count)
        var shares = effective.map { weight in
            Int64((Int128(total) * Int128(weight)) / effectiveSum)
        }
        let allocated = shares.reduce(Int128(0)) { $0 + Int128($1) }
        shares[shares.count - 1] += Int64(Int128(total) - allocated)
        return shares
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}

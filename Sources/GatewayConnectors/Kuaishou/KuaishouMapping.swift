import GatewayCore

/// Kuaishou codes and payloads mapped onto the canonical model (platforms.md §2.1–§2.2, §8.5).
enum KuaishouMapping {
    /// Canonical status for an order `status` code: 10 待付款, 30 已付款, 40 已发货, 50 已签收,
    /// 70 订单成功, 80 订单失败 (cancellations end here too). 0 (未知) and other codes have none.
    static func status(code: Int64) -> OrderStatus? {
        switch code {
        case 10: .created
        case 30: .paid
        case 40: .shipped
        case 50, 70: .completed
        case 80: .cancelled
        default: nil
        }
    }

    /// The status an order event implies by its name alone (used when `info` carries no `status`).
    static func status(event: String) -> OrderStatus? {
        switch event {
        case "kwaishop_order_addOrder": .created
        case "kwaishop_order_paySuccess": .paid
        case "kwaishop_order_delivering": .shipped
        case "kwaishop_order_deliverySuccess", "kwaishop_order_orderSuccess": .completed
        case "kwaishop_order_orderFail": .cancelled
        default: nil
        }
    }

    /// Whether the gateway handles an event: order events and after-sale events (whose order it re-fetches).
    static func isKnownEvent(_ event: String) -> Bool {
        event.hasPrefix("kwaishop_order_") || event.hasPrefix("kwaishop_aftersales_")
    }

    /// Refund state of a line from Kuaishou refund codes.
    ///
    /// [U] platforms.md does not give Kuaishou's after-sale status codes. The reading used: 0 is no
    /// refund, 60 is Kuaishou's "退款成功" (refund succeeded) → `refunded`; any other non-zero status on the
    /// line, a matching `orderRefundList` entry or the order is an open after-sale → `requested`. An
    /// unknown code is never taken for a completed refund (a fully refunded order also moves to status
    /// 80 and is cancelled, which releases its stock anyway).
    static func refundState(item: KuaishouOrderItemInfo, order: KuaishouOrder) -> RefundState {
        let refunds = order.orderRefundList ?? []
        let matching = refunds.filter { refund in
            guard let sku = refund.skuId?.value, !sku.isEmpty, sku != "0" else { return true }
            return sku == item.skuId?.value
        }
        let codes = [item.refundStatus?.value ?? 0] + matching.map { $0.refundStatus?.value ?? 0 }
        if codes.contains(Self.refundSucceeded) { return .refunded }
        if codes.contains(where: { $0 != 0 }) { return .requested }
        if (order.orderBaseInfo.refundStatus?.value ?? 0) != 0 { return .requested }
        return .none
    }

    /// Kuaishou's after-sale status "refund succeeded".
    static let refundSucceeded: Int64 = 60

    /// The snapshot an order describes.
    ///
    /// Money ([U] fen): `totalFee` is what the buyer paid (goods + express), `discountFee` the discount,
    /// `expressFee` the postage; the total before discounts is `totalFee + discountFee`. A single-item
    /// order's line is paid `totalFee − expressFee`; with several items each line is `price × num − discountFee`.
    /// Livestream attribution: platforms.md names no room or author field for Kuaishou, so both stay `nil` [U].
    static func snapshot(_ order: KuaishouOrder) throws -> OrderSnapshot {
        let base = order.orderBaseInfo
        guard let status = status(code: base.status.value) else {
            throw ConnectorError("kuaishou order \(base.oid) has unknown status \(base.status.value)")
        }
        let items = order.orderItemInfoList.flatMap { $0.isEmpty ? nil : $0 } ?? order.orderItemInfo?.elements ?? []
        let totalFee = base.totalFee?.value ?? 0
        let expressFee = base.expressFee?.value ?? 0
        let discountFee = base.discountFee?.value ?? 0
        let skuLineIds = LineIdentity.ids(skuIds: items.map { item in item.skuId?.value ?? "" })
        let lines = items.enumerated().map { index, item in
            let quantity = Int(item.num?.value ?? 1)
            let paid: Int64 =
                items.count == 1
                ? max(Money.saturatingDifference(totalFee, expressFee), 0)
                : max(Money.saturatingDifference(Money.saturatingProduct(item.price?.value ?? 0, Int64(quantity)), item.discountFee?.value ?? 0), 0)
            let outSku = item.skuNick.flatMap { $0.isEmpty ? nil : $0 } ?? nonZero(item.relSkuId)
            return OrderLine(
                lineId: nonZero(item.orderItemId) ?? skuLineIds[index],
                productId: item.itemId?.value ?? "",
                skuId: item.skuId?.value ?? "",
                outSkuId: outSku,
                title: item.itemTitle ?? "",
                quantity: quantity,
                paidFen: paid,
                refundState: refundState(item: item, order: order)
            )
        }
        var ciphertext: [String: String] = [:]
        if let value = order.orderAddress?.encryptedConsignee, !value.isEmpty { ciphertext["encryptedConsignee"] = value }
        if let value = order.orderAddress?.encryptedMobile, !value.isEmpty { ciphertext["encryptedMobile"] = value }
        if let value = order.orderAddress?.encryptedAddress, !value.isEmpty { ciphertext["encryptedAddress"] = value }
        let maskedPhone = MaskedContact.phone(order.orderAddress?.desensitiseMobile)
        let buyer = BuyerInfo(
            maskedName: MaskedContact.name(order.orderAddress?.desensitiseConsignee),
            maskedPhone: maskedPhone,
            phoneTail: MaskedContact.phoneTail(maskedPhone),
            province: order.orderAddress?.province.flatMap { $0.isEmpty ? nil : $0 },
            city: order.orderAddress?.city.flatMap { $0.isEmpty ? nil : $0 },
            platformCiphertext: ciphertext
        )
        let payTime = base.payTime?.value ?? 0
        return OrderSnapshot(
            status: status,
            platformStatus: String(base.status.value),
            totalFen: Money.saturatingSum(totalFee, discountFee),
            paidFen: totalFee,
            postageFen: expressFee,
            discountFen: discountFee,
            createdAt: Timestamp(millisecondsSince1970: base.createTime?.value ?? 0),
            paidAt: payTime > 0 ? Timestamp(millisecondsSince1970: payTime) : nil,
            lines: lines,
            buyer: buyer
        )
    }

    /// The order's platform update time (ms), falling back to its creation time.
    static func updatedAt(_ order: KuaishouOrder) -> Timestamp {
        let base = order.orderBaseInfo
        let ms = [base.updateTime?.value, base.sendTime?.value, base.payTime?.value, base.createTime?.value].lazy.compactMap { $0 }.first { $0 > 0 }
        return Timestamp(millisecondsSince1970: ms ?? 0)
    }

    private static func nonZero(_ id: FlexibleString?) -> String? {
        guard let value = id?.value, !value.isEmpty, value != "0" else { return nil }
        return value
    }
}

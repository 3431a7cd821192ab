import GatewayCore

/// Youzan codes and payloads mapped onto the canonical model.
///
/// platforms.md §6 researched the push's signature and envelope only; statuses, refund codes, money and
/// times below follow Youzan's trade API conventions ([U] for the gateway's purposes): trade status
/// strings, yuan decimal strings, Beijing-time strings.
enum YouzanMapping {
    /// Canonical status for a trade `status`.
    static func status(trade: String) -> OrderStatus? {
        switch trade.uppercased() {
        case "WAIT_BUYER_PAY", "TRADE_NO_CREATE_PAY": .created
        case "TRADE_PAID", "WAIT_CONFIRM", "WAIT_GROUP", "WAIT_SELLER_SEND_GOODS", "SELLER_CONSIGNED_PART", "TRADE_PARTLY_SEND_GOODS": .paid
        case "WAIT_BUYER_CONFIRM_GOODS": .shipped
        case "TRADE_SUCCESS", "TRADE_BUYER_SIGNED": .completed
        case "TRADE_CLOSE", "TRADE_CLOSED", "TRADE_CLOSED_BY_USER", "TRADE_CANCEL": .cancelled
        default: nil
        }
    }

    /// The status a message type implies when no trade status comes with it.
    static func status(type: String) -> OrderStatus? {
        switch type {
        case "trade_TradeCreate": .created
        case "trade_TradeBuyerPay", "trade_TradePaid": .paid
        case "trade_TradeSellerShip": .shipped
        case "trade_TradeSuccess": .completed
        case "trade_TradeClose": .cancelled
        default: nil
        }
    }

    /// Whether the gateway handles a message type: trade messages, refunds (`trade_refund_*`) included.
    static func isKnownType(_ type: String) -> Bool { type.hasPrefix("trade_") }

    /// A line's refund state from `refund_state`: 1/11 (退款中) requested, 2/12 (退款成功) refunded [U].
    static func refundState(_ code: Int64?) -> RefundState {
        switch code ?? 0 {
        case 1, 11: .requested
        case 2, 12: .refunded
        default: .none
        }
    }

    /// The snapshot a `full_order_info` describes.
    ///
    /// Money in yuan, converted exactly: `payment` is what the buyer paid, `post_fee` the postage,
    /// `total_fee` the goods before discounts (total = `total_fee + post_fee`; discount = total − payment).
    /// Youzan attribution fields were not researched: `liveRoomId`/`authorId` stay `nil` [U].
    static func snapshot(_ info: YouzanFullOrderInfo) throws -> OrderSnapshot {
        let order = info.order_info
        guard let status = status(trade: order.status) else {
            throw ConnectorError("youzan trade \(order.tid) has unknown status \(order.status)")
        }
        let lines = (info.orders ?? []).enumerated().map { index, line in
            OrderLine(
                lineId: nonEmpty(line.oid?.value) ?? String(index + 1),
                productId: line.item_id?.value ?? "",
                skuId: line.sku_id?.value ?? "",
                outSkuId: nonEmpty(line.outer_sku_id),
                title: line.title ?? "",
                quantity: Int(line.num?.value ?? 1),
                paidFen: line.payment?.fen ?? Money.saturatingProduct(line.price?.fen ?? 0, line.num?.value ?? 1),
                refundState: refundState(line.refund_state?.value)
            )
        }
        let post = info.pay_info?.post_fee?.fen ?? 0
        let goods = info.pay_info?.total_fee?.fen ?? lines.reduce(0) { Money.saturatingSum($0, $1.paidFen) }
        let paid = info.pay_info?.payment?.fen ?? Money.saturatingSum(goods, post)
        let address = info.address_info
        let maskedPhone = MaskedContact.phone(plain(address?.receiver_tel))
        return OrderSnapshot(
            status: status,
            platformStatus: order.status,
            totalFen: Money.saturatingSum(goods, post),
            paidFen: paid,
            postageFen: post,
            discountFen: max(Money.saturatingDifference(Money.saturatingSum(goods, post), paid), 0),
            createdAt: order.created?.instant ?? order.update_time?.instant ?? Timestamp(millisecondsSince1970: 0),
            paidAt: order.pay_time?.instant,
            lines: lines,
            buyer: BuyerInfo(
                maskedName: MaskedContact.name(plain(address?.receiver_name)),
                maskedPhone: maskedPhone,
                phoneTail: MaskedContact.phoneTail(maskedPhone),
                province: nonEmpty(address?.delivery_province),
                city: nonEmpty(address?.delivery_city),
                platformCiphertext: ciphertext(address),
                receiver: BuyerContact(
                    name: plain(address?.receiver_name),
                    phone: plain(address?.receiver_tel),
                    address: plain(address?.delivery_address)
                )
            )
        )
    }

    /// Youzan ciphertext looks like `$…$1$`; such values are kept as ciphertext, never masked as if plain.
    private static func isCiphertext(_ text: String?) -> Bool {
        guard let text else { return false }
        return text.hasPrefix("$") && text.hasSuffix("$") && text.count > 4
    }

    private static func plain(_ text: String?) -> String? { isCiphertext(text) ? nil : text }

    private static func ciphertext(_ address: YouzanAddressInfo?) -> [String: String] {
        var out: [String: String] = [:]
        if let value = address?.receiver_name, isCiphertext(value) { out["receiver_name"] = value }
        if let value = address?.receiver_tel, isCiphertext(value) { out["receiver_tel"] = value }
        if let value = address?.delivery_address, isCiphertext(value) { out["delivery_address"] = value }
        return out
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty, text != "0" else { return nil }
        return text
    }
}

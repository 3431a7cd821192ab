import GatewayCore

/// Taobao trade and order-line states mapped onto the canonical model (platforms.md §4.1, §8.5).
///
/// Trade `status` → canonical status (all twelve strings of platforms.md §4.1):
/// | `status` | canonical | note |
/// | --- | --- | --- |
/// | `TRADE_NO_CREATE_PAY` | created | no Alipay trade yet |
/// | `WAIT_BUYER_PAY` | created | |
/// | `PAY_PENDING` | created | payment being processed — not paid yet ([U] safest reading) |
/// | `WAIT_PRE_AUTH_CONFIRM` | created | pre-authorisation (0元购) not confirmed — not paid ([U] safest reading) |
/// | `WAIT_SELLER_SEND_GOODS` | paid | |
/// | `PAID_FORBID_CONSIGN` | created | paid but not yet to be shipped (a group buy still forming, or shipping held): like an un-grouped PDD order, not a paid order yet ([U] safest reading) |
/// | `SELLER_CONSIGNED_PART` | paid | partly shipped: `shipped` only once every line has left (as Douyin 101) |
/// | `WAIT_BUYER_CONFIRM_GOODS` | shipped | |
/// | `TRADE_BUYER_SIGNED` | completed | cash on delivery, buyer signed (paid and received) |
/// | `TRADE_FINISHED` | completed | |
/// | `TRADE_CLOSED` | cancelled | closed after a full refund |
/// | `TRADE_CLOSED_BY_TAOBAO` | cancelled | closed before payment |
///
/// Order-line `refund_status` → ``GatewayCore/RefundState`` ([U]: the strings are TOP's, not listed
/// in platforms.md): `SUCCESS` → refunded; `WAIT_SELLER_AGREE`, `WAIT_BUYER_RETURN_GOODS`,
/// `WAIT_SELLER_CONFIRM_GOODS`, `SELLER_REFUSE_BUYER` (the buyer may still appeal) → requested;
/// `NO_REFUND`, `CLOSED`, empty or unknown → none.
///
/// A refunded line whose goods were sent — the line or the trade has a `consign_time`, or the line or
/// trade status is shipped or later (`WAIT_BUYER_CONFIRM_GOODS`, `TRADE_BUYER_SIGNED`, `TRADE_FINISHED`)
/// — is marked ``GatewayCore/OrderLine/refundedAfterShipment``: a `TRADE_CLOSED` trade refunded after
/// shipment keeps its stock consumed and its households' allocation (flagged), even if the gateway
/// never saw it shipped. A partly consigned trade's `consign_time` marks every refunded line ([U]:
/// TOP does not always say which line left), which errs toward less sellable stock.
enum TaobaoMapping {
    /// Canonical status for a trade status string, `nil` if unknown.
    static func status(_ text: String) -> OrderStatus? {
        switch text {
        case "TRADE_NO_CREATE_PAY", "WAIT_BUYER_PAY", "PAY_PENDING", "WAIT_PRE_AUTH_CONFIRM", "PAID_FORBID_CONSIGN": .created
        case "WAIT_SELLER_SEND_GOODS", "SELLER_CONSIGNED_PART": .paid
        case "WAIT_BUYER_CONFIRM_GOODS": .shipped
        case "TRADE_BUYER_SIGNED", "TRADE_FINISHED": .completed
        case "TRADE_CLOSED", "TRADE_CLOSED_BY_TAOBAO": .cancelled
        default: nil
        }
    }

    /// Refund state for an order line's `refund_status`.
    static func refundState(_ text: String?) -> RefundState {
        switch text ?? "" {
        case "SUCCESS": .refunded
        case "WAIT_SELLER_AGREE", "WAIT_BUYER_RETURN_GOODS", "WAIT_SELLER_CONFIRM_GOODS", "SELLER_REFUSE_BUYER": .requested
        default: .none
        }
    }

    /// Trade and line statuses that mean the goods were sent.
    static let sentStatuses: Set<String> = ["WAIT_BUYER_CONFIRM_GOODS", "TRADE_BUYER_SIGNED", "TRADE_FINISHED"]

    /// Whether a line's goods were sent, by the line's or the trade's `consign_time` or status.
    static func goodsSent(_ order: TaobaoOrder, of trade: TaobaoTrade) -> Bool {
        if nonEmpty(order.consign_time) != nil || nonEmpty(trade.consign_time) != nil { return true }
        return [order.status, trade.status].contains { $0.map(sentStatuses.contains) ?? false }
    }

    /// The trade id as a string: `tid_str` when present, else `tid` (an int64 read from its digits).
    static func tradeId(_ trade: TaobaoTrade) -> String {
        if let text = trade.tid_str?.value, !text.isEmpty { return text }
        return trade.tid.value
    }

    /// A TOP time field (`yyyy-MM-dd HH:mm:ss` Beijing, milliseconds optional) as a UTC instant.
    static func time(_ text: String?) -> Timestamp? {
        text.flatMap { BeijingTime.parseFlexible($0) }
    }

    /// The trade's update time: `modified`, else `created`.
    static func updatedAt(_ trade: TaobaoTrade) -> Timestamp? {
        time(trade.modified) ?? time(trade.created)
    }

    /// The snapshot a `fullinfo` trade describes.
    static func snapshot(_ trade: TaobaoTrade) throws -> OrderSnapshot {
        let tid = tradeId(trade)
        guard let statusText = trade.status, let status = status(statusText) else {
            throw ConnectorError("taobao trade \(tid) has unknown status \(trade.status ?? "(none)")")
        }
        guard let orders = trade.orders?.elements, !orders.isEmpty else {
            throw ConnectorError("taobao trade \(tid) carries no orders")
        }
        let lines = orders.enumerated().map { index, order in
            let refund = refundState(order.refund_status)
            return OrderLine(
                lineId: nonEmpty(order.oid_str?.value) ?? nonEmpty(order.oid?.value) ?? String(index),
                productId: order.num_iid?.value ?? "",
                skuId: nonEmpty(order.sku_id?.value) ?? "",
                outSkuId: nonEmpty(order.outer_sku_id?.value) ?? nonEmpty(order.outer_iid?.value),
                title: [order.title, order.sku_properties_name].compactMap { nonEmpty($0) }.joined(separator: " "),
                quantity: Int(order.num?.value ?? 0),
                paidFen: order.payment?.fen ?? order.total_fee?.fen ?? 0,
                refundState: refund,
                refundedAfterShipment: refund == .refunded && goodsSent(order, of: trade)
            )
        }
        let postage = trade.post_fee?.fen ?? 0
        let goods = trade.total_fee?.fen ?? orders.reduce(0) { Money.saturatingSum($0, $1.total_fee?.fen ?? 0) }
        let maskedPhone = MaskedContact.phone(trade.receiver_mobile)
        var ciphertext: [String: String] = [:]
        if let oaid = nonEmpty(trade.oaid) { ciphertext["oaid"] = oaid }
        // Taobao ciphertext (`~…~`) is kept as received; plaintext receivers (apps allowed to see them) are sealed at rest.
        for (field, value) in [
            ("receiver_name", trade.receiver_name), ("receiver_mobile", trade.receiver_mobile), ("receiver_address", trade.receiver_address),
        ]
        where isCiphertext(value) {
            ciphertext[field] = value
        }
        func plain(_ value: String?) -> String? { isCiphertext(value) ? nil : value }
        return OrderSnapshot(
            status: status,
            platformStatus: statusText,
            totalFen: Money.saturatingSum(goods, postage),
            paidFen: trade.payment?.fen ?? 0,
            postageFen: postage,
            discountFen: trade.discount_fee?.fen ?? 0,
            createdAt: time(trade.created) ?? updatedAt(trade) ?? Timestamp(millisecondsSince1970: 0),
            paidAt: status == .created ? nil : time(trade.pay_time),
            lines: lines,
            buyer: BuyerInfo(
                maskedName: MaskedContact.name(trade.receiver_name),
                maskedPhone: maskedPhone,
                phoneTail: MaskedContact.phoneTail(maskedPhone),
                province: nonEmpty(trade.receiver_state),
                city: nonEmpty(trade.receiver_city),
                platformCiphertext: ciphertext,
                receiver: BuyerContact(name: plain(trade.receiver_name), phone: plain(trade.receiver_mobile), address: plain(trade.receiver_address))
            )
        )
    }

    /// Taobao's encrypted receiver fields look like `~…~`.
    private static func isCiphertext(_ text: String?) -> Bool {
        guard let text else { return false }
        return text.count > 2 && text.hasPrefix("~") && text.hasSuffix("~")
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}

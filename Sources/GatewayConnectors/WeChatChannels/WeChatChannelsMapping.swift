import GatewayCore

/// WeChat Channels codes and payloads mapped onto the canonical model (platforms.md §5, §8.5).
enum WeChatChannelsMapping {
    /// Canonical status for an order `status`: 10 待付款 → created; 12 礼物待收下, 13 凑单买凑团中,
    /// 20 待发货, 21 部分发货 → paid (the buyer paid; not every line has shipped); 30 待收货 → shipped;
    /// 100 完成 → completed; 190, 200, 250 (oversold, fully after-sold, cancelled) → cancelled.
    static func status(code: Int64) -> OrderStatus? {
        switch code {
        case 10: .created
        case 12, 13, 20, 21: .paid
        case 30: .shipped
        case 100: .completed
        case 190, 200, 250: .cancelled
        default: nil
        }
    }

    /// Whether the gateway handles an event: `channels_ec_order_*` and the after-sale update (whose order it re-fetches).
    static func isKnownEvent(_ event: String) -> Bool {
        event.hasPrefix("channels_ec_order_") || event == "channels_ec_aftersale_update"
    }

    /// The status an event implies, if any.
    ///
    /// `channels_ec_order_deliver` implies `shipped` only when `finish_delivery` is absent or 1 (all shipped) [U].
    static func status(event: String, info: WeChatEventOrderInfo?) -> OrderStatus? {
        switch event {
        case "channels_ec_order_new": .created
        case "channels_ec_order_pay", "channels_ec_order_wait_shipping": .paid
        case "channels_ec_order_deliver": (info?.finish_delivery?.value ?? 1) == 1 ? .shipped : nil
        case "channels_ec_order_confirm", "channels_ec_order_settle": .completed
        case "channels_ec_order_cancel": .cancelled
        default: nil
        }
    }

    /// Refund state of a line: every unit after-sold → refunded; any unit in or through after-sale → requested [U].
    static func refundState(_ product: WeChatProductInfo) -> RefundState {
        let count = product.sku_cnt?.value ?? 0
        let finished = product.finish_aftersale_sku_cnt?.value ?? 0
        let open = product.on_aftersale_sku_cnt?.value ?? 0
        if count > 0, finished >= count { return .refunded }
        if finished > 0 || open > 0 { return .requested }
        return .none
    }

    /// The snapshot an order describes.
    ///
    /// Money is fen: `order_price` is what the buyer paid, `freight` the postage, `discounted_price` the
    /// discount, `product_price` the goods before discounts (total = `product_price + freight`). A line is
    /// paid `real_price` when given, else `sale_price × sku_cnt` [U].
    /// Attribution [U]: `order_detail.source_infos` (sku-level sale source); the author is the first
    /// non-empty `account_id` (the Channels account that sold), the room the `content_id` of an entry whose
    /// `content_type` is 1 (live) — platforms.md does not cover these fields.
    static func snapshot(_ order: WeChatOrder) throws -> OrderSnapshot {
        guard let status = status(code: order.status.value) else {
            throw ConnectorError("wechat-channels order \(order.order_id) has unknown status \(order.status.value)")
        }
        let detail = order.order_detail
        let products = detail?.product_infos ?? []
        let lineIds = LineIdentity.ids(skuIds: products.map { product in product.sku_id?.value ?? "" })
        let lines = products.enumerated().map { index, product in
            let count = product.sku_cnt?.value ?? 0
            return OrderLine(
                lineId: lineIds[index],
                productId: product.product_id?.value ?? "",
                skuId: product.sku_id?.value ?? "",
                outSkuId: nonEmpty(product.sku_code) ?? nonZero(product.out_sku_id),
                title: product.title ?? "",
                quantity: Int(count),
                paidFen: product.real_price?.value ?? Money.saturatingProduct(product.sale_price?.value ?? 0, count),
                refundState: refundState(product)
            )
        }
        let price = detail?.price_info
        let freight = price?.freight?.value ?? 0
        let productPrice =
            price?.product_price?.value
            ?? products.reduce(0) { Money.saturatingSum($0, Money.saturatingProduct($1.sale_price?.value ?? 0, $1.sku_cnt?.value ?? 0)) }
        let paid = price?.order_price?.value ?? Money.saturatingSum(lines.reduce(0) { Money.saturatingSum($0, $1.paidFen) }, freight)
        let address = detail?.delivery_info?.address_info
        let maskedPhone = MaskedContact.phone(address?.tel_number)
        let buyer = BuyerInfo(
            maskedName: MaskedContact.name(address?.user_name),
            maskedPhone: maskedPhone,
            phoneTail: MaskedContact.phoneTail(maskedPhone),
            province: nonEmpty(address?.province_name),
            city: nonEmpty(address?.city_name),
            receiver: BuyerContact(name: address?.user_name, phone: address?.tel_number, address: address?.detail_info)
        )
        let sources = detail?.source_infos ?? []
        let payTime = detail?.pay_info?.pay_time?.value ?? 0
        return OrderSnapshot(
            status: status,
            platformStatus: String(order.status.value),
            totalFen: Money.saturatingSum(productPrice, freight),
            paidFen: paid,
            postageFen: freight,
            discountFen: price?.discounted_price?.value ?? max(Money.saturatingDifference(Money.saturatingSum(productPrice, freight), paid), 0),
            createdAt: PlausibleTime.saturatingTimestamp(seconds: order.create_time?.value ?? 0),
            paidAt: payTime > 0 ? PlausibleTime.saturatingTimestamp(seconds: payTime) : nil,
            lines: lines,
            buyer: buyer,
            liveRoomId: sources.lazy.filter { $0.content_type?.value == "1" }.compactMap { nonZero($0.content_id) }.first,
            authorId: sources.lazy.compactMap { nonZero($0.account_id) }.first
        )
    }

    /// The order's platform update time, falling back to its creation time.
    static func updatedAt(_ order: WeChatOrder) -> Timestamp {
        PlausibleTime.saturatingTimestamp(seconds: [order.update_time?.value, order.create_time?.value].lazy.compactMap { $0 }.first { $0 > 0 } ?? 0)
    }

    private static func nonZero(_ id: FlexibleString?) -> String? {
        guard let value = id?.value, !value.isEmpty, value != "0" else { return nil }
        return value
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}

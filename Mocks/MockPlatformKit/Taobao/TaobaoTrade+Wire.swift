extension TaobaoTrade {
    /// The trade fields the mock can return (besides `orders`).
    static let wireFieldNames = [
        "tid", "tid_str", "status", "type", "created", "modified", "pay_time", "consign_time", "end_time", "payment",
        "total_fee", "post_fee", "discount_fee", "adjust_fee", "received_payment", "buyer_nick", "buyer_open_uid",
        "seller_nick", "num", "num_iid", "title", "price", "receiver_state", "receiver_city", "receiver_district",
        "receiver_address", "receiver_name", "receiver_mobile", "receiver_zip", "oaid",
    ]

    /// The trade as `taobao.trades.sold.increment.get` (`trades.trade[]`) and `taobao.trade.fullinfo.get`
    /// (`trade`) return it, limited to the requested fields.
    ///
    /// Money is yuan text with two decimals (`"200.07"`, `"0.10"`), exact from fen. Times are
    /// `yyyy-MM-dd HH:mm:ss` Beijing time; a time that has not happened yet is left out, as TOP leaves out
    /// empty fields. `tid`/`oid` are JSON integers (int64) with `tid_str`/`oid_str` beside them; `num_iid`
    /// is an integer, `sku_id` a string. PII is masked (`receiver_name` `张**`, `receiver_mobile`
    /// `138****5678`) with an `oaid`.
    func wire(fields: TaobaoFieldSelection, sellerNick: String) -> JSONValue {
        let money = YuanText.twoDecimals
        var all: [String: JSONValue] = [
            "tid": .int(tid),
            "tid_str": .string(String(tid)),
            "status": .string(status),
            "type": "fixed",
            "created": .string(BeijingTime.format(created)),
            "modified": .string(BeijingTime.format(modified)),
            "payment": .string(money(paymentFen)),
            "total_fee": .string(money(totalFeeFen)),
            "post_fee": .string(money(postFeeFen)),
            "discount_fee": .string(money(discountFeeFen)),
            "adjust_fee": .string(money(0)),
            "received_payment": .string(money(status == "TRADE_FINISHED" ? paymentFen : 0)),
            "buyer_nick": "",
            "buyer_open_uid": .string(buyerOpenUid),
            "seller_nick": .string(sellerNick),
            "num": .int(orders.reduce(0) { $0 + $1.num }),
            "receiver_state": .string(recipient.province),
            "receiver_city": .string(recipient.city),
            "receiver_district": .string(recipient.district),
            "receiver_address": .string(recipient.maskedDetail),
            "receiver_name": .string(recipient.maskedName),
            "receiver_mobile": .string(recipient.maskedPhone),
            "receiver_zip": "000000",
            "oaid": .string("1" + buyerOpenUid.suffix(20)),
        ]
        if let first = orders.first {
            all["num_iid"] = .id(first.numIid)
            all["title"] = .string(first.title)
            all["price"] = .string(money(first.priceFen))
        }
        if let payTime { all["pay_time"] = .string(BeijingTime.format(payTime)) }
        if let consignTime { all["consign_time"] = .string(BeijingTime.format(consignTime)) }
        if let endTime { all["end_time"] = .string(BeijingTime.format(endTime)) }
        if fields.tradeFields.contains("orders") {
            all["orders"] = [
                "order": .array(
                    orders.map { order in
                        let parcel = shipments.last { $0.lines.contains { $0.lineId == String(order.oid) } }
                        return Self.wire(order, parcel: parcel, fields: fields.orderFields)
                    }
                )
            ]
        }
        return .object(all.filter { fields.tradeFields.contains($0.key) })
    }

    /// One sub-order; a shipped one carries its parcel's `invoice_no` (tracking number), `logistics_company`
    /// (the courier's name), `shipping_type` `express` and `consign_time`.
    private static func wire(_ order: TaobaoOrder, parcel: MockShipment?, fields: Set<String>?) -> JSONValue {
        let money = YuanText.twoDecimals
        var all: [String: JSONValue] = [
            "oid": .int(order.oid),
            "oid_str": .string(String(order.oid)),
            "num_iid": .id(order.numIid),
            "sku_id": .string(order.skuId),
            "outer_iid": "",
            "outer_sku_id": .string(order.outerSkuId),
            "title": .string(order.title),
            "sku_properties_name": .string("规格:" + order.title),
            "price": .string(money(order.priceFen)),
            "num": .int(order.num),
            "total_fee": .string(money(order.amountFen)),
            "payment": .string(money(order.amountFen)),
            "discount_fee": .string(money(0)),
            "adjust_fee": .string(money(0)),
            "status": .string(order.status),
            "refund_status": .string(order.refundStatus),
        ]
        if let parcel {
            all["invoice_no"] = .string(parcel.trackingNo)
            all["logistics_company"] = .string(TaobaoShopMock.couriers.first { $0.code == parcel.courierCode }?.name ?? parcel.courierCode)
            all["shipping_type"] = "express"
            all["consign_time"] = .string(BeijingTime.format(parcel.shippedAt))
        }
        guard let fields else { return .object(all) }
        return .object(all.filter { fields.contains($0.key) })
    }
}

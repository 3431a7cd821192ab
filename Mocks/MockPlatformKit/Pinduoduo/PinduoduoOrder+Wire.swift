import Foundation

extension PinduoduoOrder {
    /// The order as `pdd.order.number.list.increment.get` and `pdd.order.information.get` return it.
    ///
    /// Money is yuan as JSON numbers written the way Java prints a double (`59.8`, `0.1`, `100.0`),
    /// computed from fen without floating point. Times are `yyyy-MM-dd HH:mm:ss` Beijing time; a time
    /// that has not happened yet (e.g. `pay_time` of an unpaid order) is left out (**[U]**: the field
    /// may be null or absent on the real platform). Ids: `order_sn` is a string, `goods_id`/`sku_id`
    /// numbers.
    func wire() -> JSONValue {
        var fields: [String: JSONValue] = [
            "order_sn": .string(orderSn),
            "order_status": .int(orderStatus),
            "confirm_status": .int(confirmStatus),
            "group_status": .int(groupStatus),
            "refund_status": .int(refundStatus),
            "after_sales_status": .int(afterSalesStatus),
            "risk_control_status": 0,
            "trade_type": 0,
            "is_lucky_flag": 1,
            "is_pre_sale": 0,
            "invoice_status": 0,
            "stock_out_handle_status": -1,
            "is_stock_out": 0,
            "free_sf": 0,
            "home_delivery_type": 0,
            "created_time": .string(BeijingTime.format(createdTime)),
            "updated_at": .string(BeijingTime.format(updatedAt)),
            "pay_amount": Self.yuan(payFen),
            "goods_amount": Self.yuan(goodsFen),
            "discount_amount": Self.yuan(discountFen),
            "seller_discount": Self.yuan(discountFen),
            "platform_discount": Self.yuan(0),
            "capital_free_discount": Self.yuan(0),
            "order_change_amount": Self.yuan(0),
            "postage": Self.yuan(postageFen),
            "country": "中国",
            "province": .string(recipient.province),
            "city": .string(recipient.city),
            "town": .string(recipient.district),
            "receiver_name": .string(exposesReceiver ? Self.cipher(recipient.name, tag: "n") : ""),
            "receiver_phone": .string(exposesReceiver ? Self.cipher(recipient.phone, tag: "p") : ""),
            "receiver_address": .string(exposesReceiver ? Self.cipher(recipient.detail, tag: "a") : ""),
            "address": .string(exposesReceiver ? Self.cipher(recipient.detail, tag: "a") : ""),
            "receiver_name_mask": .string(recipient.maskedName),
            "receiver_phone_mask": .string(recipient.maskedPhone),
            "receiver_address_mask": .string(recipient.province + recipient.city + recipient.district + recipient.maskedDetail),
            "buyer_memo": "",
            "remark": "",
            "item_list": .array(items.map(Self.wire)),
        ]
        if let payTime {
            fields["pay_time"] = .string(BeijingTime.format(payTime))
            fields["pay_type"] = .string(payType)
            fields["pay_no"] = .string(payNo ?? "")
        }
        if let confirmTime {
            fields["confirm_time"] = .string(BeijingTime.format(confirmTime))
            fields["last_ship_time"] = .string(BeijingTime.format(confirmTime + 48 * 3600))
        }
        if let shippingTime { fields["shipping_time"] = .string(BeijingTime.format(shippingTime)) }
        if let receiveTime { fields["receive_time"] = .string(BeijingTime.format(receiveTime)) }
        if let parcel = shipments.first {
            fields["tracking_number"] = .string(parcel.trackingNo)
            fields["logistics_id"] = .id(parcel.courierCode)
        }
        return .object(fields)
    }

    private static func wire(_ item: PinduoduoItem) -> JSONValue {
        [
            "goods_id": .id(item.goodsId),
            "sku_id": .id(item.skuId),
            "outer_id": .string(item.outerId),
            "outer_goods_id": "",
            "goods_name": .string(item.goodsName),
            "goods_spec": .string(item.goodsName),
            "goods_count": .int(item.goodsCount),
            "goods_price": yuan(item.goodsPriceFen),
            "goods_img": "",
        ]
    }

    /// A stand-in for Pinduoduo's receiver ciphertext, in its `~…~` shape (not real encryption: the
    /// gateway stores it as received).
    static func cipher(_ plain: String, tag: String) -> String {
        "~" + Data((tag + ":" + plain).utf8).base64EncodedString() + "~" + String(plain.utf8.count % 10) + "~"
    }

    /// A yuan JSON number from fen, exact.
    static func yuan(_ fen: Int64) -> JSONValue { .number(YuanText.javaDouble(fen)) }
}

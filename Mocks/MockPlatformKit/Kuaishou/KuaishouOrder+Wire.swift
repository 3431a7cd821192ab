extension KuaishouOrder {
    /// The order as `open.order.cursor.list` and `open.order.detail` return it (platforms.md §2.2):
    ///
    /// ```
    /// {"orderBaseInfo":{"oid":<number>,"status":30,"createTime":ms,"updateTime":ms,"payTime":ms,"sendTime":ms,
    ///                   "recvTime":ms,"totalFee":fen,"expressFee":fen,"discountFee":fen,"buyerOpenId":…,
    ///                   "buyerNick":…,"sellerOpenId":…,"sellerId":<number>,"payType":1,"remark":"","carrierId":…},
    ///  "orderItemInfo":{…first line…}, "orderItemInfoList":[{…every line…}],
    ///  "orderRefundList":[{"refundId":<number>,"refundStatus":10,"skuId":<number>,"itemId":<number>,"refundFee":fen}],
    ///  "orderAddress":{"encryptedConsignee","encryptedMobile","encryptedAddress","desensitiseConsignee",
    ///                  "desensitiseMobile","desensitiseAddress","province","city","district"},
    ///  "orderLogisticsInfo":[{"expressNo","expressCode":<int>,"logisticsId":<number>,"deliveryNum":units,
    ///                         "deliveryGoodsInfoList":[{"skuId":<number>,"deliveryNum":units}]}]}
    /// ```
    ///
    /// **[U]** Kuaishou's `orderItemInfo` is a single object; the mock keeps multi-line orders expressible by
    /// also sending `orderItemInfoList`. `carrierId` (the live room) is the mock's choice of field name.
    func wire(sellerId: String, sellerOpenId: String) -> JSONValue {
        var base: [String: JSONValue] = [
            "oid": .number(oid),
            "status": .int(status),
            "createTime": .int(createTime),
            "updateTime": .int(updateTime),
            "payTime": .int(payTime),
            "sendTime": .int(sendTime),
            "recvTime": .int(recvTime),
            "totalFee": .int(totalFee),
            "expressFee": .int(expressFee),
            "discountFee": .int(discountFee),
            "buyerOpenId": .string(buyerOpenId),
            "buyerNick": .string(recipient.maskedName),
            "sellerOpenId": .string(sellerOpenId),
            "sellerId": .id(sellerId),
            "payType": .int(payType),
            "remark": "",
        ]
        if let roomId { base["carrierId"] = .id(roomId) }
        var wire: [String: JSONValue] = [
            "orderBaseInfo": .object(base),
            "orderItemInfoList": .array(items.map(Self.itemWire)),
            "orderRefundList": .array(
                items.compactMap { item -> JSONValue? in
                    guard let refundId = item.refundId else { return nil }
                    return [
                        "refundId": .id(refundId),
                        "refundStatus": .int(item.refundStatus),
                        "skuId": .id(item.skuId),
                        "itemId": .id(item.itemId),
                        "refundFee": .int(item.payFee),
                    ]
                }
            ),
            "orderAddress": [
                "encryptedConsignee": .string(MockRecipient.sealed(recipient.name, tag: "ks")),
                "encryptedMobile": .string(MockRecipient.sealed(recipient.phone, tag: "ks")),
                "encryptedAddress": .string(MockRecipient.sealed(recipient.detail, tag: "ks")),
                "desensitiseConsignee": .string(recipient.maskedName),
                "desensitiseMobile": .string(recipient.maskedPhone),
                "desensitiseAddress": .string(recipient.maskedDetail),
                "province": .string(recipient.province),
                "city": .string(recipient.city),
                "district": .string(recipient.district),
            ],
            "orderLogisticsInfo": .array(
                shipments.map { parcel in
                    [
                        "expressNo": .string(parcel.trackingNo),
                        "expressCode": .id(parcel.courierCode),
                        "logisticsId": .id(parcel.packageId),
                        "deliveryNum": .int(parcel.lines.reduce(0) { $0 + $1.quantity }),
                        "deliveryGoodsInfoList": .array(parcel.lines.map { ["skuId": .id($0.lineId), "deliveryNum": .int($0.quantity)] }),
                    ]
                }
            ),
        ]
        if let first = items.first { wire["orderItemInfo"] = Self.itemWire(first) }
        return .object(wire)
    }

    private static func itemWire(_ item: KuaishouOrderItem) -> JSONValue {
        [
            "itemId": .id(item.itemId),
            "skuId": .id(item.skuId),
            "relSkuId": .string(item.skuNick),
            "skuNick": .string(item.skuNick),
            "itemTitle": .string(item.title),
            "skuDesc": .string(item.title),
            "num": .int(item.num),
            "price": .int(item.price),
            "originalPrice": .int(item.price),
            "discountFee": 0,
            "refundStatus": .int(item.refundStatus),
        ]
    }
}

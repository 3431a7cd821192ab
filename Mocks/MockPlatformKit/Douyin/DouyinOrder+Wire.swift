extension DouyinOrder {
    /// The order in the shape of `/order/orderDetail` `data.shop_order_detail` and of one element of
    /// `/order/searchList` `data.shop_order_list` (platforms.md §1.2).
    ///
    /// Types follow Douyin: `order_id` and child `order_id` are strings; `shop_id`, `product_id`,
    /// `sku_id`, `room_id` and `author_id` are JSON numbers (with `product_id_str` / `room_id_str`
    /// strings beside them); times are Unix seconds; money is fen. Plain buyer fields are empty and the
    /// `encrypt_*` / `mask_*` fields are filled, as for an ordinary app.
    func wire(shopId: String, shopName: String, includeUserInfo: Bool) -> JSONValue {
        let promotion: Int64 = 0
        var order: [String: JSONValue] = [
            "shop_id": .id(shopId),
            "shop_name": .string(shopName),
            "open_id": "",
            "doudian_open_id": .string(DouyinReceiver.cipher("buyer-" + receiver.phone)),
            "order_id": .string(orderId),
            "order_level": 2,
            "buyer_words": "",
            "seller_words": "",
            "b_type": 2,
            "b_type_desc": "抖音",
            "sub_b_type": 1,
            "sub_b_type_desc": "app内-原生",
            "c_biz": 8,
            "c_biz_desc": "小店自卖",
            "app_id": 0,
            "pay_type": .int(payType),
            "channel_payment_no": .string(payTime > 0 ? "MOCKPAY" + orderId : ""),
            "order_amount": .int(orderAmount),
            "pay_amount": .int(payAmount),
            "post_amount": .int(postAmount),
            "post_insurance_amount": 0,
            "modify_amount": .int(modifyAmount),
            "modify_post_amount": 0,
            "promotion_amount": .int(promotion),
            "promotion_shop_amount": 0,
            "promotion_platform_amount": 0,
            "promotion_talent_amount": 0,
            "promotion_pay_amount": 0,
            "shop_cost_amount": 0,
            "platform_cost_amount": 0,
            "total_promotion_amount": 0,
            "post_origin_amount": .int(postAmount),
            "post_promotion_amount": 0,
            "tax_amount": 0,
            "post_tel": "",
            "encrypt_post_tel": .string(DouyinReceiver.cipher(receiver.phone)),
            "post_receiver": "",
            "encrypt_post_receiver": .string(DouyinReceiver.cipher(receiver.name)),
            "mask_post_receiver": .string(receiver.maskedName),
            "mask_post_tel": .string(receiver.maskedPhone),
            "post_addr": address(masked: false),
            "mask_post_addr": address(masked: true),
            "exp_ship_time": .int(payTime > 0 ? payTime + 48 * 3600 : 0),
            "ship_time": .int(shipTime),
            "logistics_info": logistics,
            "sku_order_list": .array(lines.map { line(for: $0, shopId: shopId) }),
            "seller_remark_stars": 0,
            "order_phase_list": [],
            "author_id": .id(authorId ?? "0"),
            "author_name": .string(authorId == nil ? "" : "县长直播间"),
            "room_id": .id(roomId ?? "0"),
            "room_id_str": .string(roomId ?? "0"),
        ]
        order.merge(statusFields) { mine, _ in mine }
        if includeUserInfo {
            order["user_id_info"] = ["id_card_no": "", "encrypt_id_card_no": "", "id_card_name": "", "encrypt_id_card_name": ""]
        }
        return .object(order)
    }

    private func address(masked: Bool) -> JSONValue {
        var fields: [String: JSONValue] = [
            "province": ["name": .string(receiver.province), "id": "43"],
            "city": ["name": .string(receiver.city), "id": "4301"],
            "town": ["name": .string(receiver.town), "id": "430102"],
            "street": ["name": .string(receiver.street), "id": "430102001"],
            "detail": .string(masked ? receiver.maskedDetail : ""),
        ]
        if !masked { fields["encrypt_detail"] = .string(DouyinReceiver.cipher(receiver.detail)) }
        return .object(fields)
    }

    /// One `logistics_info` entry per parcel, with the parcel's sku orders and units.
    private var logistics: JSONValue {
        .array(
            shipments.map { parcel in
                [
                    "tracking_no": .string(parcel.trackingNo),
                    "company": .string(parcel.courierCode),
                    "company_name": .string(DouyinShopMock.couriers.first { $0.code == parcel.courierCode }?.name ?? parcel.courierCode),
                    "ship_time": .int(parcel.shippedAt),
                    "delivery_id": .string(parcel.packageId),
                    "product_info": .array(
                        parcel.lines.compactMap { shipped -> JSONValue? in
                            guard let sku = lines.first(where: { $0.orderId == shipped.lineId }) else { return nil }
                            return [
                                "product_name": .string(sku.title),
                                "price": .int(sku.unitPriceFen),
                                "outer_sku_id": .string(sku.outSkuId),
                                "sku_id": .id(sku.skuId),
                                "product_id": .id(sku.productId),
                                "product_id_str": .string(sku.productId),
                                "product_count": .int(shipped.quantity),
                                "sku_order_id": .string(sku.orderId),
                            ]
                        }
                    ),
                ]
            }
        )
    }

    /// The type, status and time fields the shop order and each sku order carry alike.
    private var statusFields: [String: JSONValue] {
        [
            "biz": 2,
            "biz_desc": "小店",
            "order_type": 0,
            "order_type_desc": "普通订单",
            "trade_type": 0,
            "trade_type_desc": "普通",
            "order_status": .int(status),
            "order_status_desc": .string(Self.statusDescription(status)),
            "main_status": .int(status),
            "main_status_desc": .string(Self.statusDescription(status)),
            "pay_time": .int(payTime),
            "order_expire_time": .int(createTime + 1800),
            "finish_time": .int(finishTime),
            "create_time": .int(createTime),
            "update_time": .int(updateTime),
            "cancel_reason": .string(cancelReason),
        ]
    }

    private func line(for sku: DouyinSkuOrder, shopId: String) -> JSONValue {
        let fields: [String: JSONValue] = [
            "order_id": .string(sku.orderId),
            "parent_order_id": .string(orderId),
            "order_level": 3,
            "b_type": 2,
            "b_type_desc": "抖音",
            "c_biz": 8,
            "c_biz_desc": "小店自卖",
            "pay_type": .int(payType),
            "author_id": .id(authorId ?? "0"),
            "author_name": .string(authorId == nil ? "" : "县长直播间"),
            "room_id": .id(roomId ?? "0"),
            "room_id_str": .string(roomId ?? "0"),
            "theme_type": .string(roomId == nil ? "0" : "1"),
            "theme_type_desc": .string(roomId == nil ? "其他" : "直播间"),
            "goods_type": 0,
            "product_id": .id(sku.productId),
            "product_id_str": .string(sku.productId),
            "sku_id": .id(sku.skuId),
            "out_sku_id": .string(sku.outSkuId),
            "out_product_id": "",
            "code": .string(sku.outSkuId),
            "supplier_id": "",
            "product_name": .string(sku.title),
            "product_pic": "",
            "spec": [["name": "规格", "value": .string(sku.title)]],
            "item_num": .int(sku.quantity),
            "origin_amount": .int(sku.unitPriceFen),
            "sum_amount": .int(sku.sumAmount),
            "pay_amount": .int(sku.payAmount),
            "post_amount": .int(sku.postAmount),
            "promotion_amount": 0,
            "tax_amount": 0,
            "reduce_stock_type": 1,
            "reduce_stock_type_desc": "下单减库存",
            "pre_sale_type": 0,
            "receive_type": 1,
            "is_comment": 0,
            "inventory_list": [],
            "after_sale_info": [
                "after_sale_status": .int(sku.afterSaleStatus),
                "after_sale_type": .int(sku.afterSaleType),
                "refund_status": .int(sku.refundStatus),
            ],
        ]
        return .object(fields.merging(statusFields) { mine, _ in mine })
    }
}

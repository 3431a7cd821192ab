extension WechatChannelsOrder {
    /// The order as `/channels/ec/order/get` returns it in `order` (platforms.md §5.2):
    ///
    /// ```
    /// {"order_id":"3705…" (string),"openid":…,"unionid":"","status":20,"create_time":s,"update_time":s,
    ///  "order_detail":{
    ///    "product_infos":[{"product_id":"…","sku_id":"…","sku_code":…,"title":…,"thumb_img":…,"sku_cnt":2,
    ///                      "sale_price":fen,"market_price":fen,"real_price":fen,"on_aftersale_sku_cnt":0,
    ///                      "finish_aftersale_sku_cnt":0}],
    ///    "price_info":{"product_price":fen,"order_price":fen,"freight":fen,"discounted_price":0,
    ///                  "is_discounted":false,"change_down_price":0,"change_freight":0,"is_change_freight":false},
    ///    "pay_info":{"prepay_id":…,"transaction_id":…,"prepay_time":s,"pay_time":s,"payment_method":1},
    ///    "delivery_info":{"address_info":{"user_name","postal_code","province_name","city_name","county_name",
    ///                     "detail_info","national_code","tel_number"},"delivery_product_info":[…],
    ///                     "ship_done_time":s,"deliver_method":0},
    ///    "source_infos":[{"sku_id":…,"account_type":1,"account_id":…,"sale_channel":0,"live_id":…}],
    ///    "ext_info":{"customer_notes":"","merchant_notes":""}},
    ///  "aftersale_detail":{"on_aftersale_order_cnt":n,"aftersale_order_list":[{"aftersale_order_id":"…","status":…}]}}
    /// ```
    ///
    /// Ids (`order_id`, `product_id`, `sku_id`) are JSON **strings** here; the push carries `order_id` as a JSON
    /// **number** (**[U]** which form each place uses: a gateway must accept both, never through a `Double`).
    /// The address is masked, as the API returns it without `sensitiveinfo/decode`. `source_infos` is **[U]**.
    func wire() -> JSONValue {
        let products: [JSONValue] = products.map { product in
            [
                "product_id": .string(product.productId),
                "sku_id": .string(product.skuId),
                "sku_code": .string(product.skuCode),
                "title": .string(product.title),
                "thumb_img": .string("https://mock.invalid/img/\(product.skuId).jpg"),
                "sku_cnt": .int(product.count),
                "sale_price": .int(product.salePrice),
                "market_price": .int(product.salePrice),
                "real_price": .int(product.realPrice),
                "on_aftersale_sku_cnt": .int(product.refundState == "requested" ? product.count : 0),
                "finish_aftersale_sku_cnt": .int(product.refundState == "refunded" ? product.count : 0),
            ]
        }
        var delivery: [String: JSONValue] = [
            "address_info": [
                "user_name": .string(recipient.maskedName),
                "postal_code": "410000",
                "province_name": .string(recipient.province),
                "city_name": .string(recipient.city),
                "county_name": .string(recipient.district),
                "detail_info": .string(recipient.maskedDetail),
                "national_code": "430102",
                "tel_number": .string(recipient.maskedPhone),
            ],
            "deliver_method": 0,
            "ship_done_time": .int(deliveryTime),
            "delivery_product_info": [],
        ]
        delivery["delivery_product_info"] = .array(
            shipments.map { parcel in
                [
                    "waybill_id": .string(parcel.trackingNo),
                    "delivery_id": .string(parcel.courierCode),
                    "delivery_name": .string(WechatChannelsShopMock.couriers.first { $0.id == parcel.courierCode }?.name ?? parcel.courierCode),
                    "delivery_time": .int(parcel.shippedAt),
                    "deliver_type": 1,
                    "product_infos": .array(
                        parcel.lines.map { shipped in
                            let productId = self.products.first { $0.skuId == shipped.lineId }?.productId ?? ""
                            return ["product_id": .string(productId), "sku_id": .string(shipped.lineId), "product_cnt": .int(shipped.quantity)]
                        }
                    ),
                ]
            }
        )
        var detail: [String: JSONValue] = [
            "product_infos": .array(products),
            "price_info": [
                "product_price": .int(productPrice),
                "order_price": .int(orderPrice),
                "freight": .int(freight),
                "discounted_price": .int(productPrice - (orderPrice - freight)),
                "is_discounted": .bool(productPrice != orderPrice - freight),
                "change_down_price": 0,
                "change_freight": 0,
                "is_change_freight": false,
            ],
            "delivery_info": .object(delivery),
            "ext_info": ["customer_notes": "", "merchant_notes": ""],
        ]
        if payTime > 0 {
            detail["pay_info"] = [
                "prepay_id": .string("wx" + orderId),
                "transaction_id": .string(transactionId ?? ""),
                "prepay_time": .int(createTime),
                "pay_time": .int(payTime),
                "payment_method": 1,
            ]
        }
        if roomId != nil || authorId != nil {
            detail["source_infos"] = .array(
                self.products.map {
                    [
                        "sku_id": .string($0.skuId),
                        "account_type": 1,
                        "account_id": .string(authorId ?? ""),
                        "sale_channel": 0,
                        "live_id": .string(roomId ?? ""),
                    ]
                }
            )
        }
        let afterSales = self.products.compactMap { product -> JSONValue? in
            guard let id = product.afterSaleOrderId else { return nil }
            return ["aftersale_order_id": .string(id), "status": .string(product.afterSaleStatus)]
        }
        return [
            "order_id": .string(orderId),
            "openid": .string(openId),
            "unionid": "",
            "status": .int(status),
            "create_time": .int(createTime),
            "update_time": .int(updateTime),
            "order_detail": .object(detail),
            "aftersale_detail": [
                "on_aftersale_order_cnt": .int(self.products.filter { $0.refundState == "requested" }.count),
                "aftersale_order_list": .array(afterSales),
            ],
        ]
    }
}

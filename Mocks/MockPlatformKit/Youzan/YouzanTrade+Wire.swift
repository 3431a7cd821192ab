extension YouzanTrade {
    /// The whole trade as the push's `msg` carries it (**[U]**: platforms.md does not say whether Youzan's trade
    /// messages carry the order; the mock sends it in full because it serves no Youzan poll API, so the push is
    /// the gateway's only source):
    ///
    /// ```
    /// {"full_order_info":{
    ///   "order_info":{"tid":"E…","status":"WAIT_SELLER_SEND_GOODS","created":"2025-01-01 12:00:00",
    ///                 "update_time":"…","pay_time":"…","consign_time":"…","success_time":"…","type":0},
    ///   "pay_info":{"payment":"87.80","total_fee":"87.80","post_fee":"8.00"},
    ///   "buyer_info":{"buyer_id":"…","fans_nickname":"张*"},
    ///   "address_info":{"receiver_name":"张*","receiver_tel":"138****5678","delivery_province":"湖南省",
    ///                   "delivery_city":"长沙市","delivery_district":"芙蓉区","delivery_address":"解放路***"},
    ///   "source_info":{"live_room_id":"…","streamer_id":"…"},
    ///   "orders":[{"oid":"…","item_id":"…","sku_id":"…","outer_sku_id":"BJPG-5KG","title":"…","num":2,
    ///              "price":"39.90","payment":"79.80","total_fee":"79.80","refund_state":0,"refund_id":"…"}],
    ///   "delivery_info":{"express_no":"…","express_company":"SF"}}}
    /// ```
    ///
    /// Money is yuan text with two decimals, times Beijing `yyyy-MM-dd HH:mm:ss` (empty when not happened).
    func fullOrderInfo() -> JSONValue {
        func time(_ seconds: Int64) -> JSONValue { .string(seconds > 0 ? BeijingTime.format(seconds) : "") }
        var info: [String: JSONValue] = [
            "order_info": [
                "tid": .string(tid),
                "status": .string(status),
                "created": time(created),
                "update_time": time(updated),
                "pay_time": time(payTime),
                "consign_time": time(consignTime),
                "success_time": time(successTime),
                "type": 0,
            ],
            "pay_info": [
                "payment": .string(YuanText.twoDecimals(paymentFen)),
                "total_fee": .string(YuanText.twoDecimals(paymentFen)),
                "post_fee": .string(YuanText.twoDecimals(postFen)),
            ],
            "buyer_info": ["buyer_id": .string(buyerId), "fans_nickname": .string(recipient.maskedName)],
            "address_info": [
                "receiver_name": .string(recipient.maskedName),
                "receiver_tel": .string(recipient.maskedPhone),
                "delivery_province": .string(recipient.province),
                "delivery_city": .string(recipient.city),
                "delivery_district": .string(recipient.district),
                "delivery_address": .string(recipient.maskedDetail),
            ],
            "orders": .array(
                lines.map { line in
                    [
                        "oid": .string(line.oid),
                        "item_id": .string(line.itemId),
                        "sku_id": .string(line.skuId),
                        "outer_sku_id": .string(line.outerSkuId),
                        "title": .string(line.title),
                        "num": .int(line.num),
                        "price": .string(YuanText.twoDecimals(line.priceFen)),
                        "payment": .string(YuanText.twoDecimals(line.paymentFen)),
                        "total_fee": .string(YuanText.twoDecimals(line.priceFen * Int64(line.num))),
                        "refund_state": .int(line.refundState),
                        "refund_id": .string(line.refundId ?? ""),
                    ]
                }
            ),
        ]
        if roomId != nil || authorId != nil {
            info["source_info"] = ["live_room_id": .string(roomId ?? ""), "streamer_id": .string(authorId ?? "")]
        }
        if let last = shipments.last {
            info["delivery_info"] = [
                "express_no": .string(last.trackingNo),
                "express_company": .string(YouzanShopMock.couriers.first { String($0.id) == last.courierCode }?.name ?? last.courierCode),
                "out_stype": .string(last.courierCode),
                "dist_orders": .array(
                    shipments.map { parcel in
                        [
                            "dist_id": .string(parcel.packageId),
                            "express_no": .string(parcel.trackingNo),
                            "out_stype": .string(parcel.courierCode),
                            "oids": .array(parcel.lines.map { .string($0.lineId) }),
                        ]
                    }
                ),
            ]
        }
        return ["full_order_info": .object(info)]
    }
}

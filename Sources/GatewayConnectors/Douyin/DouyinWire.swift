/// Douyin wire formats (platforms.md §1), decoded field by field. Ids are ``FlexibleString`` so
/// that 19-digit numbers survive; money is fen and times are Unix seconds.

/// One element of a push body array: `{tag, msg_id, data}` where `data` is itself JSON text.
struct DouyinPushMessage: Codable, Sendable {
    var tag: FlexibleString
    var msg_id: FlexibleString
    var data: String
}

/// The fields of a push message's `data` the gateway reads (order tags 100–126, after-sale 200–227).
struct DouyinPushData: Codable, Sendable {
    var p_id: FlexibleString?
    var s_ids: [FlexibleString]?
    var s_id: FlexibleString?
    var shop_id: FlexibleString?
    var order_status: FlexibleInt?
    var update_time: FlexibleInt?
    var create_time: FlexibleInt?
    var pay_time: FlexibleInt?
    var complete_time: FlexibleInt?
    var cancel_time: FlexibleInt?
    var modify_time: FlexibleInt?
    var apply_time: FlexibleInt?
    var success_time: FlexibleInt?
    var close_time: FlexibleInt?
    var aftersale_id: FlexibleString?
    var aftersale_status: FlexibleInt?
    var refund_amount: FlexibleInt?

    /// The best event time the message carries, in Unix seconds.
    var eventTime: Int64? {
        [update_time, modify_time, success_time, close_time, cancel_time, complete_time, apply_time, pay_time, create_time]
            .lazy.compactMap { $0?.value }.first { $0 > 0 }
    }
}

/// The common envelope of every Douyin API response.
struct DouyinEnvelope<Payload: Decodable & Sendable>: Decodable, Sendable {
    var code: FlexibleInt
    var msg: String?
    var sub_code: String?
    var sub_msg: String?
    var log_id: String?
    var data: Payload?
}

/// `token.create` / `token.refresh` data.
struct DouyinTokenData: Codable, Sendable {
    var access_token: String
    var expires_in: FlexibleInt
    var refresh_token: String?
}

/// `order.orderDetail` data.
struct DouyinOrderDetailData: Codable, Sendable {
    var shop_order_detail: DouyinShopOrder
}

/// `order.searchList` data, without its list: `shop_order_list` is read row by row as raw JSON
/// (``PollPage``), so that one bad row cannot fail the page.
struct DouyinSearchListData: Codable, Sendable {
    var page: FlexibleInt?
    var size: FlexibleInt?
    var total: FlexibleInt
}

/// A region name in a Douyin address (`{"id": "...", "name": "..."}`).
struct DouyinRegion: Codable, Sendable {
    var id: FlexibleString?
    var name: String?
}

/// A Douyin address.
struct DouyinAddress: Codable, Sendable {
    var province: DouyinRegion?
    var city: DouyinRegion?
    var town: DouyinRegion?
    var detail: String?
    var encrypt_detail: String?
}

/// After-sale state of a sku order.
struct DouyinAfterSaleInfo: Codable, Sendable {
    var after_sale_status: FlexibleInt?
    var refund_status: FlexibleInt?
}

/// A sku (child) order.
struct DouyinSkuOrder: Codable, Sendable {
    var order_id: FlexibleString
    var parent_order_id: FlexibleString?
    var product_id: FlexibleString?
    var sku_id: FlexibleString?
    var out_sku_id: FlexibleString?
    var product_name: String?
    var item_num: FlexibleInt?
    var origin_amount: FlexibleInt?
    var pay_amount: FlexibleInt?
    var order_status: FlexibleInt?
    var after_sale_info: DouyinAfterSaleInfo?
    var room_id: FlexibleString?
    var author_id: FlexibleString?
}

/// A shop (parent) order, as `orderDetail` and `searchList` return it.
struct DouyinShopOrder: Codable, Sendable {
    var order_id: FlexibleString
    var order_status: FlexibleInt
    var order_status_desc: String?
    var create_time: FlexibleInt?
    var update_time: FlexibleInt?
    var pay_time: FlexibleInt?
    var finish_time: FlexibleInt?
    var order_amount: FlexibleInt?
    var pay_amount: FlexibleInt?
    var post_amount: FlexibleInt?
    var promotion_amount: FlexibleInt?
    var room_id: FlexibleString?
    var author_id: FlexibleString?
    var post_receiver: String?
    var post_tel: String?
    var mask_post_receiver: String?
    var mask_post_tel: String?
    var post_addr: DouyinAddress?
    var mask_post_addr: DouyinAddress?
    var encrypt_post_receiver: String?
    var encrypt_post_tel: String?
    var sku_order_list: [DouyinSkuOrder]?
}

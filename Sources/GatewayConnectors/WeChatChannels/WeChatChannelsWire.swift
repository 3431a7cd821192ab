/// WeChat Channels shop wire formats (platforms.md §5). Order ids are 19-digit uint64 values, sent as
/// strings or numbers, so they are ``FlexibleString``; money is integer fen; times are Unix seconds.

/// The encrypted push envelope: `{"ToUserName":"gh_…","Encrypt":"<base64>"}`.
struct WeChatEncryptedEnvelope: Codable, Sendable {
    var ToUserName: String?
    var Encrypt: String?
}

/// A decrypted event.
///
/// ```json
/// {"ToUserName":"gh_abc","FromUserName":"o-buyer","CreateTime":1764400000,"MsgType":"event",
///  "Event":"channels_ec_order_pay","order_info":{"order_id":3705115058471208928,"pay_time":1764400000}}
/// ```
struct WeChatChannelsEvent: Codable, Sendable {
    var ToUserName: String?
    var FromUserName: String?
    var CreateTime: FlexibleInt?
    var MsgType: String?
    var Event: String?
    var order_info: WeChatEventOrderInfo?
    var finder_shop_aftersale_status_update: WeChatEventAftersale?
}

/// `order_info` of an order event.
struct WeChatEventOrderInfo: Codable, Sendable {
    var order_id: FlexibleString?
    var pay_time: FlexibleInt?
    var cancel_type: FlexibleInt?
    var finish_delivery: FlexibleInt?
    var confirm_type: FlexibleInt?
    var settle_time: FlexibleInt?
    var type: FlexibleInt?
}

/// The after-sale part of `channels_ec_aftersale_update`.
struct WeChatEventAftersale: Codable, Sendable {
    var order_id: FlexibleString?
    var after_sale_order_id: FlexibleString?
    var status: String?
}

/// `GET /cgi-bin/token` answer (or an error with `errcode`).
struct WeChatTokenResponse: Codable, Sendable {
    var access_token: String?
    var expires_in: FlexibleInt?
    var errcode: FlexibleInt?
    var errmsg: String?
}

/// The error fields every WeChat API answer carries.
struct WeChatErrorFields: Codable, Sendable {
    var errcode: FlexibleInt?
    var errmsg: String?
}

/// `POST /channels/ec/order/list/get` answer, without its list: `order_id_list` is read row by row as raw
/// JSON (``PollPage``), so that one bad row cannot fail the page.
struct WeChatOrderListResponse: Codable, Sendable {
    var errcode: FlexibleInt?
    var errmsg: String?
    var next_key: String?
    var has_more: FlexibleBool?
}

/// The payload of a poll delivery for an order the list named but whose `order/get` failed during the poll:
/// `{"listed_order_id":"…","update_time_range":{"start_time":s,"end_time":s},"detail_error":"…"}`.
///
/// The gateway writes it (the platform never sends it); its observation asks for the order's detail, which the
/// inbox processor fetches with back-off. `listed_order_id` — never a key of an order — tells it from an order.
struct WeChatListedOrder: Codable, Sendable {
    /// The id as the list gave it.
    var listed_order_id: FlexibleString
    /// The window the list was asked for.
    var update_time_range: WeChatTimeRange
    /// Why the detail could not be fetched while polling, for staff.
    var detail_error: String?
}

/// An `update_time_range`, in Unix seconds.
struct WeChatTimeRange: Codable, Sendable {
    var start_time: FlexibleInt
    var end_time: FlexibleInt
}

/// `POST /channels/ec/order/get` answer.
struct WeChatOrderGetResponse: Codable, Sendable {
    var errcode: FlexibleInt?
    var errmsg: String?
    var order: WeChatOrder?
}

/// An order as `/channels/ec/order/get` returns it.
struct WeChatOrder: Codable, Sendable {
    var order_id: FlexibleString
    var status: FlexibleInt
    var create_time: FlexibleInt?
    var update_time: FlexibleInt?
    var openid: String?
    var unionid: String?
    var order_detail: WeChatOrderDetail?
    var aftersale_detail: WeChatAftersaleDetail?
}

/// `order_detail`.
struct WeChatOrderDetail: Codable, Sendable {
    var product_infos: [WeChatProductInfo]?
    var price_info: WeChatPriceInfo?
    var pay_info: WeChatPayInfo?
    var delivery_info: WeChatDeliveryInfo?
    var source_infos: [WeChatSourceInfo]?
}

/// One line of `product_infos`.
struct WeChatProductInfo: Codable, Sendable {
    var product_id: FlexibleString?
    var sku_id: FlexibleString?
    var out_product_id: FlexibleString?
    var out_sku_id: FlexibleString?
    var sku_code: String?
    var title: String?
    var sku_cnt: FlexibleInt?
    var sale_price: FlexibleInt?
    var market_price: FlexibleInt?
    var real_price: FlexibleInt?
    var on_aftersale_sku_cnt: FlexibleInt?
    var finish_aftersale_sku_cnt: FlexibleInt?
}

/// `price_info` (fen).
struct WeChatPriceInfo: Codable, Sendable {
    var product_price: FlexibleInt?
    var order_price: FlexibleInt?
    var freight: FlexibleInt?
    var discounted_price: FlexibleInt?
}

/// `pay_info`.
struct WeChatPayInfo: Codable, Sendable {
    var pay_time: FlexibleInt?
    var transaction_id: String?
}

/// `delivery_info`.
struct WeChatDeliveryInfo: Codable, Sendable {
    var address_info: WeChatAddressInfo?
}

/// `delivery_info.address_info` (masked or plain; plain values are sealed at rest and shown masked).
struct WeChatAddressInfo: Codable, Sendable {
    var user_name: String?
    var tel_number: String?
    var detail_info: String?
    var province_name: String?
    var city_name: String?
    var county_name: String?
}

/// One entry of `source_infos` (sku-level sale attribution).
struct WeChatSourceInfo: Codable, Sendable {
    var sku_id: FlexibleString?
    var account_type: FlexibleInt?
    var account_id: FlexibleString?
    var sale_channel: FlexibleInt?
    var content_type: FlexibleString?
    var content_id: FlexibleString?
}

/// `aftersale_detail`.
struct WeChatAftersaleDetail: Codable, Sendable {
    var on_aftersale_order_cnt: FlexibleInt?
}

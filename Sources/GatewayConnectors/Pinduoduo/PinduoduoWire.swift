/// Pinduoduo wire formats (platforms.md §3.1). Ids are strings, money is ``YuanAmount`` (yuan read
/// exactly from the JSON text), times are kept as sent (Beijing `yyyy-MM-dd HH:mm:ss` text, or Unix
/// seconds — both accepted, [U]) and parsed by ``PinduoduoMapping``. Every field but `order_sn` is
/// optional so that a thin list row still decodes.

/// `error_response` of any `/api/router` call:
/// `{"error_response":{"error_code":…,"error_msg":"…","sub_code":"…","sub_msg":"…","request_id":"…"}}`.
struct PinduoduoErrorBody: Codable, Sendable {
    var error_code: FlexibleString?
    var error_msg: String?
    var sub_code: FlexibleString?
    var sub_msg: String?
    var request_id: FlexibleString?
}

/// `order_sn_increment_get_response` of `pdd.order.number.list.increment.get`, without its list:
/// `order_sn_list` is read row by row as raw JSON (``PollPage``), so that one bad row cannot fail the page.
struct PinduoduoIncrementPage: Codable, Sendable {
    var total_count: FlexibleInt?
    var has_next: FlexibleBool?
}

/// `order_info_get_response` of `pdd.order.information.get`.
struct PinduoduoOrderInfo: Codable, Sendable {
    var order_info: PinduoduoOrder
}

/// `goods_quantity_update_response` of `pdd.goods.quantity.update`.
struct PinduoduoQuantityUpdateResult: Codable, Sendable {
    var is_success: FlexibleBool?
}

/// One element of an order's `item_list`.
struct PinduoduoItem: Codable, Sendable {
    var goods_id: FlexibleString?
    var sku_id: FlexibleString?
    var outer_id: FlexibleString?
    var outer_goods_id: FlexibleString?
    var goods_name: String?
    var goods_spec: String?
    var goods_count: FlexibleInt?
    var goods_price: YuanAmount?
}

/// An order, as the increment list and `order_info` carry it.
struct PinduoduoOrder: Codable, Sendable {
    var order_sn: FlexibleString
    var order_status: FlexibleInt?
    var refund_status: FlexibleInt?
    var after_sales_status: FlexibleInt?
    var confirm_status: FlexibleInt?
    var group_status: FlexibleInt?
    var risk_control_status: FlexibleInt?
    var trade_type: FlexibleInt?
    var created_time: FlexibleString?
    var confirm_time: FlexibleString?
    var pay_time: FlexibleString?
    var shipping_time: FlexibleString?
    var receive_time: FlexibleString?
    var updated_at: FlexibleString?
    var last_ship_time: FlexibleString?
    var pay_amount: YuanAmount?
    var goods_amount: YuanAmount?
    var discount_amount: YuanAmount?
    var platform_discount: YuanAmount?
    var seller_discount: YuanAmount?
    var postage: YuanAmount?
    var pay_type: String?
    var pay_no: FlexibleString?
    var tracking_number: FlexibleString?
    var logistics_id: FlexibleString?
    var province: String?
    var city: String?
    var town: String?
    var receiver_name: String?
    var receiver_phone: String?
    var receiver_address: String?
    var receiver_name_mask: String?
    var receiver_phone_mask: String?
    var item_list: [PinduoduoItem]?
}

/// `logistics_online_send_response` of `pdd.logistics.online.send` (`shipping.md` §8b.3).
struct PinduoduoLogisticsSendResult: Codable, Sendable {
    var is_success: FlexibleBool?
}

/// Taobao TOP wire formats (platforms.md §4.1), JSON with `format=json` (not `simplify`).
///
/// Ids (`tid`, `oid`, `num_iid`, `sku_id`) are int64 on the wire, read as strings (``FlexibleString``;
/// `tid_str`/`oid_str` preferred when present, [U]); money is yuan strings like `"200.07"`
/// (``YuanAmount``, numbers accepted too); times are Beijing `yyyy-MM-dd HH:mm:ss` (with or without
/// milliseconds). Lists arrive wrapped the TOP way (`"trades": {"trade": [...]}`) or bare
/// (``TaobaoList``).

/// `error_response` of any `/router/rest` call:
/// `{"error_response":{"code":7,"msg":"App Call Limited","sub_code":"…","sub_msg":"…","request_id":"…"}}`.
struct TaobaoErrorBody: Codable, Sendable {
    var code: FlexibleString?
    var msg: String?
    var sub_code: FlexibleString?
    var sub_msg: String?
    var request_id: FlexibleString?
}

/// `trades_sold_increment_get_response` of `taobao.trades.sold.increment.get`, without its list: `trades`
/// is read row by row as raw JSON (``PollPage``), so that one bad row cannot fail the page.
struct TaobaoIncrementPage: Codable, Sendable {
    var total_results: FlexibleInt?
    var has_next: FlexibleBool?
}

/// `trade_fullinfo_get_response` of `taobao.trade.fullinfo.get`.
struct TaobaoFullInfo: Codable, Sendable {
    var trade: TaobaoTrade
}

/// `item_quantity_update_response` of `taobao.item.quantity.update`.
struct TaobaoQuantityUpdateResult: Codable, Sendable {
    var item: TaobaoUpdatedItem?
}

/// The item echoed by `taobao.item.quantity.update`.
struct TaobaoUpdatedItem: Codable, Sendable {
    var num_iid: FlexibleString?
    var num: FlexibleInt?
    var modified: String?
}

/// A list that TOP wraps in an object with one key (`{"trade": [...]}`, `{"order": [...]}`) or sends bare.
struct TaobaoList<Element: Codable & Sendable>: Codable, Sendable {
    var elements: [Element]

    init(_ elements: [Element]) { self.elements = elements }

    init(from decoder: any Decoder) throws {
        guard let container = try? decoder.container(keyedBy: RouterEnvelopeKey.self) else {
            elements = try decoder.singleValueContainer().decode([Element].self)
            return
        }
        guard let key = container.allKeys.first else {
            elements = []
            return
        }
        elements = try container.decode([Element].self, forKey: key)
    }

    /// Encodes as a bare array.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(elements)
    }
}

/// One order line (`order`) of a trade.
struct TaobaoOrder: Codable, Sendable {
    var oid: FlexibleString?
    var oid_str: FlexibleString?
    var num_iid: FlexibleString?
    var sku_id: FlexibleString?
    var outer_iid: FlexibleString?
    var outer_sku_id: FlexibleString?
    var title: String?
    var sku_properties_name: String?
    var num: FlexibleInt?
    var price: YuanAmount?
    var total_fee: YuanAmount?
    var payment: YuanAmount?
    var discount_fee: YuanAmount?
    var status: String?
    var refund_status: String?
    /// The line's ship time (TOP `consign_time` of an `order`), when sent.
    var consign_time: String?
}

/// A trade, as the increment list (partial fields) and `fullinfo` carry it.
struct TaobaoTrade: Codable, Sendable {
    var tid: FlexibleString
    var tid_str: FlexibleString?
    var status: String?
    var type: String?
    var created: String?
    var modified: String?
    var pay_time: String?
    var consign_time: String?
    var end_time: String?
    var payment: YuanAmount?
    var total_fee: YuanAmount?
    var post_fee: YuanAmount?
    var discount_fee: YuanAmount?
    var receiver_name: String?
    var receiver_mobile: String?
    var receiver_address: String?
    var receiver_state: String?
    var receiver_city: String?
    var receiver_district: String?
    var oaid: String?
    var orders: TaobaoList<TaobaoOrder>?
}

/// `logistics_offline_send_response` / `logistics_consign_resend_response`: `{shipping: {is_success}}`
/// (`shipping.md` §8b.4).
struct TaobaoShippingResult: Codable, Sendable {
    var shipping: TaobaoShipping?
}

/// TOP's `Shipping` answer.
struct TaobaoShipping: Codable, Sendable {
    var is_success: FlexibleBool?
}

/// Kuaishou wire formats (platforms.md §2), decoded field by field. Ids are ``FlexibleString`` so that
/// long ids survive; money is integer fen ([U] in platforms.md, taken as fen like the AndersonBY SDK's
/// `/100` helpers); times are Unix **milliseconds**.

/// One decrypted push message.
///
/// ```json
/// {"eventId":"267_2345_147402","bizId":2412345678901234,"userId":88001,"openId":"f1a…","appKey":"ks123",
///  "event":"kwaishop_order_paySuccess","info":"{\"oid\":2412345678901234,\"sellerId\":88001,\"status\":30,\"updateTime\":1764400000123}",
///  "createTime":1764400000456,"test":false}
/// ```
struct KuaishouPushMessage: Codable, Sendable {
    var eventId: FlexibleString?
    var msgId: FlexibleString?
    var bizId: FlexibleString?
    var userId: FlexibleString?
    var openId: String?
    var appKey: String?
    var event: String?
    var info: EmbeddedJSON<KuaishouPushInfo>?
    var createTime: FlexibleInt?
    var updateTime: FlexibleInt?
    var status: FlexibleInt?
    var test: Bool?
}

/// The business fields of a push's `info` (order events; after-sale events carry `oid` and `refundId`).
struct KuaishouPushInfo: Codable, Sendable {
    var oid: FlexibleString?
    var refundId: FlexibleString?
    var sellerId: FlexibleString?
    var status: FlexibleInt?
    var createTime: FlexibleInt?
    var updateTime: FlexibleInt?
    var totalFee: FlexibleInt?
    var expressFee: FlexibleInt?
}

/// The common envelope of every Kuaishou API response: `result` 1 is success.
struct KuaishouEnvelope<Payload: Decodable & Sendable>: Decodable, Sendable {
    var result: FlexibleInt?
    var data: Payload?
    var code: FlexibleString?
    var msg: String?
    var subCode: FlexibleString?
    var subMsg: String?
    var error_msg: String?
    var errorMsg: String?
}

/// `open.order.cursor.list` data, without its list: `orderList` is read row by row as raw JSON
/// (``PollPage``), so that one bad row cannot fail the page.
struct KuaishouCursorListData: Codable, Sendable {
    var cursor: String?
    var pageSize: FlexibleInt?
    var beginTime: FlexibleInt?
    var endTime: FlexibleInt?
}

/// An order as `open.order.cursor.list` lists it and `open.order.detail` returns it.
struct KuaishouOrder: Codable, Sendable {
    var orderBaseInfo: KuaishouOrderBaseInfo
    var orderItemInfo: JSONOneOrMany<KuaishouOrderItemInfo>?
    /// [U] Not in platforms.md: every line of a multi-line order, where a source sends them (Kuaishou itself
    /// sends one item per order in `orderItemInfo`).
    var orderItemInfoList: [KuaishouOrderItemInfo]?
    var orderRefundList: [KuaishouRefund]?
    var orderAddress: KuaishouOrderAddress?
}

/// `orderBaseInfo`.
struct KuaishouOrderBaseInfo: Codable, Sendable {
    var oid: FlexibleString
    var status: FlexibleInt
    var payTime: FlexibleInt?
    var createTime: FlexibleInt?
    var updateTime: FlexibleInt?
    var sendTime: FlexibleInt?
    var totalFee: FlexibleInt?
    var expressFee: FlexibleInt?
    var discountFee: FlexibleInt?
    var buyerOpenId: String?
    var sellerOpenId: String?
    var payType: FlexibleInt?
    var refundStatus: FlexibleInt?
}

/// `orderItemInfo` (one item per order on Kuaishou; a list is accepted too).
struct KuaishouOrderItemInfo: Codable, Sendable {
    var orderItemId: FlexibleString?
    var itemId: FlexibleString?
    var skuId: FlexibleString?
    var relSkuId: FlexibleString?
    var skuNick: String?
    var itemTitle: String?
    var num: FlexibleInt?
    var originalPrice: FlexibleInt?
    var price: FlexibleInt?
    var discountFee: FlexibleInt?
    var refundStatus: FlexibleInt?
}

/// One entry of `orderRefundList`.
struct KuaishouRefund: Codable, Sendable {
    var refundId: FlexibleString?
    var refundStatus: FlexibleInt?
    var skuId: FlexibleString?
    var itemId: FlexibleString?
}

/// `orderAddress`: ciphertext (decrypt with `open.order.decrypt.batch`) and, where given, masked or regional fields.
struct KuaishouOrderAddress: Codable, Sendable {
    var encryptedConsignee: String?
    var encryptedMobile: String?
    var encryptedAddress: String?
    var desensitiseConsignee: String?
    var desensitiseMobile: String?
    var province: String?
    var city: String?
}

/// A JSON field that may hold one object or an array of them.
struct JSONOneOrMany<Element: Codable & Sendable>: Codable, Sendable {
    var elements: [Element]

    init(_ elements: [Element]) { self.elements = elements }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let many = try? container.decode([Element].self) {
            elements = many
        } else {
            elements = [try container.decode(Element.self)]
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if elements.count == 1 { try container.encode(elements[0]) } else { try container.encode(elements) }
    }
}

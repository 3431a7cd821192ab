/// One goods line of a Pinduoduo order (an `item_list` entry) as the mock holds it.
struct PinduoduoItem: Sendable, Equatable {
    /// The line id the mock's truth uses: the `sku_id`, suffixed `#n` only when an order repeats a SKU
    /// (Pinduoduo's `item_list` has no line id of its own).
    var lineId: String
    /// `goods_id` (digits are sent as a JSON number).
    var goodsId: String
    /// `sku_id` (digits are sent as a JSON number).
    var skuId: String
    /// `outer_id`: the merchant's SKU code.
    var outerId: String
    /// `goods_name`.
    var goodsName: String
    /// `goods_count`.
    var goodsCount: Int
    /// `goods_price` (yuan on the wire), in fen.
    var goodsPriceFen: Int64
    /// `none`, `requested` or `refunded`.
    var refundState: String = "none"

    /// Price × count, in fen.
    var amountFen: Int64 { goodsPriceFen * Int64(goodsCount) }
}

/// What a Baojing county-head livestream sells, and where the buyers live.
///
/// The SKU codes (`outSkuId`) are the enterprises' own codes that the SKU mappings refer to.
public enum LivestreamCatalog {
    /// A product on sale with its weight in the sales mix.
    public struct Item: Sendable, Equatable {
        /// The line as the platform sells it (quantity 1).
        public var line: MockLineSpec
        /// Relative share of lines.
        public var weight: Int
    }

    /// Yunlai Agriculture's ponkan by box size and grade, kiwi, and Linyin Tea's golden tea.
    public static let items: [Item] = [
        Item(line: spec("3656110990000000501", "1786000000000000501", "BJPG-5KG-A", "保靖椪柑 5kg 特级", 3990), weight: 30),
        Item(line: spec("3656110990000000501", "1786000000000000502", "BJPG-5KG-B", "保靖椪柑 5kg 一级", 3290), weight: 20),
        Item(line: spec("3656110990000000502", "1786000000000000503", "BJPG-10KG-A", "保靖椪柑 10kg 特级整箱", 6990), weight: 18),
        Item(line: spec("3656110990000000502", "1786000000000000504", "BJPG-10KG-B", "保靖椪柑 10kg 一级整箱", 5990), weight: 10),
        Item(line: spec("3656110990000000601", "1786000000000000601", "XXMHT-3KG", "湘西猕猴桃 3kg", 4590), weight: 12),
        Item(line: spec("3656110990000000701", "1786000000000000701", "BJHJC-250G", "保靖黄金茶 250g 明前", 8800), weight: 10),
    ]

    /// Buyers' provinces and a city in each, with relative weights (Hunan and its neighbours first).
    public static let destinations: [(province: String, city: String, weight: Int)] = [
        ("湖南省", "长沙市", 22), ("广东省", "广州市", 14), ("湖北省", "武汉市", 8), ("北京市", "北京市", 7),
        ("上海市", "上海市", 7), ("浙江省", "杭州市", 7), ("江苏省", "南京市", 6), ("四川省", "成都市", 6),
        ("重庆市", "重庆市", 5), ("贵州省", "贵阳市", 4), ("河南省", "郑州市", 4), ("山东省", "济南市", 4),
        ("福建省", "福州市", 3), ("陕西省", "西安市", 3),
    ]

    /// The live room and the host's account used for attribution.
    public static let roomId = "7301882233445566778"
    /// The county head's account.
    public static let authorId = "3871234567890123456"

    private static func spec(_ product: String, _ sku: String, _ code: String, _ title: String, _ price: Int64) -> MockLineSpec {
        MockLineSpec(productId: product, skuId: sku, outSkuId: code, title: title, quantity: 1, unitPriceFen: price)
    }
}

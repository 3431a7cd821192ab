public import Foundation
import Yams

/// What a Baojing county-head livestream sells, and where the buyers live.
///
/// Read from `config/livestream.yaml` (``load(path:)``); ``standard`` is the same catalogue built in,
/// for tests and for a missing file. The SKU codes (`outSkuId`) are the enterprises' own codes that
/// SKU mappings refer to.
///
/// ## Configuration keys (`config/livestream.yaml`)
/// - `room_id`, `author_id`: livestream attribution.
/// - `products[]`: `code`, `title`, `product_id`, `sku_id`, `price_fen`, `weight` (share of lines).
/// - `destinations[]`: `province`, `city`, `weight` (share of buyers).
public struct LivestreamCatalog: Sendable {
    /// A product on sale with its weight in the sales mix.
    public struct Item: Sendable, Equatable {
        /// The line as the platform sells it (quantity 1).
        public var line: MockLineSpec
        /// Relative share of lines.
        public var weight: Int
    }

    /// A buyers' region with its weight.
    public struct Destination: Sendable, Equatable {
        /// Province.
        public var province: String
        /// City.
        public var city: String
        /// Relative share of buyers.
        public var weight: Int
    }

    /// The products.
    public var items: [Item]
    /// The buyers' regions.
    public var destinations: [Destination]
    /// The live room used for attribution.
    public var roomId: String
    /// The host's account.
    public var authorId: String

    /// Yunlai Agriculture's ponkan by box size and grade, kiwi, and Linyin Tea's golden tea; Hunan and its neighbours first.
    public static let standard = LivestreamCatalog(
        items: [
            Item(line: spec("3656110990000000501", "1786000000000000501", "BJPG-5KG-A", "保靖椪柑 5kg 特级", 3990), weight: 30),
            Item(line: spec("3656110990000000501", "1786000000000000502", "BJPG-5KG-B", "保靖椪柑 5kg 一级", 3290), weight: 20),
            Item(line: spec("3656110990000000502", "1786000000000000503", "BJPG-10KG-A", "保靖椪柑 10kg 特级整箱", 6990), weight: 18),
            Item(line: spec("3656110990000000502", "1786000000000000504", "BJPG-10KG-B", "保靖椪柑 10kg 一级整箱", 5990), weight: 10),
            Item(line: spec("3656110990000000601", "1786000000000000601", "XXMHT-3KG", "湘西猕猴桃 3kg", 4590), weight: 12),
            Item(line: spec("3656110990000000701", "1786000000000000701", "BJHJC-250G", "保靖黄金茶 250g 明前", 8800), weight: 10),
        ],
        destinations: [
            Destination(province: "湖南省", city: "长沙市", weight: 22), Destination(province: "广东省", city: "广州市", weight: 14),
            Destination(province: "湖北省", city: "武汉市", weight: 8), Destination(province: "北京市", city: "北京市", weight: 7),
            Destination(province: "上海市", city: "上海市", weight: 7), Destination(province: "浙江省", city: "杭州市", weight: 7),
            Destination(province: "江苏省", city: "南京市", weight: 6), Destination(province: "四川省", city: "成都市", weight: 6),
        ],
        roomId: "7301882233445566778",
        authorId: "3871234567890123456"
    )

    /// Creates a catalogue.
    public init(items: [Item], destinations: [Destination], roomId: String, authorId: String) {
        self.items = items
        self.destinations = destinations
        self.roomId = roomId
        self.authorId = authorId
    }

    /// Reads a catalogue file.
    /// - Throws: ``MockPlatformError`` naming the file, the entry and the key that is wrong.
    public static func load(path: String) throws -> LivestreamCatalog {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MockPlatformError.invalidCatalog("\(path): cannot read the livestream catalogue")
        }
        let root: Any?
        do {
            root = try Yams.load(yaml: String(decoding: data, as: UTF8.self))
        } catch {
            throw MockPlatformError.invalidCatalog("\(path): not valid YAML: \(error)")
        }
        guard let top = root as? [String: Any] else { throw MockPlatformError.invalidCatalog("\(path): expected a mapping") }
        var problems: [String] = []
        func text(_ node: [String: Any], _ key: String, _ at: String) -> String {
            if let value = node[key] as? String, !value.isEmpty { return value }
            if let value = node[key] as? Int { return String(value) }
            problems.append("\(at).\(key) is missing")
            return ""
        }
        func number(_ node: [String: Any], _ key: String, _ at: String) -> Int {
            if let value = node[key] as? Int, value > 0 { return value }
            problems.append("\(at).\(key) must be a positive whole number")
            return 0
        }
        let items = (top["products"] as? [[String: Any]] ?? []).enumerated().map { index, node in
            let at = "products[\(index)]"
            return Item(
                line: MockLineSpec(
                    productId: text(node, "product_id", at),
                    skuId: text(node, "sku_id", at),
                    outSkuId: text(node, "code", at),
                    title: text(node, "title", at),
                    quantity: 1,
                    unitPriceFen: Int64(number(node, "price_fen", at))
                ),
                weight: number(node, "weight", at)
            )
        }
        let destinations = (top["destinations"] as? [[String: Any]] ?? []).enumerated().map { index, node in
            let at = "destinations[\(index)]"
            return Destination(province: text(node, "province", at), city: text(node, "city", at), weight: number(node, "weight", at))
        }
        if items.isEmpty { problems.append("products: at least one product is needed") }
        if destinations.isEmpty { problems.append("destinations: at least one destination is needed") }
        let roomId = text(top, "room_id", "(root)")
        let authorId = text(top, "author_id", "(root)")
        guard problems.isEmpty else {
            throw MockPlatformError.invalidCatalog("\(path): " + problems.joined(separator: "; "))
        }
        return LivestreamCatalog(items: items, destinations: destinations, roomId: roomId, authorId: authorId)
    }

    private static func spec(_ product: String, _ sku: String, _ code: String, _ title: String, _ price: Int64) -> MockLineSpec {
        MockLineSpec(productId: product, skuId: sku, outSkuId: code, title: title, quantity: 1, unitPriceFen: price)
    }
}

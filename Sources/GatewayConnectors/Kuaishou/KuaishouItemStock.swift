/// The part of an `open.item.get` answer's `data` that stock write-back reads: the item's SKUs and their stock.
///
/// ```json
/// {"kwaiItemId":22001234567,"title":"保靖椪柑","skuInfos":[{"kwaiSkuId":33001234567,"skuStock":42,"skuNick":"ponkan-5kg-a"}]}
/// ```
///
/// **[U]** platforms.md documents no item read. The field names come from third-party SDKs (a Go SDK's
/// `open.item.get` model: `skuInfos[]` with `kwaiSkuId` and `skuStock`; the same `kwaiSkuId`/`skuStock`
/// pair in two independent `open.item.list.get` models, under `skuList`). Both list names are read. The
/// reading is strict: a SKU counts only with a `kwaiSkuId` equal to the one asked for and a `skuStock`
/// that is a JSON integer or a string of digits — anything else is "unknown", never 0.
struct KuaishouItemStock: Decodable, Sendable {
    /// One SKU entry.
    struct Sku: Decodable, Sendable {
        /// `kwaiSkuId`.
        var kwaiSkuId: FlexibleString?
        /// `skuStock`, when it is an integer.
        var skuStock: Int64?

        private enum CodingKeys: String, CodingKey {
            case kwaiSkuId
            case skuStock
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            kwaiSkuId = try? container.decodeIfPresent(FlexibleString.self, forKey: .kwaiSkuId)
            if let number = try? container.decodeIfPresent(Int64.self, forKey: .skuStock) {
                skuStock = number
            } else if let text = try? container.decodeIfPresent(String.self, forKey: .skuStock), let number = Int64(text) {
                skuStock = number
            } else {
                skuStock = nil
            }
        }
    }

    /// `skuInfos` (`open.item.get`).
    var skuInfos: [Sku]?
    /// `skuList` (the item-list shape, read too).
    var skuList: [Sku]?

    /// The stock of one SKU; nil when the item does not list it exactly once or gives no integer `skuStock`.
    func stock(ofSku skuId: String) -> Int64? {
        let matches = (skuInfos ?? skuList ?? []).filter { $0.kwaiSkuId?.value == skuId }
        guard matches.count == 1 else { return nil }
        return matches[0].skuStock
    }
}

/// Line ids for platforms whose order lines have no id of their own (Pinduoduo, WeChat Channels).
///
/// The SKU id identifies a line within an order (a platform merges repeats of one SKU into one line
/// with a quantity); it stays stable when the platform lists the lines in another order, which an
/// index would not. Should a SKU appear twice, the repeats get `#2`, `#3`…; an empty SKU id falls
/// back to the line's position.
enum LineIdentity {
    /// One id per line, in the lines' order.
    static func ids(skuIds: [String]) -> [String] {
        var seen: [String: Int] = [:]
        return skuIds.enumerated().map { index, sku in
            guard !sku.isEmpty else { return "line-\(index + 1)" }
            let count = seen[sku, default: 0] + 1
            seen[sku] = count
            return count == 1 ? sku : "\(sku)#\(count)"
        }
    }
}

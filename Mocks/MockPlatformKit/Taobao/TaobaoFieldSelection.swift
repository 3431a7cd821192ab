import Foundation

/// The `fields` parameter of a TOP trade API: which trade fields to return.
///
/// A name is a trade field (`tid`, `status`, `payment`, …); `orders` returns every sub-order field, while
/// `orders.oid`, `orders.refund_status`, … return only those sub-order fields. Unknown names are ignored,
/// and a field that is not asked for is not returned: the gateway must ask for what it reads.
struct TaobaoFieldSelection: Sendable, Equatable {
    /// The trade fields asked for (including `orders` when any sub-order field is).
    var tradeFields: Set<String>
    /// The sub-order fields asked for; nil means all of them (`orders` itself was named).
    var orderFields: Set<String>?

    /// Parses a comma-separated field list (spaces around names are ignored).
    init(_ text: String) {
        var trade = Set<String>()
        var order = Set<String>()
        var allOrderFields = false
        for raw in text.split(separator: ",") {
            let name = raw.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { continue }
            if name == "orders" {
                allOrderFields = true
                trade.insert("orders")
            } else if name.hasPrefix("orders.") || name.hasPrefix("order.") {
                order.insert(String(name[name.index(after: name.firstIndex(of: ".") ?? name.startIndex)...]))
                trade.insert("orders")
            } else {
                trade.insert(name)
            }
        }
        self.tradeFields = trade
        self.orderFields = allOrderFields ? nil : order
    }

    /// Every trade field (used for tests and the demo).
    static let all = TaobaoFieldSelection("orders," + TaobaoTrade.wireFieldNames.joined(separator: ","))
}

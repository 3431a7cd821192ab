import Foundation
import GatewayCore
import Hummingbird

/// Small formatting helpers shared by the console pages (paths, query strings, money).
enum ConsoleFormat {
    /// One path segment, percent-encoded (a `/` inside an id stays inside the segment).
    static func segment(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#&="))) ?? value
    }

    /// `a=1&b=two%20words` from the pairs whose value is present and not empty.
    static func query(_ pairs: [(String, String?)]) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return pairs.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return name + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)
        }.joined(separator: "&")
    }

    /// `¥12.30` from fen; `—` when unknown.
    static func yuan(_ fen: Int64?) -> String {
        guard let fen else { return "—" }
        return "¥" + Money.yuanString(fromFen: fen)
    }

    /// The console link of an order.
    static func orderHref(_ key: OrderKey) -> String {
        "/console/orders/" + [key.platform.rawValue, key.shop, key.platformOrderId].map(segment).joined(separator: "/")
    }

    /// A trimmed query parameter; `nil` when missing or empty.
    static func parameter(_ request: Request, _ name: String) -> String? {
        let text = (request.uri.queryParameters.get(name) ?? "").trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    /// A text with `{1}`, `{2}`… replaced by the values in order.
    static func fill(_ template: String, _ values: String...) -> String {
        var text = template
        for (index, value) in values.enumerated() { text = text.replacingOccurrences(of: "{\(index + 1)}", with: value) }
        return text
    }
}

import Foundation
import GatewayCore

/// The canonical order JSON a Standard Webhooks sender posts (documented in the README).
///
/// ```json
/// {"type": "order.updated",
///  "order": {"order_id": "MP202611290001", "status": "paid",
///            "created_at": "2026-11-29T08:00:00Z", "updated_at": "2026-11-29T08:01:00Z", "paid_at": "2026-11-29T08:01:00Z",
///            "total_fen": 5980, "paid_fen": 5980, "postage_fen": 0, "discount_fen": 0,
///            "lines": [{"line_id": "1", "product_id": "ponkan", "sku_id": "ponkan-5kg-a", "title": "保靖椪柑 5kg",
///                       "quantity": 1, "paid_fen": 5980, "refund_state": "none"}],
///            "buyer": {"province": "湖南省", "city": "长沙市", "masked_name": "张*", "masked_phone": "138****5678"},
///            "live_room_id": null, "author_id": null}}
/// ```
/// `buyer` may also carry the plaintext receiver: `"name"`, `"phone"`, `"address"` (sealed at rest, shown masked).
struct StandardOrderPayload: Codable, Sendable {
    var type: String
    var order: StandardOrder
}

/// The order inside a Standard Webhooks payload.
struct StandardOrder: Codable, Sendable {
    var order_id: FlexibleString
    var status: OrderStatus
    var created_at: String
    var updated_at: String
    var paid_at: String?
    var total_fen: Int64
    var paid_fen: Int64
    var postage_fen: Int64?
    var discount_fen: Int64?
    var lines: [StandardLine]
    var buyer: StandardBuyer?
    var live_room_id: String?
    var author_id: String?
    var reopened: Bool?
}

/// A line of a Standard Webhooks order.
struct StandardLine: Codable, Sendable {
    var line_id: FlexibleString
    var product_id: String
    var sku_id: String
    var out_sku_id: String?
    var title: String
    var quantity: Int
    var paid_fen: Int64
    var refund_state: RefundState?
}

/// Buyer information of a Standard Webhooks order: the region, masked forms and, optionally, the plaintext
/// receiver (`name`, `phone`, `address`) for shipping — kept only sealed at rest and never shown (masked forms
/// are derived from it when the sender gives none).
struct StandardBuyer: Codable, Sendable {
    var province: String?
    var city: String?
    var masked_name: String?
    var masked_phone: String?
    var name: String?
    var phone: String?
    var address: String?
}

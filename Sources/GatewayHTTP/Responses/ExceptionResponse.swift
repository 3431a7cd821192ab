public import GatewayCore

/// An exception holding an order (`Exception`); `gateway exceptions list --json` prints the same shape.
public struct ExceptionResponse: Encodable, Sendable {
    /// The exception id (a string of digits).
    public var id: String
    /// `unmapped_sku`, `oversold`, `no_supply` or `unprocessable`.
    public var kind: String
    /// `open` or `resolved`.
    public var status: String
    /// The held order's platform.
    public var platform: String
    /// The held order's shop.
    public var shop: String
    /// The held order's id on its platform.
    public var platformOrderId: String
    /// The held line.
    public var lineId: String?
    /// The line's platform SKU id.
    public var platformSkuId: String?
    /// The enterprise SKU, when known.
    public var skuCode: String?
    /// The enterprise concerned, when known.
    public var enterpriseId: String?
    /// What is wrong.
    public var message: String
    /// When it was opened (UTC).
    public var openedAt: String
    /// When it was resolved (UTC).
    public var resolvedAt: String?
    /// Who resolved it.
    public var resolvedBy: String?
    /// The resolver's note.
    public var note: String?

    /// The API view of an exception.
    public init(_ exception: FulfilmentException) {
        id = String(exception.id)
        kind = exception.kind.rawValue
        status = exception.status.rawValue
        platform = exception.order.platform.rawValue
        shop = exception.order.shop
        platformOrderId = exception.order.platformOrderId
        lineId = exception.lineId
        platformSkuId = exception.platformSkuId
        skuCode = exception.skuCode
        enterpriseId = exception.enterpriseId
        message = exception.message
        openedAt = APITime.string(exception.openedAt)
        resolvedAt = APITime.string(exception.resolvedAt)
        resolvedBy = exception.resolvedBy
        note = exception.note
    }

    /// The CSV columns of an exception list (the JSON keys).
    public static let csvColumns = [
        "id", "status", "kind", "platform", "shop", "platform_order_id", "line_id", "platform_sku_id", "sku_code", "enterprise_id",
        "message", "opened_at", "resolved_at", "resolved_by", "note",
    ]
}

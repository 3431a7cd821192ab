/// Something that stops an order from proceeding, waiting for staff (design.md §2 step 3).
public struct FulfilmentException: Sendable, Hashable, Codable {
    /// Database id.
    public var id: Int64
    /// What kind of problem.
    public var kind: ExceptionKind
    /// The order it holds.
    public var order: OrderKey
    /// The line, when it is about one line.
    public var lineId: String?
    /// The platform SKU id of the line.
    public var platformSkuId: String?
    /// The enterprise SKU code, when known.
    public var skuCode: String?
    /// The enterprise it belongs to, when known (the shop's enterprise otherwise).
    public var enterpriseId: String?
    /// What is wrong, for staff.
    public var message: String
    /// Open or resolved.
    public var status: ExceptionStatus
    /// When it was opened.
    public var openedAt: Timestamp
    /// When it was resolved.
    public var resolvedAt: Timestamp?
    /// Who resolved it (`system` when its cause went away by itself).
    public var resolvedBy: String?
    /// Staff's note.
    public var note: String?

    /// Creates an exception.
    public init(
        id: Int64,
        kind: ExceptionKind,
        order: OrderKey,
        lineId: String?,
        platformSkuId: String?,
        skuCode: String?,
        enterpriseId: String?,
        message: String,
        status: ExceptionStatus,
        openedAt: Timestamp,
        resolvedAt: Timestamp? = nil,
        resolvedBy: String? = nil,
        note: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.order = order
        self.lineId = lineId
        self.platformSkuId = platformSkuId
        self.skuCode = skuCode
        self.enterpriseId = enterpriseId
        self.message = message
        self.status = status
        self.openedAt = openedAt
        self.resolvedAt = resolvedAt
        self.resolvedBy = resolvedBy
        self.note = note
    }
}

/// Kinds of exceptions.
public enum ExceptionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The line's platform SKU has no mapping for its shop.
    case unmappedSku = "unmapped_sku"
    /// Not enough available stock in any allowed warehouse.
    case oversold
    /// Not enough farmer supply for the line's product and grade.
    case noSupply = "no_supply"
    /// A delivery could not be processed and is parked (``ParkedDelivery``); the line id is `inbox:ID`.
    case unprocessable
    /// A platform refused a shipment's write-back, or shows another tracking number (the 回传失败 queue); the line id
    /// is `shipment:ID` (the write-back's id). It does not hold the order.
    case shipmentRejected = "shipment_rejected"
}

/// Whether an exception still holds its order.
public enum ExceptionStatus: String, Sendable, Hashable, Codable {
    /// Holds the order.
    case open
    /// Closed.
    case resolved
}

/// An exception a plan wants opened (the store assigns ids and de-duplicates open ones).
public struct ExceptionDraft: Sendable, Hashable {
    /// Kind.
    public var kind: ExceptionKind
    /// The line.
    public var lineId: String
    /// The platform SKU id.
    public var platformSkuId: String
    /// The enterprise SKU, when known.
    public var skuCode: String?
    /// The enterprise, when known.
    public var enterpriseId: String?
    /// What is wrong.
    public var message: String

    /// Creates a draft.
    public init(kind: ExceptionKind, lineId: String, platformSkuId: String, skuCode: String?, enterpriseId: String?, message: String) {
        self.kind = kind
        self.lineId = lineId
        self.platformSkuId = platformSkuId
        self.skuCode = skuCode
        self.enterpriseId = enterpriseId
        self.message = message
    }
}

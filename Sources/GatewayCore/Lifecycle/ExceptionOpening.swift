/// A new open exception, as ``OrderLifecycle`` opens it (the store gives it its id and the time).
public struct ExceptionOpening: Sendable, Hashable {
    /// What kind of problem.
    public var kind: ExceptionKind
    /// The order it holds.
    public var order: OrderKey
    /// The line.
    public var lineId: String
    /// The platform SKU id of the line, when the cause is about the platform's SKU.
    public var platformSkuId: String?
    /// The enterprise SKU, when known.
    public var skuCode: String?
    /// The enterprise, when known.
    public var enterpriseId: String?
    /// What is wrong, for staff.
    public var message: String

    /// Creates an opening.
    public init(
        kind: ExceptionKind,
        order: OrderKey,
        lineId: String,
        platformSkuId: String?,
        skuCode: String?,
        enterpriseId: String?,
        message: String
    ) {
        self.kind = kind
        self.order = order
        self.lineId = lineId
        self.platformSkuId = platformSkuId
        self.skuCode = skuCode
        self.enterpriseId = enterpriseId
        self.message = message
    }
}

/// What a platform's ship call allows, for ``MockShopLedger/ship(_:at:parcels:rules:_:)``.
struct MockShipRules: Sendable, Equatable {
    /// Whether the call may leave units unshipped (line- or quantity-level calls).
    var allowsPartial: Bool
    /// Whether the call is accepted for an order that is already partly shipped.
    var allowsAfterPartial: Bool
    /// Whether a pending refund on a shipped line is overridden (Douyin `is_refund_reject=true`) instead of refused.
    var overridesPendingRefund = false
    /// Whether a call whose tracking numbers are all already on the order succeeds again without a change
    /// (Kuaishou since 2024-11-25).
    var repeatsByTrackingNo = false
    /// Whether refunds are ignored: a line with a pending refund ships, and an order with nothing left to ship still
    /// changes its status without a parcel (the shop verbs ``MockShop/shipOrder(orderId:at:)`` that scenarios
    /// play, which model the merchant, not an API call).
    var ignoresRefunds = false

    /// The rules of the scenario verbs: whole order, refunds ignored.
    static let scenario = MockShipRules(allowsPartial: false, allowsAfterPartial: true, ignoresRefunds: true)
}

import GatewayCore

/// One parcel's household allocation (`Allocation`): who supplied it, the quota that decided it, the income due.
struct AllocationResponse: Encodable, Sendable {
    var traceCode: String
    var platform: String
    var shop: String
    var platformOrderId: String
    var lineId: String
    var parcelIndex: Int
    var skuCode: String
    var day: String
    var householdId: String
    var lotId: String
    var weightGrams: Int64
    var tier: String
    var quotaGrams: Int64
    var deficitGrams: Int64
    var incomeFen: Int64
    var state: String
    var refundedAfterShipment: Bool

    init(_ stored: StoredAllocation) {
        traceCode = stored.traceCode
        platform = stored.order.platform.rawValue
        shop = stored.order.shop
        platformOrderId = stored.order.platformOrderId
        lineId = stored.lineId
        parcelIndex = stored.allocation.parcelIndex
        skuCode = stored.skuCode
        day = stored.day
        householdId = stored.allocation.householdId
        lotId = stored.allocation.lotId
        weightGrams = stored.allocation.grams
        tier = stored.allocation.tier
        quotaGrams = stored.allocation.quotaGrams
        deficitGrams = stored.allocation.deficitGrams
        incomeFen = stored.allocation.incomeFen
        state = stored.state
        refundedAfterShipment = stored.refundedAfterShipment
    }
}

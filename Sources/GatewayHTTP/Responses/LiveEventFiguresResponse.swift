import GatewayCore

/// A live event's figures (`LiveEventFigures`): orders, GMV, orders per minute and platform, sales per SKU, stock left.
struct LiveEventFiguresResponse: Encodable, Sendable {
    /// Orders of one platform in one minute.
    struct Minute: Encodable, Sendable {
        var minute: String
        var platform: String
        var orders: Int
    }

    /// Sales of one platform SKU.
    struct SkuSales: Encodable, Sendable {
        var platformSkuId: String
        var title: String
        var quantity: Int
        var paidFen: Int64
    }

    /// Stock left of one enterprise SKU.
    struct StockLeft: Encodable, Sendable {
        var skuCode: String
        var title: String
        var onHand: Int
        var reserved: Int
        var available: Int
    }

    var event: LiveEventResponse
    var orders: Int
    var paidOrders: Int
    var cancelledOrders: Int
    var gmvFen: Int64
    var perMinute: [Minute]
    var bySku: [SkuSales]
    var stockLeft: [StockLeft]

    init(_ figures: LiveEventFigures) {
        event = LiveEventResponse(figures.event)
        orders = figures.orders
        paidOrders = figures.paidOrders
        cancelledOrders = figures.cancelledOrders
        gmvFen = figures.gmvFen
        perMinute = figures.perMinute.map { Minute(minute: APITime.string($0.minute), platform: $0.platform.rawValue, orders: $0.orders) }
        bySku = figures.bySku.map { SkuSales(platformSkuId: $0.platformSkuId, title: $0.title, quantity: $0.quantity, paidFen: $0.paidFen) }
        stockLeft = figures.stockLeft.map {
            StockLeft(skuCode: $0.skuCode, title: $0.title, onHand: $0.onHand, reserved: $0.reserved, available: $0.available)
        }
    }
}

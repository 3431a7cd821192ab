/// The figures of one live event, for the live board and `GET /api/v1/live-events/{id}`.
public struct LiveEventFigures: Sendable, Hashable, Codable {
    /// The event.
    public var event: LiveEvent
    /// Orders attributed to it.
    public var orders: Int
    /// Of which paid (paid, shipped or completed).
    public var paidOrders: Int
    /// Of which cancelled.
    public var cancelledOrders: Int
    /// Paid amount of the paid orders, in fen.
    public var gmvFen: Int64
    /// Orders per minute and platform.
    public var perMinute: [MinuteCount]
    /// Units and amount per platform SKU.
    public var bySku: [SkuFigure]
    /// Stock left of the enterprise SKUs the event sold.
    public var stockLeft: [SkuStock]

    /// Creates figures.
    public init(
        event: LiveEvent,
        orders: Int,
        paidOrders: Int,
        cancelledOrders: Int,
        gmvFen: Int64,
        perMinute: [MinuteCount],
        bySku: [SkuFigure],
        stockLeft: [SkuStock]
    ) {
        self.event = event
        self.orders = orders
        self.paidOrders = paidOrders
        self.cancelledOrders = cancelledOrders
        self.gmvFen = gmvFen
        self.perMinute = perMinute
        self.bySku = bySku
        self.stockLeft = stockLeft
    }
}

/// Orders created in one minute on one platform.
public struct MinuteCount: Sendable, Hashable, Codable {
    /// Start of the minute.
    public var minute: Timestamp
    /// The platform.
    public var platform: Platform
    /// Orders.
    public var orders: Int

    /// Creates a count.
    public init(minute: Timestamp, platform: Platform, orders: Int) {
        self.minute = minute
        self.platform = platform
        self.orders = orders
    }
}

/// Units and amount sold of one platform SKU (cancelled orders excluded).
public struct SkuFigure: Sendable, Hashable, Codable {
    /// The platform SKU id.
    public var platformSkuId: String
    /// The title as sold.
    public var title: String
    /// Units.
    public var quantity: Int
    /// Amount, in fen.
    public var paidFen: Int64

    /// Creates a figure.
    public init(platformSkuId: String, title: String, quantity: Int, paidFen: Int64) {
        self.platformSkuId = platformSkuId
        self.title = title
        self.quantity = quantity
        self.paidFen = paidFen
    }
}

/// Stock of one enterprise SKU summed over its enterprise's warehouses.
public struct SkuStock: Sendable, Hashable, Codable {
    /// The SKU code.
    public var skuCode: String
    /// The SKU title.
    public var title: String
    /// On hand.
    public var onHand: Int
    /// Reserved.
    public var reserved: Int
    /// Available.
    public var available: Int

    /// Creates a row.
    public init(skuCode: String, title: String, onHand: Int, reserved: Int, available: Int) {
        self.skuCode = skuCode
        self.title = title
        self.onHand = onHand
        self.reserved = reserved
        self.available = available
    }
}

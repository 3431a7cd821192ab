/// What every decision of a batch reads whole, loaded once per batch by the store: master data, stock levels and
/// live events.
public struct LifecycleContext: Sendable {
    /// Enterprises, warehouses, SKUs and mappings.
    public var masterData: MasterData
    /// Stock levels (the processor moves them; the touched ones are written back).
    public var stock: StockBook
    /// Live events, newest first.
    public var liveEvents: [LiveEvent]

    /// Creates a context.
    public init(masterData: MasterData, stock: StockBook, liveEvents: [LiveEvent]) {
        self.masterData = masterData
        self.stock = stock
        self.liveEvents = liveEvents
    }
}

/// Everything one run of ``OrderLifecycle`` decided, for a store to apply in one transaction, in this order: orders,
/// timeline, processed and parked inbox entries, line fulfilments, stock levels, lots, reversed then new parcels, refund flags,
/// exceptions, live-event attributions.
public struct LifecycleChanges: Sendable, Hashable {
    /// Orders whose merge applied, in their final state, in the order they first changed.
    public var orders: [CanonicalOrder] = []
    /// Timeline rows, one per observation merged.
    public var timeline: [TimelineRecord] = []
    /// Inbox entries now processed.
    public var processedInboxIds: [Int64] = []
    /// Deliveries taken out of the pipeline (each also opens an `unprocessable` exception).
    public var parked: [ParkedDelivery] = []
    /// Line fulfilments that changed, in their final state.
    public var fulfilments: [LineFulfilment] = []
    /// Stock levels that moved, in their final state.
    public var stockLevels: [StockLevel] = []
    /// Supply lots whose allocated grams changed: lot id → allocated grams now.
    public var lotAllocatedGrams: [String: Int64] = [:]
    /// Lines whose stored active parcels are all given back (reversed).
    public var reversedLines: [LineRef] = []
    /// New parcels.
    public var parcels: [NewParcel] = []
    /// Lines whose stored active parcels are to be flagged as refunded after shipment.
    public var refundFlags: [LineRef] = []
    /// Exceptions opened, changed and closed.
    public var exceptions: [ExceptionChange] = []
    /// Orders attributed to a live event: order → event id.
    public var attributions: [OrderKey: String] = [:]
    /// The merge results, in the order the observations were merged.
    public var results: [MergeResult] = []
    /// Stored exceptions closed because their cause went away (not counting superseded ones).
    public var exceptionsResolved = 0
    /// Lines found without enough farmer supply.
    public var supplyShortages = 0

    /// No changes.
    public init() {}
}

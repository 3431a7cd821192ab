/// What ``OrderLifecycle`` reads while it decides: the state a batch touches, loaded by a store inside its write
/// transaction (so nothing changes between the read and the apply). Synchronous on purpose: a store implements it over
/// the transaction's connection, the in-memory store over its dictionaries.
///
/// Master data, stock levels and live events are read once per batch into ``LifecycleContext`` instead.
public protocol LifecycleReader {
    /// Whether an inbox entry exists and is not processed yet (a batch replayed after a crash skips what it did).
    func isPending(inboxId: Int64) throws -> Bool
    /// An inbox entry that is not processed yet (`nil`: unknown or processed).
    func unprocessedDelivery(inboxId: Int64) throws -> UnprocessedDelivery?
    /// The stored order, with its buyer's receiver opened where the store seals it (it is saved again after a merge).
    func order(_ key: OrderKey) throws -> CanonicalOrder?
    /// The order's line fulfilments.
    func fulfilments(of key: OrderKey) throws -> [LineFulfilment]
    /// The order's open exceptions (every kind).
    func openExceptions(of key: OrderKey) throws -> [FulfilmentException]
    /// The parcel allocations the order's lines hold now.
    func activeAllocations(of key: OrderKey) throws -> [ActiveAllocation]
    /// A supply pool with its lots' allocated grams, households and policy; `nil` when the enterprise declared no lots of
    /// that product and grade (its lines are then not allocated).
    func supplyPool(_ key: SupplyPoolKey) throws -> SupplyPool?
    /// Whether a trace code is already given to a parcel.
    func isTraceCodeTaken(_ code: String) throws -> Bool
}

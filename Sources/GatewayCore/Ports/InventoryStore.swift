/// Enterprise master data, stock, line fulfilment, exceptions and live events (issue #5).
///
/// Every change made by staff is recorded in the audit log with who made it and when, in the same
/// transaction as the change. Changes that can unblock held orders (a new mapping, more stock, a
/// resolved exception) re-run those orders' fulfilment at once.
public protocol InventoryStore: Sendable {
    /// The current master data.
    func masterData() async throws -> MasterData

    /// Inserts seed data that does not exist yet; existing rows (perhaps changed by staff) are kept.
    func seed(_ seed: MasterDataSeed, at now: Timestamp) async throws -> MasterDataChangeSummary

    /// Applies an import or an edit in one transaction: enterprises, warehouses, SKUs and mappings are
    /// upserted, stock levels set; orders held by exceptions the change can fix are re-run.
    func apply(_ change: MasterDataSeed, actor: String, at now: Timestamp) async throws -> MasterDataChangeSummary

    /// ``apply(_:actor:at:)`` on behalf of one enterprise's staff: in the same transaction, every enterprise, warehouse,
    /// SKU, mapping component and stock level the change touches, as given AND as currently stored, must belong to
    /// `enterpriseId` (`nil`: no check, for admins and imports).
    /// - Throws: ``InventoryStoreError/invalid(_:)`` when one does not; nothing is changed.
    func apply(_ change: MasterDataSeed, actor: String, at now: Timestamp, ownedBy enterpriseId: String?) async throws -> MasterDataChangeSummary

    /// Stock levels with their SKU and warehouse, optionally of one enterprise.
    func inventory(enterpriseId: String?) async throws -> [InventoryRow]

    /// Exceptions matching a query, newest first.
    func exceptions(_ query: ExceptionQuery) async throws -> [FulfilmentException]

    /// One exception.
    func exception(id: Int64) async throws -> FulfilmentException?

    /// Re-runs the exception's order; resolves the exception with the note when its cause is gone, or
    /// when `dismiss` is set (the line is then closed without stock). Recorded in the audit log.
    func resolveException(id: Int64, note: String, dismiss: Bool, actor: String, at now: Timestamp) async throws -> ExceptionResolution

    /// The fulfilment of each line of an order.
    func fulfilments(of order: OrderKey) async throws -> [LineFulfilment]

    /// Live events, newest first.
    func liveEvents() async throws -> [LiveEvent]

    /// Figures for one live event, counting only orders of `shops` when given (enterprise scoping).
    func liveEventFigures(id: String, shops: Set<String>?) async throws -> LiveEventFigures?

    /// The platform SKUs whose sellable quantity differs from what was last pushed to their platform.
    func pendingStockPushes() async throws -> [StockPush]

    /// Records the outcome of a stock push.
    func recordStockPush(_ push: StockPush, error: String?, at now: Timestamp) async throws
}

/// Master data to seed, import or apply, with stock levels and live events.
public struct MasterDataSeed: Sendable, Hashable {
    /// Enterprises, warehouses, SKUs and mappings.
    public var masterData: MasterData
    /// Stock levels to set (on hand and safety; reservations are the gateway's own and are kept).
    public var stock: [StockLevel]
    /// Live events.
    public var liveEvents: [LiveEvent]
    /// Farmer allocation policies by enterprise (enterprises not named use ``AllocationPolicy/registeredPoorFirst``).
    public var allocationPolicies: [String: AllocationPolicy]

    /// Creates seed data.
    public init(
        masterData: MasterData = MasterData(),
        stock: [StockLevel] = [],
        liveEvents: [LiveEvent] = [],
        allocationPolicies: [String: AllocationPolicy] = [:]
    ) {
        self.masterData = masterData
        self.stock = stock
        self.liveEvents = liveEvents
        self.allocationPolicies = allocationPolicies
    }
}

/// What a seed, import or edit changed.
public struct MasterDataChangeSummary: Sendable, Hashable, Codable {
    /// Rows inserted or changed, by table (`enterprises`, `warehouses`, `skus`, `mappings`, `stock`, `live_events`).
    public var changed: [String: Int] = [:]
    /// Held orders re-run because of the change.
    public var ordersRerun: Int = 0
    /// Exceptions the change resolved.
    public var exceptionsResolved: Int = 0

    /// Creates a summary.
    public init(changed: [String: Int] = [:], ordersRerun: Int = 0, exceptionsResolved: Int = 0) {
        self.changed = changed
        self.ordersRerun = ordersRerun
        self.exceptionsResolved = exceptionsResolved
    }
}

/// One stock level with what staff need to read it.
public struct InventoryRow: Sendable, Hashable, Codable {
    /// The level.
    public var level: StockLevel
    /// The SKU.
    public var sku: EnterpriseSKU
    /// The warehouse.
    public var warehouse: Warehouse

    /// Creates a row.
    public init(level: StockLevel, sku: EnterpriseSKU, warehouse: Warehouse) {
        self.level = level
        self.sku = sku
        self.warehouse = warehouse
    }
}

/// Filters for exceptions.
public struct ExceptionQuery: Sendable, Hashable {
    /// Only this status (`nil`: all).
    public var status: ExceptionStatus?
    /// Only this kind.
    public var kind: ExceptionKind?
    /// Only these shops (`nil`: all).
    public var shops: Set<String>?
    /// Only this order.
    public var order: OrderKey?
    /// At most this many.
    public var limit: Int

    /// Creates a query.
    public init(status: ExceptionStatus? = .open, kind: ExceptionKind? = nil, shops: Set<String>? = nil, order: OrderKey? = nil, limit: Int = 200) {
        self.status = status
        self.kind = kind
        self.shops = shops
        self.order = order
        self.limit = limit
    }
}

/// The outcome of resolving an exception.
public struct ExceptionResolution: Sendable, Hashable, Codable {
    /// The exception after the attempt.
    public var exception: FulfilmentException
    /// Whether it is resolved now.
    public var resolved: Bool
    /// Why not, when it is still open (the order was re-run and still fails).
    public var reason: String?

    /// Creates a resolution.
    public init(exception: FulfilmentException, resolved: Bool, reason: String?) {
        self.exception = exception
        self.resolved = resolved
        self.reason = reason
    }
}

/// A sellable quantity to push to a platform for one shop's platform SKU.
public struct StockPush: Sendable, Hashable, Codable {
    /// The shop.
    public var shop: String
    /// The platform SKU id.
    public var platformSkuId: String
    /// The platform product id.
    public var platformProductId: String?
    /// The quantity to set.
    public var quantity: Int
    /// What was last pushed successfully (`nil`: never).
    public var previousQuantity: Int?

    /// Creates a push.
    public init(shop: String, platformSkuId: String, platformProductId: String?, quantity: Int, previousQuantity: Int?) {
        self.shop = shop
        self.platformSkuId = platformSkuId
        self.platformProductId = platformProductId
        self.quantity = quantity
        self.previousQuantity = previousQuantity
    }
}

/// A refused inventory change, with every problem found.
public enum InventoryStoreError: Error, Sendable, CustomStringConvertible {
    /// The change would leave master data inconsistent; nothing was changed.
    case invalid([String])
    /// No such row.
    case notFound(String)

    public var description: String {
        switch self {
        case .invalid(let problems): "master data refused, nothing changed:\n  " + problems.joined(separator: "\n  ")
        case .notFound(let message): message
        }
    }
}

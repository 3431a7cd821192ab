import Foundation
import GatewayCore
import GatewayHTTP
import GatewayPipeline
import GatewayReconciliation
import GatewayRuntime
import GatewayStorage
import HTTPTypes
import Hummingbird
import Logging

/// The gateway's HTTP dependencies (``application()`` builds the app with `buildApplication`, like `serve`) over an in-memory SQLite database with one user per role, their API tokens and console sessions,
/// two enterprises' shops and one order in the "own" enterprise (`yunlai`).
struct StaffFixture: Sendable {
    /// The callers of the authorization matrix.
    enum Caller: String, CaseIterable, Sendable, CustomStringConvertible {
        case admin
        /// Staff of the enterprise that owns the order (`yunlai`).
        case staffOwn
        /// Staff of another enterprise (`linyin`).
        case staffOther
        case auditor
        /// No credentials at all.
        case anonymous
        var description: String { rawValue }
    }

    static let ownShop = "yunlai-douyin"
    static let otherShop = "linyin-douyin"
    static let orderId = "4984023467827309610"
    static let otherOrderId = "5001"
    static let password = "correct horse battery"
    static let shopEnterprises = [ownShop: "yunlai", otherShop: "linyin"]
    static let liveEventId = "fixture-live"

    let dependencies: GatewayHTTPDependencies
    let staff: SQLiteDatabase
    let audit: SQLiteDatabase
    let inbox: SQLiteInboxStore
    let orders: SQLiteDatabase
    let inventory: SQLiteDatabase
    let supply: SQLiteDatabase
    /// Shipments and their write-backs.
    let shipments: any ShipmentStore
    /// API token secret per caller.
    let tokens: [Caller: String]
    /// Session cookie secret and CSRF token per caller.
    let sessions: [Caller: (cookie: String, csrf: String)]

    static func make(
        lockout: LockoutPolicy = LockoutPolicy(),
        clientThrottle: ThrottlePolicy = .perClient,
        usernameThrottle: ThrottlePolicy = .perUsername
    ) async throws -> StaffFixture {
        let database = try SQLiteDatabase.inMemory()
        let inbox = SQLiteInboxStore(database: database, startingWriter: true)
        let orders = database
        let staff = database
        let audit = database
        let now = SystemClock.now()
        let hash = StaffSecrets.hashPassword(password, cost: 4)
        let users: [(Caller, StaffRole, String?)] = [
            (.admin, .admin, nil), (.staffOwn, .staff, "yunlai"), (.staffOther, .staff, "linyin"), (.auditor, .auditor, nil),
        ]
        var tokens: [Caller: String] = [:]
        var sessions: [Caller: (cookie: String, csrf: String)] = [:]
        for (caller, role, enterprise) in users {
            let user = try await staff.addUser(username: caller.rawValue, role: role, enterpriseId: enterprise, passwordHash: hash, at: now)
            let secret = StaffSecrets.randomToken()
            _ = try await staff.createToken(username: user.username, name: "\(caller)-token", digest: StaffSecrets.digest(secret), at: now)
            tokens[caller] = secret
            let cookie = StaffSecrets.randomToken()
            let csrf = StaffSecrets.randomToken()
            try await staff.createSession(
                StaffSession(
                    digest: StaffSecrets.digest(cookie),
                    userId: user.id,
                    csrfToken: csrf,
                    createdAt: now,
                    expiresAt: now.adding(seconds: 3600)
                )
            )
            sessions[caller] = (cookie, csrf)
        }
        let inventory = database
        let event = LiveEvent(
            id: liveEventId,
            title: "县长直播",
            startsAt: Timestamp(secondsSince1970: 1_764_399_000),
            endsAt: Timestamp(secondsSince1970: 1_764_401_000)
        )
        // Master data for the inventory and supply endpoints: the orders' `sku-apple` stays unmapped, so each shop's
        // order opens one `unmapped_sku` exception (#1 own shop, #2 other shop).
        let master = MasterData(
            enterprises: [Enterprise(id: "yunlai", name: "云来"), Enterprise(id: "linyin", name: "林茵")],
            warehouses: [
                Warehouse(id: "yl-w", enterpriseId: "yunlai", name: "云来仓", regions: ["*"], priority: 1),
                Warehouse(id: "ly-w", enterpriseId: "linyin", name: "林茵仓", regions: ["*"], priority: 1),
            ],
            skus: [
                EnterpriseSKU(code: "YL-APPLE", enterpriseId: "yunlai", product: "apple", grade: "A", netWeightGrams: 2500, title: "苹果"),
                EnterpriseSKU(code: "LY-TEA", enterpriseId: "linyin", product: "tea", grade: "A", netWeightGrams: 250, title: "茶"),
            ]
        )
        let stock = [
            StockLevel(warehouseId: "yl-w", skuCode: "YL-APPLE", onHand: 20), StockLevel(warehouseId: "ly-w", skuCode: "LY-TEA", onHand: 20),
        ]
        _ = try await inventory.seed(MasterDataSeed(masterData: master, stock: stock, liveEvents: [event]), at: now)
        _ = try await database.seedSupply(
            households: [Household(id: "H1", name: "向大山", village: "黄金村", registeredPoor: true, members: 4)],
            lots: [
                SupplyLot(
                    id: "L1",
                    householdId: "H1",
                    enterpriseId: "yunlai",
                    product: "apple",
                    grade: "A",
                    capacityGrams: 500_000,
                    priceFenPerKg: 300,
                    harvestDate: "2026-11-01"
                )
            ],
            policies: [:],
            at: now
        )
        try await seedOrders(inbox: inbox, orders: orders)
        let reconciliation = ReconciliationService(store: database, connectors: [:], now: SystemClock.now)
        _ = try await reconciliation.importStatement(
            text: "platform_order_id,amount_yuan,status,kind\n\(orderId),25.90,paid,sale\n",
            fileName: "seed.csv",
            platform: .douyin,
            shop: ownShop,
            actor: "fixture"
        )
        var dependencies = GatewayHTTPDependencies(
            receivers: [:],
            platforms: [ownShop: .douyin, otherShop: .douyin],
            inbox: inbox,
            orders: orders,
            apiTokens: ["bootstrap-admin-token"],
            maxBodyBytes: 4096,
            metricsRegistry: GatewayMetrics.registry,
            clock: SystemClock.now,
            staff: staff,
            audit: audit,
            shopEnterprises: shopEnterprises,
            access: StaffAccessSettings(lockout: lockout, passwordCost: 4, clientThrottle: clientThrottle, usernameThrottle: usernameThrottle),
            inventory: inventory,
            supply: database,
            reconciliation: reconciliation,
            packing: database
        )
        dependencies.shipments = database
        return StaffFixture(
            dependencies: dependencies,
            staff: staff,
            audit: audit,
            inbox: inbox,
            orders: orders,
            inventory: inventory,
            supply: database,
            shipments: database,
            tokens: tokens,
            sessions: sessions
        )
    }

    static func seedOrders(inbox: SQLiteInboxStore, orders: SQLiteDatabase) async throws {
        var batch: [ProcessedDelivery] = []
        for (index, (shop, id)) in [(ownShop, orderId), (otherShop, otherOrderId)].enumerated() {
            let snapshot = OrderSnapshot(
                status: .paid,
                platformStatus: "2",
                totalFen: 2990,
                paidFen: 2590,
                discountFen: 400,
                createdAt: Timestamp(secondsSince1970: 1_764_400_000),
                paidAt: Timestamp(secondsSince1970: 1_764_400_060),
                lines: [OrderLine(lineId: "l1", productId: "p1", skuId: "sku-apple", title: "云岭苹果 5斤", quantity: 1, paidFen: 2590)],
                buyer: BuyerInfo(maskedName: "张*", maskedPhone: "138****5678", phoneTail: "5678", province: "云南省", city: "昆明市")
            )
            let inboxId = try await inbox.append([
                InboxDelivery(
                    platform: .douyin,
                    shop: shop,
                    deliveryId: "m-\(index)",
                    kind: .push,
                    receivedAt: Timestamp(secondsSince1970: 1),
                    text: "{}"
                )
            ])[0].id
            let observation = OrderObservation(
                key: OrderKey(platform: .douyin, shop: shop, platformOrderId: id),
                source: .detail,
                event: "orderDetail",
                platformUpdatedAt: Timestamp(secondsSince1970: 1_764_400_060),
                status: nil,
                snapshot: snapshot
            )
            batch.append(
                ProcessedDelivery(
                    inboxId: inboxId,
                    deliveryId: "m-\(index)",
                    observations: [
                        PreparedObservation(observation: observation, rawPayload: #"{"order_id":"\#(id)","secret_marker":"raw-\#(index)"}"#)
                    ]
                )
            )
        }
        _ = try await orders.commit(batch, at: SystemClock.now())
    }

    /// The whole application as `gateway serve` builds it (`buildApplication`), on a free port for live tests.
    func application() -> some ApplicationProtocol { buildApplication(dependencies, logger: Logger(label: "test")) }

    /// The router alone (for listing its routes).
    var router: Router<AppRequestContext> { buildGatewayRouter(dependencies, logger: Logger(label: "test")) }

    /// The headers a caller sends: a bearer token for the API, the session cookie for the console.
    func headers(_ caller: Caller, console: Bool) -> HTTPFields {
        guard caller != .anonymous else { return [:] }
        if console { return [.cookie: "gw_session=\(sessions[caller]!.cookie)"] }
        return [.authorization: "Bearer \(tokens[caller]!)"]
    }

    /// The CSRF token of a caller's session.
    func csrf(_ caller: Caller) -> String { sessions[caller]?.csrf ?? "" }
}

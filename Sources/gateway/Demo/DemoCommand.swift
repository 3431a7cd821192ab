import ArgumentParser
import Foundation
import GatewayConfig
import GatewayConnectors
import GatewayCore
import GatewayPipeline
import GatewayRuntime
import GatewayStorage
import Logging
import MockPlatformKit
import Synchronization

/// `gateway demo`: the product's front door. Starts the mock platform and the gateway on a fresh
/// embedded SQLite file, plays a county-head livestream through every configured shop of every
/// platform with repeated, overtaken, dropped and late pushes and failing platform APIs, shows it
/// live, compares the gateway with the platforms' truth, then has a warehouse worker ship one warehouse's
/// paid orders through the staff API (one write-back rejected on purpose, for the 回传失败 queue), checks the
/// write-backs against the platforms' truth, prints the console with demo logins, and keeps serving the
/// staff API and the console until Ctrl-C.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Play a simulated county-head livestream through the mock platform and show it live."
    )

    @Option(name: .long, help: "Configuration file (its shops become the mock platform's shops).")
    var config: String = "config/gateway.yaml"
    @Flag(name: .long, help: "A short run (about 15 seconds).") var quick = false
    @Option(name: .long, help: "Orders in all (default 2400, 300 with --quick).") var orders: Int?
    @Option(name: .long, help: "Average orders per second (flash-sale peaks are about four times higher).") var rate: Double = 20
    @Option(name: .long, help: "Share of pushes repeated.") var duplicates: Double = 0.12
    @Option(name: .long, help: "Share of pushes overtaken by later ones.") var outOfOrder: Double = 0.1
    @Option(name: .long, help: "Share of pushes never sent (polling finds them).") var drop: Double = 0.06
    @Option(name: .long, help: "Share of pushes sent after the livestream.") var late: Double = 0.02
    @Option(name: .long, help: "Share of platform API calls that fail.") var errors: Double = 0.03
    @Option(name: .long, help: "Share of platform API calls that are slow.") var slow: Double = 0.02
    @Option(name: .long, help: "Share of orders cancelled.") var cancel: Double = 0.1
    @Option(name: .long, help: "Share of orders refunded after shipment.") var refund: Double = 0.04
    @Option(name: .long, help: "Seed: the same seed plays the same livestream.") var seed: UInt64 = 2019
    @Option(name: .long, help: "Gateway port (0 picks a free one).") var port: Int?
    @Option(name: .long, help: "Mock platform port (0 picks a free one).") var mockPort: Int?
    @Option(name: .long, help: "Database file for the demo (recreated each run).") var database: String = "data/demo.sqlite"
    @Option(name: .long, help: "What the livestream sells (products, buyers' regions).") var catalog: String = "config/livestream.yaml"
    @Flag(name: .long, help: "Exit after the verdict instead of serving until Ctrl-C.") var noWait = false

    func run() async throws {
        let outcome = try await play()
        if !outcome.comparison.allEqual || outcome.shipping?.asExpected == false { throw ExitCode(1) }
    }

    /// What a demo run ended with.
    struct Outcome {
        var comparison: TruthComparison
        var gatewayURL: String
        /// Deliveries that told the gateway nothing new (issue #14 target 5).
        var repeats: DemoRepeats?
        /// The warehouse worker's shipments and their write-backs (`nil`: nothing to ship).
        var shipping: DemoShipping.Result?
        /// The console's address.
        var consoleURL: String
        /// The demo's console logins (`nil`: no shops configured).
        var logins: DemoLogins?
        /// The live event the board shows.
        var liveEvent: LiveEvent
    }

    /// Plays the demo; `whileServing` runs after the verdict while the gateway and the mock still serve (tests).
    func play(whileServing: (@Sendable (Outcome) async throws -> Void)? = nil) async throws -> Outcome {
        var logger = Logger(label: "demo")
        logger.logLevel = .error
        var configuration: GatewayConfiguration
        do {
            configuration = try ConfigurationLoader().load(path: config)
        } catch let error as ConfigurationError {
            print(error)
            throw ExitCode(2)
        }
        // The demo recreates its database and adds demo logins to it: never the configured (non-demo) one.
        if configuration.storage.url.hasPrefix("sqlite:"),
            URL(fileURLWithPath: String(configuration.storage.url.dropFirst("sqlite:".count))).standardizedFileURL
                == URL(fileURLWithPath: database).standardizedFileURL
        {
            print("error: --database \(database) is the configured gateway database; the demo needs its own file")
            throw ExitCode(2)
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        configuration.storage.url = "sqlite:" + database
        // Youzan has no order API to poll, but its write-back goes to the mock too, with a demo access token.
        for index in configuration.shops.indices where configuration.shops[index].platform == .youzan {
            if configuration.shops[index].credentials["access_token", default: ""].isEmpty {
                configuration.shops[index].credentials["access_token"] = "demo-youzan-access-token"
            }
        }

        let display = DemoDisplay()
        let mock = MockPlatform(configuration: configuration, seed: seed, logger: logger)
        let mockPortNumber: Int
        do {
            mockPortNumber = try await mock.start(port: mockPort ?? Self.port(of: configuration.shops.first?.apiBase) ?? 9090)
        } catch {
            print("cannot start the mock platform: \(error). Is the port taken? Try --mock-port 0.")
            throw ExitCode(1)
        }
        for index in configuration.shops.indices where configuration.shops[index].apiBase != nil {
            configuration.shops[index].apiBase = mock.baseURL
            configuration.shops[index].poll.intervalSeconds = 2  // the backstop finds dropped pushes within seconds
            // The mock's order index has no lag (real PDD needs 180 s); shops with pushes give them a few seconds' head
            // start, so the backstop lists rows whose push was dropped rather than rows whose push is on its way.
            let pushes = configuration.shops[index].platform.receivesWebhooks
            configuration.shops[index].poll.settleSeconds = pushes ? 5 : 1
        }
        for index in configuration.shops.indices where configuration.shops[index].platform == .youzan {
            configuration.shops[index].apiBase = mock.baseURL
        }
        if let port { configuration.server.port = port }
        let token = ProcessInfo.processInfo.environment["GATEWAY_ADMIN_TOKEN"] ?? "demo-" + UUID().uuidString.prefix(8).lowercased()
        let gateway = try GatewayServer(configuration: configuration, apiTokens: [token], logger: logger)
        let gatewayPort: Int
        do {
            gatewayPort = try await gateway.start()
        } catch {
            await mock.shutdown()
            print("cannot start the gateway: \(error). Is port \(configuration.server.port) taken? Try --port 0.")
            throw ExitCode(1)
        }
        let gatewayURL = "http://127.0.0.1:\(gatewayPort)"
        display.log("🍊 Baojing county-head ponkan livestream — mock platform \(mock.baseURL), gateway \(gatewayURL), database \(database)")

        let options = LivestreamOptions(
            orders: orders ?? (quick ? 300 : 2400),
            ratePerSecond: quick ? max(rate, 30) : rate,
            seed: seed,
            duplicateRate: duplicates,
            outOfOrderRate: outOfOrder,
            dropRate: drop,
            lateRate: late,
            errorRate: errors,
            slowRate: slow,
            cancelRate: cancel,
            refundRate: refund
        )
        let products: LivestreamCatalog
        do {
            products = try LivestreamCatalog.load(path: catalog)
        } catch {
            await gateway.shutdown()
            await mock.shutdown()
            print("error: \(error)")
            throw ExitCode(2)
        }
        let scenario = LivestreamScenario(mock: mock, options: options, catalog: products)
        let shopList: String = scenario.shops.map { "\($0.shopKey) (\($0.platform.rawValue))" }.joined(separator: ", ")
        display.log("   \(options.orders) orders over about \(Int(options.effectiveDuration)) s on \(scenario.shops.count) shops: \(shopList)")
        let eventId = "county-head-" + String(Int(Date().timeIntervalSince1970))
        let liveEvent = try await DemoFulfilmentSummary.registerLiveEvent(
            gateway.stores,
            id: eventId,
            shops: scenario.shops.map(\.shopKey),
            roomId: products.roomId,
            authorId: products.authorId,
            seconds: options.effectiveDuration,
            clock: gateway.clock
        )
        let progress = ProgressBoard()
        let started = Date()
        let refresher = Task {
            while !Task.isCancelled {
                if let statistics = try? await gateway.stores.orders.statistics(), let inbox = try? await gateway.stores.inbox.counts() {
                    display.update(elapsed: Date().timeIntervalSince(started), progress: progress.snapshot(), statistics: statistics, inbox: inbox)
                }
                try? await Task.sleep(for: .milliseconds(250))
            }
        }
        let stats = try await scenario.run(gatewayBaseURL: gatewayURL) { update in progress.set(update) }

        // Wait for the pipeline and the backstop poller to converge on the platform's truth.
        var comparison = try await converge(mock: mock, gateway: gateway)
        refresher.cancel()
        _ = await refresher.result

        // The warehouse worker ships the paid orders of one warehouse; the platforms' answers come back as pushes
        // (recorded by the mock, delivered here) or through the backstop poller.
        var shipping: DemoShipping.Result?
        var logins: DemoLogins?
        var shippable: [String: String] = [:]
        for shop in configuration.shops where shop.apiBase != nil && Courier.allCases.contains(where: { $0.code(on: shop.platform) != nil }) {
            shippable[shop.key] = shop.enterprise
        }
        let day = CalendarDay.beijing(gateway.clock.now())
        let plan = try await DemoShipping.plan(gateway.stores, shippableShops: shippable, day: day)
        // The worker belongs to the shipping warehouse's enterprise (without one: the first shop's).
        if let enterprise = plan?.warehouse.enterpriseId ?? configuration.shops.first?.enterprise {
            logins = try await DemoLogins.create(gateway.stores, workerEnterprise: enterprise, at: gateway.clock.now())
        }
        if let shipmentStore = gateway.stores.shipments, let plan, let created = logins {
            let rejectingShop = plan.orders.first?.shop
            if let rejectingShop { mock.setShipFaults(MockShipFaults(rejections: 1), shop: rejectingShop) }
            display.log(
                "📦 warehouse worker \(created.worker.username) ships \(plan.orders.count) paid orders of \(plan.warehouse.id) (\(plan.warehouse.name)) through the staff API"
            )
            let recording = await DemoShipping.record(
                plan.orders,
                gatewayURL: gatewayURL,
                token: created.workerToken,
                numbers: DemoTrackingNumbers(seed: seed)
            )
            let shops = Set(plan.orders.map { $0.shop })
            let deadline = Date().addingTimeInterval(45 + Double(plan.orders.count) / 5)
            var settlement = try await DemoShipping.settlement(shipmentStore, shops: shops)
            var lastPrinted = Date.distantPast
            while settlement.waiting > 0 && Date() < deadline {
                if Date().timeIntervalSince(lastPrinted) >= 2 {
                    lastPrinted = Date()
                    display.log(
                        "   write-backs: \(settlement.confirmed.count) confirmed, \(settlement.needingStaff.count) for staff, \(settlement.waiting) waiting"
                    )
                }
                try await Task.sleep(for: .milliseconds(250))
                settlement = try await DemoShipping.settlement(shipmentStore, shops: shops)
            }
            display.log(
                "   write-backs settled: \(settlement.confirmed.count) confirmed, \(settlement.needingStaff.count) for staff, \(settlement.waiting) waiting"
            )
            _ = try? await mock.deliverShipPushes(to: gatewayURL)
            comparison = try await converge(mock: mock, gateway: gateway)
            shipping = DemoShipping.Result(
                warehouse: plan.warehouse,
                worker: created.worker.username,
                recorded: recording.recorded,
                refused: recording.refused,
                rejectingShop: rejectingShop,
                settlement: settlement,
                mismatches: DemoShipping.mismatches(settlement.confirmed, truth: mock.truth())
            )
        }
        var repeats: DemoRepeats?
        if let statistics = try? await gateway.stores.orders.statistics(), let inbox = try? await gateway.stores.inbox.counts() {
            display.update(elapsed: Date().timeIntervalSince(started), progress: progress.snapshot(), statistics: statistics, inbox: inbox)
            repeats = DemoRepeats(statistics: statistics, inbox: inbox, unchanged: try? await gateway.stores.orders.deliveriesWithoutChange())
        }
        display.finish()

        print("")
        for platform in stats.keys.sorted() {
            guard let p = stats[platform] else { continue }
            let orderPart: String = "\(p.ordersPlaced) orders (\(p.ordersPaid) paid, \(p.ordersCancelled) cancelled, \(p.refunds) refunded)"
            let pushPart: String =
                "\(p.pushesSent) pushes sent, \(p.duplicatesSent) repeated, \(p.outOfOrder) out of order, \(p.dropped) dropped, \(p.late) late"
            print("platform \(platform): \(orderPart), \(pushPart)")
        }
        if comparison.allEqual {
            print("✅ verdict: the gateway equals the platforms' truth — \(comparison.compared) orders, every status, amount and line.")
        } else {
            print("❌ verdict: \(comparison.differences.count) difference(s) over \(comparison.compared) orders:")
            for difference in comparison.differences.prefix(50) { print("   - \(difference)") }
        }
        if let repeats { print(repeats.line) }
        if let shipping {
            for line in shipping.lines { print(line) }
        } else {
            print("shipping: no warehouse has paid orders its enterprise's shops can write back (too few orders?)")
        }
        _ = try? await gateway.stockWriteBack.syncOnce()
        let withoutStockAPI = Set(gateway.registry.connectors.filter { !$0.value.supportsStockWriteBack }.keys)
        for line in (try? await DemoFulfilmentSummary.lines(gateway.stores, eventId: eventId, withoutStockAPI: withoutStockAPI)) ?? [] {
            print(line)
        }
        print("")
        print("live event:  curl -H 'Authorization: Bearer \(token)' \(gatewayURL)/api/v1/live-events/\(eventId)")
        print("staff API:   curl -H 'Authorization: Bearer \(token)' \(gatewayURL)/api/v1/orders?limit=5")
        if let first = try await gateway.stores.orders.orders(matching: OrderQuery(limit: 1)).first {
            print(
                "one order:   curl -H 'Authorization: Bearer \(token)' \(gatewayURL)/api/v1/orders/\(first.key.platform.rawValue)/\(first.key.shop)/\(first.key.platformOrderId)"
            )
        }
        print("metrics:     \(gatewayURL)/metrics     platform truth: \(mock.baseURL)/_mock/truth")
        let consoleURL = gatewayURL + "/console"
        print("")
        print("console:     \(consoleURL)   (live board \(consoleURL)/board, 回传失败 queue \(consoleURL)/shipping)")
        if let logins {
            print("  admin:             \(logins.admin.username) / \(logins.admin.password)")
            print("  warehouse worker:  \(logins.worker.username) / \(logins.worker.password)   (staff of \(logins.workerEnterprise))")
            print("  (demo logins, in this demo database only; the passwords are shown once)")
        }
        let outcome = Outcome(
            comparison: comparison,
            gatewayURL: gatewayURL,
            repeats: repeats,
            shipping: shipping,
            consoleURL: consoleURL,
            logins: logins,
            liveEvent: liveEvent
        )
        if let whileServing {
            do {
                try await whileServing(outcome)
            } catch {
                await gateway.shutdown()
                await mock.shutdown()
                throw error
            }
        }

        if !noWait {
            print("serving until Ctrl-C …")
            fflush(nil)  // every stream: the console address and logins are needed now, also when the output is a pipe or a file
            let signals = SignalStream()
            await signals.next()
        }
        await gateway.shutdown()
        await mock.shutdown()
        return outcome
    }

    /// Waits (up to 30 s) for the gateway to equal the platforms' truth; returns the last comparison.
    func converge(mock: MockPlatform, gateway: GatewayServer) async throws -> TruthComparison {
        var comparison = TruthComparison.compare(truth: mock.truth(), orders: [])
        for _ in 0..<120 {
            let stored = try await gateway.stores.orders.orders(matching: OrderQuery(limit: 1_000_000))
            comparison = TruthComparison.compare(truth: mock.truth(), orders: stored)
            if comparison.allEqual { break }
            try await Task.sleep(for: .milliseconds(250))
        }
        return comparison
    }

    static func port(of url: String?) -> Int? {
        guard let url, let last = url.split(separator: ":").last else { return nil }
        return Int(last.filter(\.isNumber))
    }
}

/// The latest livestream counts per platform, updated from the scenario's callbacks.
final class ProgressBoard: Sendable {
    private let state = Mutex<[String: LivestreamStats]>([:])
    func set(_ stats: [String: LivestreamStats]) { state.withLock { $0 = stats } }
    func snapshot() -> [String: LivestreamStats] { state.withLock { $0 } }
}

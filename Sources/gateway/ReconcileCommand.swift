import ArgumentParser
import AsyncHTTPClient
import Foundation
import GatewayConfig
import GatewayConnectors
import GatewayCore
import GatewayHTTP
import GatewayImport
import GatewayPipeline
import GatewayReconciliation
import GatewayRuntime
import GatewayStorage

/// `gateway reconcile`: import platform statements and work through the differences (对账).
struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Reconcile platform statements (对账): import, list, show, resolve.",
        subcommands: [ImportStatement.self, List.self, Show.self, Resolve.self]
    )

    /// `gateway reconcile import FILE --platform P --shop S`.
    struct ImportStatement: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import a statement file, match it with the gateway's orders and store the run."
        )

        @Argument(help: "The statement file (CSV or tab-separated; UTF-8 or GB18030).")
        var file: String

        @Option(name: .long, help: "Platform of the statement (default: the shop's platform).")
        var platform: String?

        @Option(name: .long, help: "Shop key from the configuration.")
        var shop: String

        @Option(name: .long, help: "Statement format (\(StatementFormat.allCases.map(\.rawValue).joined(separator: ", "))); detected when omitted.")
        var format: String?

        @Option(name: .long, help: "First day of the order period, YYYY-MM-DD (China time); default: the statement's order times.")
        var from: String?

        @Option(name: .long, help: "Last day of the order period, YYYY-MM-DD (inclusive).")
        var to: String?

        @Option(
            name: .long,
            help: "Amount tolerance in fen: differences up to this count as matched (default: the shop's reconciliation.tolerance_fen)."
        )
        var toleranceFen: Int64?

        @Option(name: .long, help: "Who imports (default cli:$USER).")
        var actor: String?

        @Flag(name: .long, help: "Do not ask the platform API about orders missing in the gateway.")
        var noLookup = false

        @OptionGroup var options: ConfigOptions

        func run() async throws {
            let configuration = try options.load()
            let shopConfiguration = configuration.shops.first { $0.key == shop }
            guard let platform = try resolvePlatform(shopConfiguration) else { throw ExitCode(2) }
            var statementFormat: StatementFormat?
            if let format {
                guard let known = StatementFormat(rawValue: format) else {
                    Terminal.error("unknown format \(format); known: \(StatementFormat.allCases.map(\.rawValue).joined(separator: ", "))")
                    throw ExitCode(2)
                }
                statementFormat = known
            }
            let period = try periodOption()
            guard let data = FileManager.default.contents(atPath: file) else {
                Terminal.error("cannot read \(file)")
                throw ExitCode(1)
            }
            let database = try ReconcileStorage.open(configuration)
            var connectors: [String: any PlatformConnector] = [:]
            if shopConfiguration != nil {
                connectors = try buildConnectorRegistry(configuration: configuration, http: HTTPClient.shared, clock: StoreAccess.clock).connectors
            } else {
                Terminal.error("warning: shop \(shop) is not in \(options.config); orders missing in the gateway will not be looked up")
            }
            let service = ReconciliationService(
                store: database,
                connectors: connectors,
                toleranceFen: [shop: toleranceFen ?? shopConfiguration?.reconciliationToleranceFen ?? 0],
                maxLookups: noLookup ? 0 : 200,
                now: StoreAccess.clock.now
            )
            let fileName = (file as NSString).lastPathComponent
            let detail: ReconciliationRunDetail
            do {
                detail = try await service.importStatement(
                    bytes: Array(data),
                    fileName: fileName,
                    platform: platform,
                    shop: shop,
                    format: statementFormat,
                    period: period,
                    actor: actor ?? ReconcileStorage.defaultActor
                )
            } catch let error as ImportError {
                Terminal.error("\(error)")
                throw ExitCode(1)
            }
            print(ReconcileReport.summary(detail, imported: true))
        }

        private func resolvePlatform(_ shopConfiguration: ShopConfiguration?) throws -> Platform? {
            let configured = shopConfiguration?.platform
            guard let platform else {
                if configured == nil { Terminal.error("shop \(shop) is not configured; pass --platform") }
                return configured
            }
            guard let parsed = Platform(rawValue: platform) else {
                Terminal.error("unknown platform \(platform); known: \(Platform.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            if let configured, configured != parsed {
                Terminal.error("shop \(shop) is a \(configured.rawValue) shop, not \(parsed.rawValue)")
                return nil
            }
            return parsed
        }

        private func periodOption() throws -> ReconciliationPeriod? {
            guard from != nil || to != nil else { return nil }
            guard let from, let to, let start = StatementTime.parse(from), let end = StatementTime.parse(to), start <= end else {
                Terminal.error("--from and --to must both be dates like 2026-05-31, --from not after --to")
                throw ExitCode(2)
            }
            return ReconciliationPeriod(from: start, to: end.adding(seconds: 86_400))
        }
    }

    /// `gateway reconcile list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List reconciliation runs, newest first.")

        @Option(name: .long, help: "Only this shop.")
        var shop: String?

        @Option(name: .long, help: "At most this many runs.")
        var limit: Int = 50

        @Flag(name: .long, help: "Print the staff API's JSON ({\"items\":[…],\"next\":null}) instead of lines.")
        var json = false

        @OptionGroup var options: ConfigOptions

        func run() async throws {
            let store = try ReconcileStorage.open(try options.load())
            let runs = try await store.runs(shops: shop.map { [$0] }, limit: limit, offset: 0)
            if json {
                try JSONOutput.printPage(runs.map(ReconciliationRunResponse.init))
                return
            }
            if runs.isEmpty { print("no reconciliation runs") }
            for run in runs { print(ReconcileReport.listLine(run)) }
        }
    }

    /// `gateway reconcile show RUN [--csv]`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a run's totals and lines, or export them as CSV.")

        @Argument(help: "The run id.")
        var runId: Int64

        @Flag(name: .long, help: "Print the lines as CSV (UTF-8 with BOM; the API's JSON keys as columns) instead of a table.")
        var csv = false

        @OptionGroup var options: ConfigOptions

        func run() async throws {
            let store = try ReconcileStorage.open(try options.load())
            guard let detail = try await store.run(id: runId) else {
                Terminal.error("no reconciliation run \(runId)")
                throw ExitCode(1)
            }
            if csv {
                FileHandle.standardOutput.write(Data(ReconciliationLineResponse.csv(detail.lines).utf8))
            } else {
                print(ReconcileReport.summary(detail))
                print(ReconcileReport.lines(detail))
            }
        }
    }

    /// `gateway reconcile resolve RUN LINE --reason R --note N`.
    struct Resolve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "resolve", abstract: "Resolve one line of a run with a reason and a note.")

        @Argument(help: "The run id.")
        var runId: Int64

        @Argument(help: "The line number within the run (see `gateway reconcile show RUN`).")
        var line: Int

        @Option(name: .long, help: "Why the difference is acceptable (e.g. refund-after-settlement, platform-adjustment, test-order).")
        var reason: String

        @Option(name: .long, help: "A note for the record.")
        var note: String = ""

        @Option(name: .long, help: "Who resolves (default cli:$USER).")
        var actor: String?

        @OptionGroup var options: ConfigOptions

        func run() async throws {
            let database = try ReconcileStorage.open(try options.load())
            let service = ReconciliationService(store: database, connectors: [:], now: StoreAccess.clock.now)
            let resolved: ReconciliationRunLine?
            do {
                resolved = try await service.resolve(
                    runId: runId,
                    lineNumber: line,
                    reason: reason,
                    note: note,
                    actor: actor ?? ReconcileStorage.defaultActor
                )
            } catch let error as ReconciliationServiceError {
                Terminal.error("\(error)")
                throw ExitCode(2)
            }
            guard let resolved else {
                Terminal.error("run \(runId) has no line \(line)")
                throw ExitCode(1)
            }
            print("resolved run \(runId) line \(line) (\(resolved.line.classification.rawValue) \(resolved.line.platformOrderId)): \(reason)")
        }
    }
}

/// Opening the reconciliation store from the configuration's storage URL.
enum ReconcileStorage {
    /// `cli:$USER`.
    static var defaultActor: String { "cli:" + (ProcessInfo.processInfo.environment["USER"] ?? "unknown") }

    /// The SQLite database of `storage.url`; exits with a message for other URLs.
    static func open(_ configuration: GatewayConfiguration) throws -> SQLiteDatabase {
        let url = configuration.storage.url
        guard url.hasPrefix("sqlite:"), url.count > "sqlite:".count else {
            Terminal.error("reconciliation needs SQLite storage (sqlite:PATH); storage.url is \(url)")
            throw ExitCode(2)
        }
        guard let keys = configuration.storage.dataKeys else {
            Terminal.error(StorageError.missingDataKeys.message)
            throw ExitCode(2)
        }
        return try SQLiteDatabase.open(path: String(url.dropFirst("sqlite:".count)), synchronous: configuration.storage.synchronous, keys: keys)
    }
}

/// Writing to standard error.
enum Terminal {
    /// Prints a line to standard error.
    static func error(_ message: String) { FileHandle.standardError.write(Data((message + "\n").utf8)) }
}

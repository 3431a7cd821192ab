import ArgumentParser
import Foundation
import GatewayConfig
import GatewayCore
import GatewayImport
import GatewayStorage

/// `gateway import …`: master data from CSV files. A file with any bad row changes nothing.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import master data from CSV (every bad row is reported with its line; nothing is half-imported).",
        subcommands: [Skus.self, Stock.self, Households.self, Lots.self]
    )

    /// `gateway import skus FILE.csv`.
    struct Skus: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Enterprise SKUs (sku_code,enterprise,product,grade,net_weight_kg,title) or SKU mappings (shop,platform_sku_id,platform_product_id,sku_code,quantity)."
        )
        @OptionGroup var options: ConfigOptions
        @Argument(help: "The CSV file.") var file: String

        func run() async throws { try await importMasterData(file: file, options: options) }
    }

    /// `gateway import stock FILE.csv`.
    struct Stock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stock levels (warehouse,sku_code,on_hand,safety).")
        @OptionGroup var options: ConfigOptions
        @Argument(help: "The CSV file.") var file: String

        func run() async throws { try await importMasterData(file: file, options: options) }
    }
}

extension ImportCommand {
    /// `gateway import households FILE.csv`.
    struct Households: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The household registry (household_id,name,village,cooperative,base,registered_poor,members,show_name)."
        )
        @OptionGroup var options: ConfigOptions
        @Argument(help: "The CSV file.") var file: String

        func run() async throws {
            try await importSupply(file: file, options: options) { document, _ in (try HouseholdRegistryImport.parse(document), []) }
        }
    }

    /// `gateway import lots FILE.csv`.
    struct Lots: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Supply lots (lot_id,household_id,enterprise,product,grade,capacity_kg,price_yuan_per_kg,harvest_date,available_from,available_to)."
        )
        @OptionGroup var options: ConfigOptions
        @Argument(help: "The CSV file.") var file: String

        func run() async throws {
            try await importSupply(file: file, options: options) { document, known in
                ([], try SupplyLotImport.parse(document, knownHouseholds: known))
            }
        }
    }
}

/// Reads, checks and applies a household or lot file; prints what changed.
private func importSupply(
    file: String,
    options: ConfigOptions,
    parse: (CSVDocument, Set<String>) throws -> ([Household], [SupplyLot])
) async throws {
    let configuration = try options.load()
    let stores = try await StoreAccess.open(configuration)
    let parsed: ([Household], [SupplyLot])
    do {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ImportError(source: file, problems: [ImportProblem(line: nil, message: "cannot read the file")])
        }
        let document = try CSVDocument.parse(String(decoding: data, as: UTF8.self), source: file)
        parsed = try parse(document, try await stores.supply.householdIds())
    } catch let error as ImportError {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        throw ExitCode(1)
    }
    do {
        let summary = try await stores.supply.importSupply(households: parsed.0, lots: parsed.1, actor: StoreAccess.actor, at: StoreAccess.now())
        print("imported \(parsed.0.count) household(s) and \(parsed.1.count) lot(s) from \(file)")
        print("orders waiting for supply re-run: \(summary.ordersRerun), exceptions resolved: \(summary.exceptionsResolved)")
    } catch let error as InventoryStoreError {
        FileHandle.standardError.write(Data("\(file): \(error)\n".utf8))
        throw ExitCode(1)
    }
}

/// Reads, checks and applies a SKU, mapping or stock file; prints what changed.
private func importMasterData(file: String, options: ConfigOptions) async throws {
    let configuration = try options.load()
    let stores = try await StoreAccess.open(configuration)
    let document: CSVDocument
    let change: MasterDataSeed
    do {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ImportError(source: file, problems: [ImportProblem(line: nil, message: "cannot read the file")])
        }
        document = try CSVDocument.parse(String(decoding: data, as: UTF8.self), source: file)
        change = try SkuCatalogImport.parse(document, known: try await stores.inventory.masterData(), shops: Set(configuration.shops.map(\.key)))
    } catch let error as ImportError {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        throw ExitCode(1)
    }
    do {
        let summary = try await stores.inventory.apply(change, actor: StoreAccess.actor, at: StoreAccess.now())
        let changed = summary.changed.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("imported \(document.rows.count) row(s) from \(file): \(changed.isEmpty ? "nothing changed" : changed)")
        print("held orders re-run: \(summary.ordersRerun), exceptions resolved: \(summary.exceptionsResolved)")
    } catch let error as InventoryStoreError {
        FileHandle.standardError.write(Data("\(file): \(error)\n".utf8))
        throw ExitCode(1)
    }
}

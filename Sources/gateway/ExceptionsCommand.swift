import ArgumentParser
import Foundation
import GatewayConfig
import GatewayCore
import GatewayHTTP
import GatewayStorage

/// `gateway exceptions …`: the queue of orders held by unmapped SKUs, overselling or missing supply.
struct ExceptionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exceptions",
        abstract: "List and resolve exceptions that hold orders.",
        subcommands: [List.self, Resolve.self],
        defaultSubcommand: List.self
    )

    /// `gateway exceptions list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List exceptions (open by default).")
        @OptionGroup var options: ConfigOptions
        @Option(help: "open, resolved or all.") var status: String = "open"
        @Option(help: "unmapped_sku, oversold, no_supply or unprocessable.") var kind: String?
        @Option(help: "Only this shop.") var shop: String?
        @Option(help: "At most this many.") var limit: Int = 100
        @Flag(help: "Print the staff API's JSON ({\"items\":[…],\"next\":null}) instead of lines.") var json = false

        func run() async throws {
            let stores = try await StoreAccess.open(try options.load())
            var query = ExceptionQuery(status: nil, limit: limit)
            if status != "all" {
                guard let value = ExceptionStatus(rawValue: status) else { throw ValidationError("--status must be open, resolved or all") }
                query.status = value
            }
            if let kind {
                guard let value = ExceptionKind(rawValue: kind) else {
                    throw ValidationError("--kind must be unmapped_sku, oversold, no_supply or unprocessable")
                }
                query.kind = value
            }
            if let shop { query.shops = [shop] }
            let exceptions = try await stores.inventory.exceptions(query)
            if json {
                try JSONOutput.printPage(exceptions.map(ExceptionResponse.init))
                return
            }
            if exceptions.isEmpty {
                print("no \(status == "all" ? "" : status + " ")exceptions")
                return
            }
            for exception in exceptions {
                let line = exception.lineId.map { " line \($0)" } ?? ""
                let resolved = exception.resolvedBy.map { " — resolved by \($0)\(exception.note.map { ": \($0)" } ?? "")" } ?? ""
                print(
                    "#\(exception.id) [\(exception.status.rawValue)] \(exception.kind.rawValue) \(exception.order)\(line): \(exception.message)\(resolved)"
                )
            }
            print("\(exceptions.count) exception(s)")
        }
    }

    /// `gateway exceptions resolve ID --note TEXT [--dismiss]`.
    struct Resolve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Re-run an exception's order; resolve it when its cause is gone (or --dismiss).")
        @OptionGroup var options: ConfigOptions
        @Argument(help: "The exception id.") var id: Int64
        @Option(help: "What was done (kept with the exception and in the audit log).") var note: String
        @Flag(help: "Close the line without stock (handled outside the gateway).") var dismiss = false

        func run() async throws {
            let stores = try await StoreAccess.open(try options.load())
            do {
                let result = try await stores.inventory.resolveException(
                    id: id,
                    note: note,
                    dismiss: dismiss,
                    actor: StoreAccess.actor,
                    at: StoreAccess.now()
                )
                if result.resolved {
                    print("#\(id) resolved")
                } else {
                    print("#\(id) is still open: \(result.reason ?? "its cause is still there")")
                    throw ExitCode(3)
                }
            } catch let error as InventoryStoreError {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}

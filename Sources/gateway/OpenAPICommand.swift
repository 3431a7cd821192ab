import ArgumentParser
import Foundation
import GatewayHTTP

/// `gateway openapi [--format json|yaml|markdown]`: the staff API's OpenAPI document, as the server serves it at
/// `/api/v1/openapi.json` — for generating a client offline, and the README's endpoint table (`markdown`).
struct OpenAPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi",
        abstract: "Print the staff API's OpenAPI 3.1 document (json, yaml) or the README's endpoint table (markdown)."
    )

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json
        case yaml
        case markdown
    }

    @Option(help: "json, yaml or markdown.") var format: Format = .json

    func run() throws {
        let document = OpenAPIDocument.bundled
        let text =
            switch format {
            case .json: document.json
            case .yaml: document.yaml
            case .markdown: document.markdownTable()
            }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

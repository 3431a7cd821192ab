/// A named Mustache template embedded in the binary (no files to deploy, no build step).
struct ConsoleTemplate: Sendable {
    /// The name pages render it by.
    let name: String
    /// The Mustache source (HTML-escaping `{{x}}`, raw `{{{x}}}` only for HTML the console built itself).
    let source: String
}

/// Every console template. A new page adds its template in `Templates/ConsoleTemplates+Page.swift` and lists it here.
enum ConsoleTemplates {
    static let all: [ConsoleTemplate] = [
        layout, login, error, orders, order, exceptions, inventory, board, reconciliation, reconciliationRun, households, household, api,
        pickLists, pickList, packing, labels, shipping,
    ]
}

/// One entry of the console's navigation bar.
struct ConsoleNavigationItem: Sendable {
    /// Stable id (`orders`); pages pass it as `active` to highlight their entry.
    let id: String
    /// The link target.
    let path: String
    /// The ``ConsoleStrings`` key of its label.
    let labelKey: String
    /// `false`: the page is not built yet and ``ConsolePlaceholderController`` shows "即将推出" there.
    let ready: Bool
}

/// The console's navigation, in display order. Building a page: set `ready: true` and register its controller in
/// ``addConsoleRoutes(to:dependencies:renderer:throttle:)``; the placeholder for that path goes away by itself.
enum ConsoleNavigation {
    static let items: [ConsoleNavigationItem] = [
        ConsoleNavigationItem(id: "board", path: "/console/board", labelKey: "nav.board", ready: true),
        ConsoleNavigationItem(id: "orders", path: "/console/orders", labelKey: "nav.orders", ready: true),
        ConsoleNavigationItem(id: "exceptions", path: "/console/exceptions", labelKey: "nav.exceptions", ready: true),
        ConsoleNavigationItem(id: "inventory", path: "/console/inventory", labelKey: "nav.inventory", ready: true),
        ConsoleNavigationItem(id: "households", path: "/console/households", labelKey: "nav.households", ready: true),
        ConsoleNavigationItem(id: "reconciliation", path: "/console/reconciliation", labelKey: "nav.reconciliation", ready: true),
        ConsoleNavigationItem(id: "api", path: "/console/api", labelKey: "nav.api", ready: true),
    ]
}

/// One entry of the console's navigation bar.
struct ConsoleNavigationItem: Sendable {
    /// Stable id (`orders`); pages pass it as `active` to highlight their entry.
    let id: String
    /// The link target.
    let path: String
    /// The ``ConsoleStrings`` key of its label.
    let labelKey: String
}

/// The console's navigation, in display order. A new page adds its entry here and registers its controller in
/// ``addConsoleRoutes(to:dependencies:renderer:throttle:)``.
enum ConsoleNavigation {
    static let items: [ConsoleNavigationItem] = [
        ConsoleNavigationItem(id: "board", path: "/console/board", labelKey: "nav.board"),
        ConsoleNavigationItem(id: "orders", path: "/console/orders", labelKey: "nav.orders"),
        ConsoleNavigationItem(id: "exceptions", path: "/console/exceptions", labelKey: "nav.exceptions"),
        ConsoleNavigationItem(id: "inventory", path: "/console/inventory", labelKey: "nav.inventory"),
        ConsoleNavigationItem(id: "pickLists", path: "/console/pick-lists", labelKey: "nav.pickLists"),
        ConsoleNavigationItem(id: "shipping", path: "/console/shipping", labelKey: "nav.shipping"),
        ConsoleNavigationItem(id: "households", path: "/console/households", labelKey: "nav.households"),
        ConsoleNavigationItem(id: "reconciliation", path: "/console/reconciliation", labelKey: "nav.reconciliation"),
        ConsoleNavigationItem(id: "api", path: "/console/api", labelKey: "nav.api"),
    ]
}

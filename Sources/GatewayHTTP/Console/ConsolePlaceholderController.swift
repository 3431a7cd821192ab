import Hummingbird

/// "即将推出" pages for navigation entries whose page is not built yet (``ConsoleNavigationItem/ready`` is `false`).
struct ConsolePlaceholderController: Sendable {
    let renderer: ConsoleRenderer

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        for item in ConsoleNavigation.items where !item.ready {
            let path = String(item.path.dropFirst("/console".count))
            group.get(RouterPath(path)) { request, context in
                _ = try context.requirePrincipal()
                return self.renderer.page(
                    "placeholder",
                    titleKey: item.labelKey,
                    active: item.id,
                    data: ["heading": ConsoleStrings.text(item.labelKey, context.language)],
                    request: request,
                    context: context
                )
            }
        }
    }
}

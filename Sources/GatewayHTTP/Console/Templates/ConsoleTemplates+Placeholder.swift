extension ConsoleTemplates {
    /// The "即将推出" page for navigation entries that are not built yet.
    static let placeholder = ConsoleTemplate(
        name: "placeholder",
        source: #"""
            <h1>{{heading}}</h1>
            <div class="card" id="coming-soon"><strong>{{t.common_comingSoon}}</strong> — {{t.common_comingSoonBody}}</div>
            """#
    )
}

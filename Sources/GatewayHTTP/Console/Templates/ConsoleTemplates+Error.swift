extension ConsoleTemplates {
    /// An error page body (403, 404, CSRF…).
    static let error = ConsoleTemplate(
        name: "error",
        source: #"""
            <h1>{{t.error_title}} <span class="muted">({{status}})</span></h1>
            <div class="notice error" id="error-message">{{message}}</div>
            <p><a href="/console/orders">{{t.common_back}}</a></p>
            """#
    )
}

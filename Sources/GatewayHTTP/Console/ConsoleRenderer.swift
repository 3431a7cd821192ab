import Foundation
import GatewayCore
import HTTPTypes
import Hummingbird
import Mustache

/// Renders console pages: the page's template, then the layout around it (navigation, user, language switch, CSRF token).
struct ConsoleRenderer: Sendable {
    private let library: MustacheLibrary

    /// Compiles every template in ``ConsoleTemplates/all``; a template with a syntax error stops the process at start-up,
    /// never at request time (the tests render every page).
    init() {
        var library = MustacheLibrary()
        for template in ConsoleTemplates.all {
            do {
                try library.register(template.source, named: template.name)
            } catch {
                preconditionFailure("console template \(template.name) does not parse: \(error)")
            }
        }
        self.library = library
    }

    /// A full HTML page.
    /// - Parameters:
    ///   - template: the page template's name.
    ///   - titleKey: the ``ConsoleStrings`` key of the page title.
    ///   - active: the navigation entry to highlight.
    ///   - data: the page template's values (`t`, `lang` and `csrf` are added).
    ///   - status: the response status.
    func page(
        _ template: String,
        titleKey: String,
        active: String?,
        data: [String: Any],
        request: Request,
        context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let language = context.language
        let strings = ConsoleStrings.dictionary(language)
        var pageData = data
        pageData["t"] = strings
        pageData["lang"] = language.rawValue
        pageData["csrf"] = context.session?.csrfToken ?? ""
        let body = library.render(pageData, withTemplate: template) ?? ""
        var layout: [String: Any] = [
            "t": strings,
            "htmlLang": language.htmlLang,
            "title": ConsoleStrings.text(titleKey, language),
            "body": body,
            "csrf": context.session?.csrfToken ?? "",
            "languageHref": Self.languageHref(request, switchingFrom: language),
        ]
        if let principal = context.principal {
            var user: [String: Any] = [
                "username": principal.user.username,
                "roleLabel": ConsoleStrings.text("role.\(principal.role.rawValue)", language),
            ]
            if let enterprise = principal.user.enterpriseId { user["enterpriseId"] = enterprise }
            layout["user"] = user
            layout["nav"] = ConsoleNavigation.items.map { item -> [String: Any] in
                [
                    "id": item.id, "path": item.path, "label": ConsoleStrings.text(item.labelKey, language),
                    "active": item.id == active,
                ]
            }
        }
        let html = library.render(layout, withTemplate: "layout") ?? body
        return Self.html(html, status: status)
    }

    /// A whole HTML document from one template, without the console layout (printable labels): the template gets its
    /// data plus `t`, `lang` and `htmlLang`.
    func document(_ template: String, data: [String: Any], context: AppRequestContext, status: HTTPResponse.Status = .ok) -> Response {
        let language = context.language
        var pageData = data
        pageData["t"] = ConsoleStrings.dictionary(language)
        pageData["lang"] = language.rawValue
        pageData["htmlLang"] = language.htmlLang
        return Self.html(library.render(pageData, withTemplate: template) ?? "", status: status)
    }

    /// An HTML response that is never cached, never framed by other sites, never sniffed and sends no referrer
    /// (the console's pages and the public trace pages).
    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8",
                .cacheControl: "no-store",
                HTTPField.Name("X-Frame-Options")!: "DENY",
                HTTPField.Name("X-Content-Type-Options")!: "nosniff",
                HTTPField.Name("Referrer-Policy")!: "no-referrer",
                .contentSecurityPolicy:
                    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'",
            ],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }

    /// `303 See Other` to a console path.
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// The current URL with `lang` switched to the other language.
    static func languageHref(_ request: Request, switchingFrom language: ConsoleLanguage) -> String {
        let other: ConsoleLanguage = language == .zh ? .en : .zh
        var items = URLComponents(string: request.uri.description)?.queryItems ?? []
        items.removeAll { $0.name == "lang" }
        items.append(URLQueryItem(name: "lang", value: other.rawValue))
        var components = URLComponents()
        components.path = request.uri.path
        components.queryItems = items
        return components.string ?? "?lang=\(other.rawValue)"
    }
}

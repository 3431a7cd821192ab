extension ConsoleTemplates {
    /// The sign-in form (username, password, the login CSRF token) with an error notice when sign-in failed.
    static let login = ConsoleTemplate(
        name: "login",
        source: #"""
            <div style="max-width:360px;margin:8vh auto;" class="card">
              <h1>{{t.app_title}} · {{t.login_title}}</h1>
              {{#error}}<div class="notice error" id="login-error" role="alert">{{error}}</div>{{/error}}
              <form method="post" action="/console/login" id="login-form" style="display:flex;flex-direction:column;gap:.8rem;">
                <input type="hidden" name="_csrf" value="{{loginCSRF}}">
                <input type="hidden" name="next" value="{{next}}">
                <label>{{t.login_username}}<br><input name="username" id="username" autocomplete="username" value="{{username}}" required autofocus style="width:100%"></label>
                <label>{{t.login_password}}<br><input name="password" id="password" type="password" autocomplete="current-password" required style="width:100%"></label>
                <button type="submit" id="login-submit">{{t.login_submit}}</button>
              </form>
              <p class="muted" style="margin-top:1rem;"><a href="{{languageHref}}" id="language-switch">{{t.nav_language}}</a></p>
            </div>
            """#
    )
}

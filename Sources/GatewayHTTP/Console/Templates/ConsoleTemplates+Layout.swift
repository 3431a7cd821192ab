extension ConsoleTemplates {
    /// The frame of every page: header, navigation, language switch, sign-out form, inline CSS; the page goes in `{{{body}}}`.
    static let layout = ConsoleTemplate(
        name: "layout",
        source: #"""
            <!DOCTYPE html>
            <html lang="{{htmlLang}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{title}} · {{t.app_title}}</title>
            <style>
            :root { --ink:#1f2933; --muted:#616e7c; --line:#d9e2ec; --bg:#f5f7fa; --accent:#c2410c; --ok:#047857; --warn:#b45309; }
            * { box-sizing: border-box; }
            body { margin:0; font: 15px/1.5 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",system-ui,sans-serif; color:var(--ink); background:var(--bg); }
            header { display:flex; align-items:center; gap:1.5rem; padding:.6rem 1.5rem; background:#fff; border-bottom:1px solid var(--line); }
            header .brand { font-weight:700; color:var(--accent); white-space:nowrap; }
            nav { display:flex; gap:.25rem; flex-wrap:wrap; flex:1; }
            nav a { padding:.35rem .75rem; border-radius:6px; color:var(--ink); text-decoration:none; }
            nav a.active { background:var(--accent); color:#fff; }
            nav a small { color:var(--muted); font-size:.75em; }
            nav a.active small { color:#fde7d9; }
            .who { display:flex; align-items:center; gap:.75rem; color:var(--muted); font-size:.9em; white-space:nowrap; }
            .who form { margin:0; }
            main { padding:1.25rem 1.5rem; max-width:1400px; }
            h1 { font-size:1.35rem; margin:.2rem 0 1rem; }
            h2 { font-size:1.1rem; margin:1.5rem 0 .6rem; }
            table { border-collapse:collapse; width:100%; background:#fff; border:1px solid var(--line); }
            th, td { padding:.45rem .6rem; border-bottom:1px solid var(--line); text-align:left; vertical-align:top; }
            th { background:#eef2f7; font-weight:600; white-space:nowrap; }
            td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
            a { color:#1d4ed8; }
            form.filters { display:flex; flex-wrap:wrap; gap:.6rem 1rem; align-items:flex-end; background:#fff; padding:.8rem 1rem; border:1px solid var(--line); margin-bottom:1rem; }
            form.filters label { display:flex; flex-direction:column; font-size:.85em; color:var(--muted); }
            input, select, button { font:inherit; padding:.3rem .5rem; border:1px solid #9aa5b1; border-radius:5px; background:#fff; }
            button, .button { background:var(--accent); color:#fff; border-color:var(--accent); cursor:pointer; text-decoration:none; padding:.3rem .8rem; border-radius:5px; }
            button.link { background:none; color:#1d4ed8; border:none; padding:0; text-decoration:underline; }
            .badge { display:inline-block; padding:0 .45rem; border-radius:999px; font-size:.85em; background:#e4e7eb; }
            .badge.applied { background:#d1fae5; color:var(--ok); }
            .badge.stale, .badge.duplicate { background:#fef3c7; color:var(--warn); }
            .status-paid, .status-shipped, .status-completed { color:var(--ok); font-weight:600; }
            .status-cancelled { color:#b91c1c; font-weight:600; }
            .notice { padding:.6rem .9rem; border-radius:6px; margin-bottom:1rem; }
            .notice.error { background:#fee2e2; color:#991b1b; border:1px solid #fecaca; }
            .grid { display:grid; grid-template-columns:repeat(auto-fit, minmax(260px, 1fr)); gap:1rem; }
            .card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:.8rem 1rem; }
            .card dl { display:grid; grid-template-columns:auto 1fr; gap:.2rem .8rem; margin:0; }
            .card dt { color:var(--muted); }
            .card dd { margin:0; }
            details summary { cursor:pointer; color:#1d4ed8; }
            pre { white-space:pre-wrap; word-break:break-all; background:#0f172a; color:#e2e8f0; padding:.6rem; border-radius:6px; max-height:28rem; overflow:auto; font-size:.85em; }
            .pager { display:flex; gap:1rem; margin-top:.8rem; align-items:center; }
            .muted { color:var(--muted); }
            .notice.ok { background:#d1fae5; color:#065f46; border:1px solid #a7f3d0; }
            form.inline { display:flex; flex-wrap:wrap; gap:.3rem; align-items:center; margin:.15rem 0; }
            form.stacked { display:flex; flex-direction:column; gap:.5rem; max-width:900px; }
            button.secondary { background:#fff; color:var(--accent); }
            .big { font-size:1.8rem; font-weight:700; font-variant-numeric:tabular-nums; }
            td.low { color:#b91c1c; font-weight:700; }
            .legend { display:flex; gap:1rem; font-size:.85em; margin-top:.4rem; }
            .legend i { display:inline-block; width:.8em; height:.8em; margin-right:.3em; border-radius:2px; }
            pre.plain { background:none; color:inherit; padding:0; margin:0; }
            </style>
            </head>
            <body>
            {{#user}}
            <header>
              <span class="brand">{{t.app_title}}</span>
              <nav>
                {{#nav}}<a href="{{path}}"{{#active}} class="active"{{/active}} data-nav="{{id}}">{{label}}</a>{{/nav}}
              </nav>
              <div class="who">
                <a href="{{languageHref}}" id="language-switch">{{t.nav_language}}</a>
                <span id="current-user">{{username}} · {{roleLabel}}{{#enterpriseId}} · {{enterpriseId}}{{/enterpriseId}}</span>
                <form method="post" action="/console/logout"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="link" type="submit" id="logout">{{t.nav_logout}}</button></form>
              </div>
            </header>
            {{/user}}
            <main>
            {{{body}}}
            </main>
            </body>
            </html>
            """#
    )
}

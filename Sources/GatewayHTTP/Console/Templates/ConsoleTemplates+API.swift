extension ConsoleTemplates {
    /// The staff API reference (`/console/api`), rendered from the OpenAPI document.
    static let api = ConsoleTemplate(
        name: "api",
        source: #"""
            <h1>{{t.api_title}}</h1>
            <p class="muted">{{title}} · v{{version}} · {{operationCount}} {{t.api_operations}} ·
              <a href="/api/v1/openapi.json" id="openapi-json">openapi.json</a> · <a href="/api/v1/openapi.yaml" id="openapi-yaml">openapi.yaml</a></p>
            <div class="card"><p>{{t.api_intro}}</p><pre id="api-description">{{description}}</pre></div>
            {{#groups}}
            <h2 id="tag-{{tag}}">{{tag}}</h2>
            <p class="muted">{{description}}</p>
            {{#operations}}
            <div class="card operation" id="op-{{id}}">
              <h3><code>{{method}} {{path}}</code>{{#public}} <small class="muted">({{t.api_public}})</small>{{/public}}</h3>
              <p>{{summary}}</p>
              {{#hasParameters}}
              <table class="parameters">
                <thead><tr><th>{{t.api_parameter}}</th><th>{{t.api_in}}</th><th>{{t.api_schema}}</th><th>{{t.api_description}}</th></tr></thead>
                <tbody>{{#parameters}}<tr><td><code>{{name}}</code>{{#required}} *{{/required}}</td><td>{{location}}</td><td><code>{{schema}}</code></td><td>{{description}}</td></tr>{{/parameters}}</tbody>
              </table>
              {{/hasParameters}}
              {{#bodies}}<p>{{t.api_body}}: <code>{{mediaType}}</code> <code>{{schema}}</code></p>{{/bodies}}
              <ul class="responses">{{#responses}}<li><strong>{{status}}</strong> {{description}} {{#content}}<code>{{content}}</code>{{/content}}</li>{{/responses}}</ul>
            </div>
            {{/operations}}
            {{/groups}}
            """#
    )
}

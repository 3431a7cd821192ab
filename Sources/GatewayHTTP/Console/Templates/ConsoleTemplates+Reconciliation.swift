extension ConsoleTemplates {
    /// Reconciliation runs and the statement import form (paste the statement's text).
    static let reconciliation = ConsoleTemplate(
        name: "reconciliation",
        source: #"""
            <h1>{{t.reconciliation_title}}</h1>
            {{#unavailable}}<p class="muted" id="unavailable">{{t.common_unavailable}}</p>{{/unavailable}}
            {{^unavailable}}
            {{#error}}<div class="notice error" id="import-error"><pre class="plain">{{error}}</pre></div>{{/error}}
            {{#canImport}}
            <h2>{{t.reconciliation_import}}</h2>
            <form method="post" action="/console/reconciliation/import" id="import-form" class="card stacked">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <label>{{t.orders_shop}} <select name="shop" id="import-shop">{{#shopOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/shopOptions}}</select></label>
              <label>{{t.reconciliation_format}} <select name="format" id="import-format"><option value="">{{t.reconciliation_detect}}</option>{{#formatOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/formatOptions}}</select></label>
              <label>{{t.reconciliation_fileName}} <input name="file_name" id="import-file-name" value="{{fileName}}" placeholder="bill-2025-11.csv"></label>
              <label>{{t.reconciliation_text}}<br><textarea name="text" id="import-text" rows="8" cols="90" placeholder="platform_order_id,amount_yuan,status,kind">{{text}}</textarea></label>
              <button type="submit" id="import-submit">{{t.reconciliation_importSubmit}}</button>
            </form>
            {{/canImport}}
            <h2>{{t.reconciliation_runs}}</h2>
            {{#empty}}<p class="muted" id="no-runs">{{t.reconciliation_noRuns}}</p>{{/empty}}
            {{^empty}}
            <table id="runs">
              <thead><tr><th>#</th><th>{{t.orders_platform}}</th><th>{{t.orders_shop}}</th><th>{{t.reconciliation_fileName}}</th><th>{{t.reconciliation_format}}</th><th>{{t.reconciliation_importedAt}}</th><th class="num">{{t.reconciliation_lines}}</th><th class="num">{{t.reconciliation_differences}}</th><th class="num">{{t.reconciliation_open}}</th></tr></thead>
              <tbody>{{#runs}}<tr><td><a href="{{href}}" class="run-link">{{id}}</a></td><td>{{platform}}</td><td>{{shop}}</td><td>{{fileName}}</td><td>{{format}}</td><td>{{importedAt}}<br><small class="muted">{{importedBy}}</small></td><td class="num">{{lines}}</td><td class="num">{{differences}}</td><td class="num">{{open}}</td></tr>{{/runs}}</tbody>
            </table>
            {{/empty}}
            {{/unavailable}}
            """#
    )

    /// One reconciliation run: totals per class (yuan), lines, a resolve form per open difference, CSV export.
    static let reconciliationRun = ConsoleTemplate(
        name: "reconciliation-run",
        source: #"""
            <h1>{{t.reconciliation_run}} #<span id="run-id">{{id}}</span></h1>
            {{#again}}<div class="notice ok" id="reimported">{{t.reconciliation_again}}</div>{{/again}}
            {{#resolvedLine}}<div class="notice ok" id="resolve-result">{{t.reconciliation_resolvedNotice}} {{resolvedLine}}</div>{{/resolvedLine}}
            <p class="muted">{{platform}} · {{shop}} · {{fileName}} ({{format}}) · {{importedAt}} · {{importedBy}} · {{t.reconciliation_tolerance}} {{tolerance}}
              · <a class="button" href="{{csvHref}}" id="export-csv">{{t.common_exportCSV}}</a> · <a href="/console/reconciliation">{{t.common_back}}</a></p>
            <table id="totals">
              <thead><tr><th>{{t.reconciliation_class}}</th><th class="num">{{t.reconciliation_count}}</th><th class="num">{{t.reconciliation_statementAmount}}</th><th class="num">{{t.reconciliation_gatewayAmount}}</th></tr></thead>
              <tbody>{{#totals}}<tr data-class="{{class}}" data-statement-fen="{{statementFen}}" data-gateway-fen="{{gatewayFen}}"><td>{{label}}</td><td class="num count">{{count}}</td><td class="num">{{statement}}</td><td class="num">{{gateway}}</td></tr>{{/totals}}
              <tr><td>{{t.reconciliation_nonOrder}}</td><td class="num">{{nonOrderCount}}</td><td class="num">{{nonOrder}}</td><td></td></tr></tbody>
            </table>
            <h2>{{t.reconciliation_lines}}</h2>
            <table id="run-lines">
              <thead><tr><th>#</th><th>{{t.reconciliation_class}}</th><th>{{t.orders_orderId}}</th><th class="num">{{t.reconciliation_statementAmount}}</th><th class="num">{{t.reconciliation_gatewayAmount}}</th><th>{{t.reconciliation_statuses}}</th><th>{{t.reconciliation_detail}}</th><th>{{t.reconciliation_resolution}}</th></tr></thead>
              <tbody>
              {{#lines}}
                <tr class="run-line" id="line-{{number}}" data-class="{{class}}" data-order-id="{{orderId}}">
                  <td>{{number}}<br><small class="muted">{{fileLines}}</small></td><td class="class-{{class}}">{{classLabel}}</td><td>{{orderId}}</td>
                  <td class="num">{{statement}}</td><td class="num">{{gateway}}</td><td>{{statementStatus}} / {{gatewayStatus}}</td>
                  <td>{{detail}}{{#lookup}}<br><small class="muted">{{t.reconciliation_lookup}}: {{lookup}}</small>{{/lookup}}</td>
                  <td>
                  {{#resolution}}<span class="resolved">{{t.reconciliation_resolved}}: {{reason}}</span>{{#note}}<br><small>{{note}}</small>{{/note}}<br><small class="muted">{{actor}} · {{at}}</small>{{/resolution}}
                  {{#resolvable}}
                    <form method="post" action="/console/reconciliation/runs/{{id}}/lines/{{number}}/resolve" class="inline resolve-line">
                      <input type="hidden" name="_csrf" value="{{csrf}}">
                      <input name="reason" class="reason" list="reasons" required placeholder="{{t.reconciliation_reason}}" size="16">
                      <input name="note" class="note" placeholder="{{t.exceptions_note}}" size="16">
                      <button type="submit" class="resolve">{{t.reconciliation_resolve}}</button>
                    </form>
                  {{/resolvable}}
                  </td>
                </tr>
              {{/lines}}
              </tbody>
            </table>
            <datalist id="reasons"><option value="refund-after-settlement"><option value="platform-adjustment"><option value="test-order"><option value="fee-or-subsidy"><option value="timing"></datalist>
            """#
    )
}

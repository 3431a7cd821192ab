extension ConsoleTemplates {
    /// The exception queue: filters, one row per exception with its forms (note and re-run, dismiss, add a SKU mapping).
    static let exceptions = ConsoleTemplate(
        name: "exceptions",
        source: #"""
            <h1>{{t.exceptions_title}}</h1>
            {{#notice}}<div class="notice {{#ok}}ok{{/ok}}{{^ok}}error{{/ok}}" id="exception-result" data-exception="{{id}}">{{text}}</div>{{/notice}}
            {{#unavailable}}<p class="muted" id="unavailable">{{t.common_unavailable}}</p>{{/unavailable}}
            <form class="filters" method="get" action="/console/exceptions" id="exception-filters">
              <label>{{t.exceptions_status}}<select name="status" id="status">{{#statusOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statusOptions}}</select></label>
              <label>{{t.exceptions_kind}}<select name="kind" id="kind"><option value="">{{t.common_any}}</option>{{#kindOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kindOptions}}</select></label>
              <label>{{t.orders_shop}}<select name="shop" id="shop"><option value="">{{t.common_any}}</option>{{#shopOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/shopOptions}}</select></label>
              <button type="submit" id="filter">{{t.common_search}}</button>
              <a href="/console/exceptions">{{t.common_reset}}</a>
            </form>
            {{#empty}}<p class="muted" id="no-exceptions">{{t.exceptions_empty}}</p>{{/empty}}
            {{^empty}}{{^unavailable}}
            <table id="exceptions">
              <thead><tr><th>#</th><th>{{t.exceptions_kind}}</th><th>{{t.orders_orderId}}</th><th>{{t.orders_shop}}</th><th>{{t.exceptions_platformSku}}</th><th>{{t.exceptions_message}}</th><th>{{t.exceptions_openedAt}}</th><th>{{t.exceptions_status}}</th><th>{{t.exceptions_actions}}</th></tr></thead>
              <tbody>
              {{#exceptions}}
                <tr class="exception" id="exception-{{id}}" data-kind="{{kind}}" data-order-id="{{orderId}}">
                  <td>{{id}}</td><td>{{kindLabel}}</td><td><a href="{{orderHref}}">{{orderId}}</a><br><small class="muted">{{t.exceptions_line}} {{lineId}}</small></td><td>{{shop}}</td>
                  <td>{{platformSku}}<br><small class="muted">{{skuCode}}</small></td><td>{{message}}{{#note}}<br><small class="muted">{{t.exceptions_note}}: {{note}}</small>{{/note}}</td>
                  <td>{{openedAt}}</td><td>{{statusLabel}}{{#resolvedBy}}<br><small class="muted">{{resolvedBy}}</small>{{/resolvedBy}}</td>
                  <td>
                  {{#writable}}
                    <form method="post" action="/console/exceptions/{{id}}/resolve" class="inline resolve-form">
                      <input type="hidden" name="_csrf" value="{{csrf}}">
                      <input name="note" class="note" placeholder="{{t.exceptions_note}}" size="16">
                      <button type="submit" name="action" value="resolve" class="resolve">{{t.exceptions_rerun}}</button>
                      <button type="submit" name="action" value="dismiss" class="dismiss secondary">{{t.exceptions_dismiss}}</button>
                    </form>
                    {{#mapping}}
                    <form method="post" action="/console/exceptions/{{id}}/mapping" class="inline mapping-form">
                      <input type="hidden" name="_csrf" value="{{csrf}}">
                      <input name="shop" value="{{shop}}" readonly size="12" title="{{t.orders_shop}}">
                      <input name="platform_sku" value="{{platformSku}}" readonly size="12" title="{{t.exceptions_platformSku}}">
                      → <select name="sku" class="sku">{{#skus}}<option value="{{code}}">{{code}} {{title}}</option>{{/skus}}</select>
                      × <input name="quantity" class="quantity" type="number" min="1" value="1" size="3" style="width:4em">
                      <button type="submit" class="add-mapping">{{t.exceptions_addMapping}}</button>
                    </form>
                    {{/mapping}}
                  {{/writable}}
                  </td>
                </tr>
              {{/exceptions}}
              </tbody>
            </table>
            <p class="muted">{{t.orders_count}}: {{count}}</p>
            {{/unavailable}}{{/empty}}
            """#
    )
}

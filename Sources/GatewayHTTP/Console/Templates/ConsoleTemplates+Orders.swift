extension ConsoleTemplates {
    /// The order search: filters (order id, phone tail, status, SKU, shop, platform, dates), results, paging, CSV export.
    static let orders = ConsoleTemplate(
        name: "orders",
        source: #"""
            <h1>{{t.orders_title}}</h1>
            {{#error}}<div class="notice error" id="filter-error">{{t.orders_badFilter}}: {{error}}</div>{{/error}}
            <form class="filters" method="get" action="/console/orders" id="order-search">
              <label>{{t.orders_orderId}}<input name="q" id="q" value="{{filters.q}}" size="22"></label>
              <label>{{t.orders_phoneTail}}<input name="phone" id="phone" value="{{filters.phone}}" size="6" maxlength="4" inputmode="numeric" pattern="[0-9]{1,4}"></label>
              <label>{{t.orders_status}}<select name="status" id="status"><option value="">{{t.common_any}}</option>{{#statusOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statusOptions}}</select></label>
              <label>{{t.orders_sku}}<input name="sku" id="sku" value="{{filters.sku}}" size="14"></label>
              <label>{{t.orders_event}}<input name="event" id="event" value="{{filters.event}}" size="16"></label>
              <label>{{t.orders_shop}}<select name="shop" id="shop"><option value="">{{t.common_any}}</option>{{#shopOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/shopOptions}}</select></label>
              <label>{{t.orders_platform}}<select name="platform" id="platform"><option value="">{{t.common_any}}</option>{{#platformOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/platformOptions}}</select></label>
              <label>{{t.orders_from}}<input type="date" name="from" id="from" value="{{filters.from}}"></label>
              <label>{{t.orders_to}}<input type="date" name="to" id="to" value="{{filters.to}}"></label>
              <button type="submit" id="search">{{t.common_search}}</button>
              <a href="/console/orders">{{t.common_reset}}</a>
              <a class="button" href="{{csvHref}}" id="export-csv">{{t.common_exportCSV}}</a>
            </form>
            {{#empty}}<p class="muted" id="no-orders">{{t.orders_empty}}</p>{{/empty}}
            {{^empty}}
            <table id="orders">
              <thead><tr><th>{{t.orders_orderId}}</th><th>{{t.orders_platform}}</th><th>{{t.orders_shop}}</th><th>{{t.orders_status}}</th><th>{{t.orders_createdAt}}</th><th class="num">{{t.orders_paid}}</th><th>{{t.orders_items}}</th><th>{{t.orders_buyer}}</th></tr></thead>
              <tbody>
              {{#orders}}
                <tr data-order-id="{{platformOrderId}}"><td><a href="{{href}}" class="order-link">{{platformOrderId}}</a></td><td>{{platform}}</td><td>{{shop}}</td><td class="status-{{status}}">{{statusLabel}}</td><td>{{createdAt}}</td><td class="num">{{paid}}</td><td>{{items}}</td><td>{{buyer}}</td></tr>
              {{/orders}}
              </tbody>
            </table>
            {{/empty}}
            <div class="pager"><span class="muted">{{t.orders_count}}: {{count}}</span>{{#previousHref}}<a href="{{previousHref}}">{{t.common_previous}}</a>{{/previousHref}}{{#nextHref}}<a href="{{nextHref}}" id="next-page">{{t.common_next}}</a>{{/nextHref}}</div>
            """#
    )
}

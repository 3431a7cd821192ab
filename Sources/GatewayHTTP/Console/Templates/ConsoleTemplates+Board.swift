extension ConsoleTemplates {
    /// The live event board; reloads itself every `refreshSeconds` with a meta refresh (no script).
    static let board = ConsoleTemplate(
        name: "board",
        source: #"""
            <meta http-equiv="refresh" content="{{refreshSeconds}}">
            <h1>{{t.board_title}}</h1>
            {{#unavailable}}<p class="muted" id="unavailable">{{t.common_unavailable}}</p>{{/unavailable}}
            {{^unavailable}}
            <form class="filters" method="get" action="/console/board" id="event-picker">
              <label>{{t.board_event}}<select name="event" id="event">{{#events}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{title}}</option>{{/events}}</select></label>
              <button type="submit">{{t.board_show}}</button>
              <span class="muted">{{t.board_refreshing}}</span>
            </form>
            {{#noEvent}}<p class="muted" id="no-event">{{t.board_noEvent}}</p>
            <div class="grid"><div class="card"><dl><dt>{{t.board_openExceptions}}</dt><dd><a href="/console/exceptions" id="open-exceptions">{{openExceptions}}</a></dd></dl></div></div>{{/noEvent}}
            {{#event}}
            <p class="muted" id="event-window">{{title}} · {{startsAt}} – {{endsAt}}</p>
            <div class="grid figures">
              <div class="card"><div class="muted">{{t.board_orders}}</div><div class="big" id="order-count">{{orders}}</div><small class="muted">{{t.board_paid}} {{paidOrders}} · {{t.board_cancelled}} {{cancelledOrders}}</small></div>
              <div class="card"><div class="muted">{{t.board_gmv}}</div><div class="big" id="gmv">{{gmv}}</div></div>
              <div class="card"><div class="muted">{{t.board_openExceptions}}</div><div class="big"><a href="/console/exceptions" id="open-exceptions">{{openExceptions}}</a></div><small class="muted">{{t.board_inEvent}} {{openExceptionsInEvent}}</small></div>
            </div>
            <h2>{{t.board_perMinute}}</h2>
            <div class="card chart">{{{chart}}}{{^chart}}<span class="muted">{{t.board_noOrders}}</span>{{/chart}}
              <div class="legend">{{#platforms}}<span><i style="background:{{colour}}"></i>{{platform}} {{orders}}</span>{{/platforms}}</div>
            </div>
            <div class="grid">
            <div><h2>{{t.board_stockLeft}}</h2>
            <table id="stock-left"><thead><tr><th>{{t.orders_sku}}</th><th>{{t.inventory_product}}</th><th class="num">{{t.inventory_onHand}}</th><th class="num">{{t.inventory_reserved}}</th><th class="num">{{t.inventory_available}}</th></tr></thead>
            <tbody>{{#stock}}<tr data-sku="{{sku}}"><td>{{sku}}</td><td>{{title}}</td><td class="num">{{onHand}}</td><td class="num">{{reserved}}</td><td class="num available{{#low}} low{{/low}}">{{available}}</td></tr>{{/stock}}</tbody></table></div>
            <div><h2>{{t.board_bySku}}</h2>
            <table id="by-sku"><thead><tr><th>{{t.exceptions_platformSku}}</th><th>{{t.inventory_product}}</th><th class="num">{{t.order_quantity}}</th><th class="num">{{t.orders_paid}}</th></tr></thead>
            <tbody>{{#skus}}<tr><td>{{sku}}</td><td>{{title}}</td><td class="num">{{quantity}}</td><td class="num">{{paid}}</td></tr>{{/skus}}</tbody></table></div>
            </div>
            {{/event}}
            {{/unavailable}}
            """#
    )
}

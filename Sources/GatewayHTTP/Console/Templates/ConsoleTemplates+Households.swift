extension ConsoleTemplates {
    /// Households and the impact report.
    static let households = ConsoleTemplate(
        name: "households",
        source: #"""
            <h1>{{t.households_title}}</h1>
            {{#unavailable}}<p class="muted" id="unavailable">{{t.common_unavailable}}</p>{{/unavailable}}
            {{^unavailable}}
            <form class="filters" method="get" action="/console/households">
              <label>{{t.orders_from}}<input type="date" name="from" value="{{from}}"></label>
              <label>{{t.orders_to}}<input type="date" name="to" value="{{to}}"></label>
              <button type="submit">{{t.common_search}}</button>
            </form>
            <h2>{{t.households_impact}}</h2>
            <p><a class="button" href="{{csvHref}}" id="impact-csv">{{t.common_exportCSV}}</a></p>
            <table id="impact">
              <thead><tr><th>{{t.households_enterprise}}</th><th class="num">{{t.households_kg}}</th><th class="num">{{t.households_poorKg}}</th><th class="num">{{t.households_poorShare}}</th><th class="num">{{t.households_reached}}</th><th class="num">{{t.households_poorReached}}</th><th class="num">{{t.households_people}}</th><th class="num">{{t.households_income}}</th><th class="num">{{t.households_average}}</th></tr></thead>
              <tbody>{{#reports}}<tr data-enterprise="{{enterprise}}"><td>{{enterprise}}</td><td class="num">{{kg}}</td><td class="num">{{poorKg}}</td><td class="num">{{poorShare}}</td><td class="num">{{households}}</td><td class="num">{{poorHouseholds}}</td><td class="num">{{people}}</td><td class="num">{{income}}</td><td class="num">{{average}}</td></tr>{{/reports}}</tbody>
            </table>
            <h2>{{t.households_list}}</h2>
            {{#empty}}<p class="muted" id="no-households">{{t.households_empty}}</p>{{/empty}}
            {{^empty}}
            <table id="households">
              <thead><tr><th>ID</th><th>{{t.order_name}}</th><th>{{t.households_village}}</th><th>{{t.households_poor}}</th><th class="num">{{t.households_members}}</th></tr></thead>
              <tbody>{{#households}}<tr><td><a href="{{href}}" class="household-link">{{id}}</a></td><td>{{name}}</td><td>{{village}}</td><td>{{#poor}}✔{{/poor}}</td><td class="num">{{members}}</td></tr>{{/households}}</tbody>
            </table>
            {{/empty}}
            {{/unavailable}}
            """#
    )

    /// One household: its ledger and parcels.
    static let household = ConsoleTemplate(
        name: "household",
        source: #"""
            <h1>{{t.households_household}} {{name}} <small class="muted">{{id}}</small></h1>
            <p class="muted">{{village}}{{#poor}} · {{t.households_poor}}{{/poor}} · {{t.households_members}} {{members}} · <a href="/console/households">{{t.common_back}}</a></p>
            <form class="filters" method="get">
              <label>{{t.orders_from}}<input type="date" name="from" value="{{from}}"></label>
              <label>{{t.orders_to}}<input type="date" name="to" value="{{to}}"></label>
              <button type="submit">{{t.common_search}}</button>
            </form>
            {{#ledger}}
            <div class="grid" id="ledger">
              <div class="card"><div class="muted">{{t.households_kg}}</div><div class="big">{{kg}}</div></div>
              <div class="card"><div class="muted">{{t.households_income}}</div><div class="big">{{income}}</div></div>
              <div class="card"><div class="muted">{{t.households_parcels}}</div><div class="big">{{count}}</div><small class="muted">{{t.households_refundedKg}} {{refundedKg}}</small></div>
            </div>
            {{/ledger}}
            <h2>{{t.households_parcels}}</h2>
            <table id="parcels">
              <thead><tr><th>{{t.households_day}}</th><th>{{t.orders_orderId}}</th><th>{{t.orders_sku}}</th><th>{{t.households_lot}}</th><th class="num">kg</th><th>{{t.households_tier}}</th><th class="num">{{t.households_income}}</th><th>{{t.households_trace}}</th><th>{{t.orders_status}}</th></tr></thead>
              <tbody>{{#parcels}}<tr><td>{{day}}</td><td><a href="{{orderHref}}">{{orderId}}</a></td><td>{{sku}}</td><td>{{lot}}</td><td class="num">{{kg}}</td><td>{{tier}}</td><td class="num">{{income}}</td><td><a href="/trace/{{trace}}">{{trace}}</a></td><td>{{state}}</td></tr>{{/parcels}}</tbody>
            </table>
            """#
    )
}

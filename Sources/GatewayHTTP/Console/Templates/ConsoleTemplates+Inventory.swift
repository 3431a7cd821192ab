extension ConsoleTemplates {
    /// Stock per warehouse and SKU with a set-stock form per row.
    static let inventory = ConsoleTemplate(
        name: "inventory",
        source: #"""
            <h1>{{t.inventory_title}}</h1>
            {{#notice}}<div class="notice {{#ok}}ok{{/ok}}{{^ok}}error{{/ok}}" id="inventory-result">{{text}}</div>{{/notice}}
            {{#unavailable}}<p class="muted" id="unavailable">{{t.common_unavailable}}</p>{{/unavailable}}
            {{^unavailable}}
            <p><a class="button" href="{{csvHref}}" id="export-csv">{{t.common_exportCSV}}</a></p>
            {{#empty}}<p class="muted" id="no-stock">{{t.inventory_empty}}</p>{{/empty}}
            {{^empty}}
            <table id="stock">
              <thead><tr><th>{{t.inventory_warehouse}}</th><th>{{t.orders_sku}}</th><th>{{t.inventory_product}}</th><th class="num">{{t.inventory_onHand}}</th><th class="num">{{t.inventory_reserved}}</th><th class="num">{{t.inventory_safety}}</th><th class="num">{{t.inventory_available}}</th><th>{{t.inventory_set}}</th></tr></thead>
              <tbody>
              {{#rows}}
                <tr class="stock-row" data-sku="{{sku}}" data-warehouse="{{warehouse}}">
                  <td>{{warehouse}}<br><small class="muted">{{warehouseName}}</small></td><td>{{sku}}</td><td>{{title}}</td>
                  <td class="num on-hand">{{onHand}}</td><td class="num reserved">{{reserved}}</td><td class="num safety">{{safety}}</td><td class="num available{{#low}} low{{/low}}">{{available}}</td>
                  <td>{{#writable}}
                    <form method="post" action="/console/inventory/stock" class="inline stock-form">
                      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="warehouse" value="{{warehouse}}"><input type="hidden" name="sku" value="{{sku}}">
                      <label>{{t.inventory_onHand}} <input name="on_hand" type="number" min="0" value="{{onHand}}" style="width:6em"></label>
                      <label>{{t.inventory_safety}} <input name="safety" type="number" min="0" value="{{safety}}" style="width:5em"></label>
                      <button type="submit">{{t.inventory_save}}</button>
                    </form>
                  {{/writable}}</td>
                </tr>
              {{/rows}}
              </tbody>
            </table>
            {{/empty}}
            {{/unavailable}}
            """#
    )
}

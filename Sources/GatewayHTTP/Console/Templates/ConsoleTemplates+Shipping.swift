extension ConsoleTemplates {
    /// Shipping (发货): the scan form (trace label, courier, tracking number) and the 回传失败 queue with its actions.
    static let shipping = ConsoleTemplate(
        name: "shipping",
        source: #"""
            <h1>{{t.shipping_title}}</h1>
            {{#notice}}<div class="notice {{#ok}}ok{{/ok}}{{^ok}}error{{/ok}}" id="shipping-result">{{text}}</div>{{/notice}}
            {{#unavailable}}<p class="muted" id="unavailable">{{t.common_unavailable}}</p>{{/unavailable}}
            {{^unavailable}}
            <!-- A scanner ends with Enter: the form cannot submit while the tracking number is empty, so the browser moves
                 to that (required) field, and the second scan submits. -->
            <form method="post" action="/console/shipping" id="scan-form" class="card" autocomplete="off">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <p class="muted">{{t.shipping_scanHelp}}</p>
              <label>{{t.shipping_traceCode}} <input name="trace_code" id="trace-code" autofocus required size="24"></label>
              <label>{{t.shipping_courier}} <select name="courier" id="courier">{{#courierOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/courierOptions}}</select></label>
              <label>{{t.shipping_trackingNo}} <input name="tracking_no" id="tracking-no" required size="24" pattern="[A-Za-z0-9-]{6,40}"></label>
              <button type="submit" id="ship">{{t.shipping_ship}}</button>
            </form>
            <h2>{{t.shipping_toShip}}</h2>
            {{^hasToShip}}<p class="muted" id="nothing-to-ship">{{t.shipping_nothingToShip}}</p>{{/hasToShip}}
            {{#hasToShip}}
            <table id="to-ship">
              <thead><tr><th>{{t.pick_warehouse}}</th><th>{{t.orders_orderId}}</th><th>{{t.orders_shop}}</th><th></th></tr></thead>
              <tbody>{{#toShip}}<tr class="to-ship"><td>{{warehouse}}</td><td><a href="{{packingHref}}">{{orderId}}</a></td><td>{{shop}}</td><td><a href="{{labelsHref}}">{{t.shipping_labels}}</a></td></tr>{{/toShip}}</tbody>
            </table>
            {{/hasToShip}}
            <form method="post" action="/console/shipping/import" id="import-form" class="card">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <p class="muted">{{t.shipping_importHelp}}</p>
              <label>{{t.orders_shop}} <select name="shop" id="import-shop">{{#shopOptions}}<option value="{{value}}">{{value}}</option>{{/shopOptions}}</select></label><br>
              <textarea name="text" id="import-text" rows="6" cols="80" placeholder="order,tracking_no,courier&#10;6918234567890123456,SF1234567890,SF"></textarea><br>
              <button type="submit" id="import">{{t.shipping_import}}</button>
            </form>
            <h2>{{t.shipping_queue}}</h2>
            {{#queueEmpty}}<p class="muted" id="queue-empty">{{t.shipping_queueEmpty}}</p>{{/queueEmpty}}
            {{^queueEmpty}}
            <table id="write-backs">
              <thead><tr><th>#</th><th>{{t.orders_orderId}}</th><th>{{t.orders_shop}}</th><th>{{t.shipping_state}}</th><th>{{t.shipping_reason}}</th><th>{{t.shipping_trackingNo}}</th><th>{{t.shipping_updatedAt}}</th><th>{{t.exceptions_actions}}</th></tr></thead>
              <tbody>
              {{#writeBacks}}
                <tr class="write-back" id="write-back-{{id}}" data-state="{{state}}">
                  <td>{{id}}</td><td><a href="{{orderHref}}">{{orderId}}</a></td><td>{{shop}}</td><td>{{stateLabel}}</td><td>{{reason}}</td><td>{{trackingNo}}</td><td>{{updatedAt}}</td>
                  <td>
                  {{#writable}}
                    <form method="post" action="/console/write-backs/{{id}}/correct" class="inline correct-form">
                      <input type="hidden" name="_csrf" value="{{csrf}}">
                      <select name="courier">{{#courierOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/courierOptions}}</select>
                      <input name="tracking_no" value="{{trackingNo}}" size="16">
                      <button type="submit" class="resend">{{t.shipping_resend}}</button>
                    </form>
                    <form method="post" action="/console/write-backs/{{id}}/handled" class="inline handled-form">
                      <input type="hidden" name="_csrf" value="{{csrf}}">
                      <input name="note" placeholder="{{t.exceptions_note}}" size="12">
                      <button type="submit" class="handled secondary">{{t.shipping_markHandled}}</button>
                    </form>
                  {{/writable}}
                  </td>
                </tr>
              {{/writeBacks}}
              </tbody>
            </table>
            {{/queueEmpty}}
            {{/unavailable}}
            """#
    )
}

extension ConsoleTemplates {
    /// One order: status, amounts, masked buyer, lines and the full timeline (merge decision per entry; for admins the raw
    /// payload in `<details>`, for everyone else a note).
    static let order = ConsoleTemplate(
        name: "order",
        source: #"""
            <p><a href="/console/orders">← {{t.nav_orders}}</a></p>
            <h1>{{t.order_title}} <span id="order-id">{{platformOrderId}}</span> <span class="status-{{status}}" id="order-status">{{statusLabel}}</span></h1>
            <div class="grid">
              <div class="card"><dl>
                <dt>{{t.orders_platform}}</dt><dd>{{platform}}</dd>
                <dt>{{t.orders_shop}}</dt><dd>{{shop}}{{#enterprise}} ({{enterprise}}){{/enterprise}}</dd>
                <dt>{{t.order_platformStatus}}</dt><dd>{{platformStatus}}</dd>
                <dt>{{t.orders_createdAt}}</dt><dd>{{createdAt}}</dd>
                <dt>{{t.order_paidAt}}</dt><dd>{{paidAt}}</dd>
                <dt>{{t.order_updatedAt}}</dt><dd>{{platformUpdatedAt}}</dd>
                <dt>{{t.order_revision}}</dt><dd>{{revision}}</dd>
                <dt>{{t.order_liveRoom}}</dt><dd>{{liveRoomId}}</dd>
              </dl></div>
              <div class="card"><dl>
                <dt>{{t.order_total}}</dt><dd>{{total}}</dd>
                <dt>{{t.order_discount}}</dt><dd>{{discount}}</dd>
                <dt>{{t.order_postage}}</dt><dd>{{postage}}</dd>
                <dt>{{t.orders_paid}}</dt><dd id="order-paid">{{paid}}</dd>
              </dl></div>
              <div class="card" id="buyer"><dl>
                <dt>{{t.order_name}}</dt><dd>{{buyerName}}</dd>
                <dt>{{t.order_phone}}</dt><dd id="buyer-phone">{{buyerPhone}}</dd>
                <dt>{{t.order_region}}</dt><dd>{{buyerRegion}}</dd>
              </dl></div>
            </div>
            <p><a id="packing-link" href="{{packingHref}}">{{t.packing_open}}</a></p>
            <h2>{{t.order_lines}}</h2>
            <table id="lines">
              <thead><tr><th>{{t.order_lineTitle}}</th><th>SKU</th><th class="num">{{t.order_quantity}}</th><th class="num">{{t.orders_paid}}</th><th>{{t.order_refund}}</th></tr></thead>
              <tbody>{{#lines}}<tr><td>{{title}}</td><td>{{skuId}}{{#outSkuId}} / {{outSkuId}}{{/outSkuId}}</td><td class="num">{{quantity}}</td><td class="num">{{paid}}</td><td>{{refund}}</td></tr>{{/lines}}</tbody>
            </table>
            {{#shipNotice}}<div class="notice {{#ok}}ok{{/ok}}{{^ok}}error{{/ok}}" id="ship-result">{{text}}</div>{{/shipNotice}}
            {{#hasShipments}}
            <h2>{{t.order_shipments}}</h2>
            <table id="shipments">
              <thead><tr><th>#</th><th>{{t.shipping_courier}}</th><th>{{t.shipping_trackingNo}}</th><th>{{t.order_lines}}</th><th>{{t.order_trace}}</th><th>{{t.shipping_state}}</th><th>{{t.order_recordedAt}}</th></tr></thead>
              <tbody>{{#shipments}}<tr class="shipment"><td>{{id}}</td><td>{{courier}}</td><td>{{trackingNo}}</td><td>{{lines}}</td><td>{{#traceCodes}}<a href="/console/labels/{{.}}">{{.}}</a> {{/traceCodes}}</td><td>{{stateLabel}}</td><td>{{recordedAt}}</td></tr>{{/shipments}}</tbody>
            </table>
            {{/hasShipments}}
            {{#canShip}}
            <form method="post" action="{{shipAction}}" id="ship-form" class="card">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <p class="muted">{{t.order_shipHelp}}</p>
              {{#shipLines}}<label>{{title}} (≤{{remaining}}) <input name="qty_{{lineId}}" type="number" min="0" max="{{remaining}}" style="width:5em"></label> {{/shipLines}}
              <label>{{t.shipping_courier}} <select name="courier">{{#courierOptions}}<option value="{{value}}">{{label}}</option>{{/courierOptions}}</select></label>
              <label>{{t.shipping_trackingNo}} <input name="tracking_no" id="order-tracking-no" required size="20" pattern="[A-Za-z0-9-]{6,40}"></label>
              <button type="submit" id="order-ship">{{t.shipping_ship}}</button>
            </form>
            {{/canShip}}
            {{#hasReservations}}
            <h2>{{t.order_reservations}}</h2>
            <table id="reservations">
              <thead><tr><th>{{t.order_line}}</th><th>{{t.order_state}}</th><th>{{t.order_warehouse}}</th><th>SKU</th><th class="num">{{t.order_quantity}}</th></tr></thead>
              <tbody>{{#reservations}}<tr><td>{{lineId}}</td><td>{{state}}</td><td>{{warehouse}}</td><td>{{sku}}</td><td class="num">{{quantity}}</td></tr>{{/reservations}}</tbody>
            </table>
            {{/hasReservations}}
            {{#hasAllocations}}
            <h2>{{t.order_allocations}}</h2>
            <table id="allocations">
              <thead><tr><th>{{t.order_line}}</th><th>SKU</th><th class="num">#</th><th>{{t.order_household}}</th><th>{{t.order_lot}}</th><th class="num">kg</th><th>{{t.order_tier}}</th><th class="num">{{t.order_quota}}</th><th class="num">{{t.order_income}}</th><th>{{t.order_trace}}</th><th>{{t.order_state}}</th></tr></thead>
              <tbody>{{#allocations}}<tr><td>{{lineId}}</td><td>{{sku}}</td><td class="num">{{parcel}}</td><td>{{household}}</td><td>{{lot}}</td><td class="num">{{kg}}</td><td>{{tier}}</td><td class="num">{{quota}}</td><td class="num">{{income}}</td><td><a href="/trace/{{trace}}">{{trace}}</a></td><td>{{state}}</td></tr>{{/allocations}}</tbody>
            </table>
            {{/hasAllocations}}
            <h2>{{t.order_timeline}}</h2>
            <table id="timeline">
              <thead><tr><th>{{t.order_recordedAt}}</th><th>{{t.order_source}}</th><th>{{t.order_event}}</th><th>{{t.order_decision}}</th><th>{{t.order_statusChange}}</th><th>{{t.order_updatedAt}}</th><th class="num">{{t.order_received}}</th><th>{{t.order_rawPayload}}</th></tr></thead>
              <tbody>
              {{#timeline}}
                <tr class="timeline-entry" data-decision="{{decision}}"><td>{{recordedAt}}</td><td>{{source}}</td><td>{{event}}</td><td><span class="badge {{decision}}">{{decisionLabel}}</span></td><td>{{statusBefore}} → {{statusAfter}}</td><td>{{platformUpdatedAt}}</td><td class="num">{{receivedCount}}</td>
                <td>{{#canOpenPayload}}{{#payloadDeleted}}<span class="muted payload-deleted">{{t.order_payloadDeleted}} {{payloadDeleted}}</span>{{/payloadDeleted}}{{^payloadDeleted}}<details class="payload"><summary>{{t.order_showPayload}}</summary><pre>{{payload}}</pre></details>{{/payloadDeleted}}{{/canOpenPayload}}{{^canOpenPayload}}<span class="muted payload-hidden">{{t.order_payloadAdminOnly}}</span>{{/canOpenPayload}}<span class="muted">{{deliveryId}}</span></td></tr>
              {{/timeline}}
              </tbody>
            </table>
            """#
    )
}

extension ConsoleTemplates {
    /// The pick-list chooser: a warehouse (only the caller's enterprise's for staff) and a Beijing day.
    static let pickLists = ConsoleTemplate(
        name: "pickLists",
        source: #"""
            <h1>{{t.pick_title}}</h1>
            {{#unavailable}}<p class="muted">{{t.error_notFound}}</p>{{/unavailable}}
            {{^unavailable}}
            <p>{{t.pick_choose}}</p>
            {{#hasWarehouses}}
            <form method="get" action="/console/pick-lists" id="pick-form">
              <label>{{t.pick_warehouse}} <select name="warehouse" id="pick-warehouse">{{#warehouses}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{name}} ({{id}})</option>{{/warehouses}}</select></label>
              <label>{{t.pick_day}} <input type="date" name="day" id="pick-day" value="{{day}}"></label>
              <button type="submit">{{t.pick_show}}</button>
            </form>
            <ul id="pick-warehouses">{{#warehouses}}<li><a href="{{href}}">{{name}} ({{id}})</a> <span class="muted">{{enterprise}}</span></li>{{/warehouses}}</ul>
            {{/hasWarehouses}}
            {{^hasWarehouses}}<p class="muted">{{t.pick_noWarehouses}}</p>{{/hasWarehouses}}
            {{/unavailable}}
            """#
    )

    /// One warehouse's pick list for a day: rows by SKU and grade with their orders (backlog marked), and the labels link.
    static let pickList = ConsoleTemplate(
        name: "pickList",
        source: #"""
            <p><a href="/console/pick-lists">← {{t.pick_title}}</a></p>
            <h1>{{t.pick_title}} <span id="pick-warehouse-name">{{warehouseName}}</span> <span id="pick-day">{{day}}</span></h1>
            <p class="muted" id="pick-scope">{{t.pick_scope}}</p>
            <p>{{t.pick_total}}: <strong id="pick-total">{{total}}</strong> · {{t.pick_orderCount}}: <strong id="pick-order-count">{{orderCount}}</strong>
            {{^empty}} · <a id="pick-labels" href="{{labelsHref}}">{{t.pick_printLabels}}</a>{{/empty}}</p>
            {{#empty}}<p class="muted" id="pick-empty">{{t.pick_empty}}</p>{{/empty}}
            {{^empty}}
            <table id="pick-rows">
              <thead><tr><th>{{t.pick_sku}}</th><th>{{t.pick_product}}</th><th>{{t.pick_grade}}</th><th class="num">{{t.pick_quantity}}</th><th>{{t.pick_orders}}</th></tr></thead>
              <tbody>{{#rows}}<tr class="pick-row" data-sku="{{sku}}" data-grade="{{grade}}"><td>{{sku}}</td><td>{{title}}</td><td>{{grade}}</td><td class="num">{{quantity}}</td>
              <td>{{#orders}}<a class="pick-order" href="{{href}}">{{orderId}}</a> ×{{quantity}} <span class="muted">{{day}}</span>{{#backlog}} <span class="badge backlog">{{t.pick_backlog}}</span>{{/backlog}}{{#refundRequested}} <span class="badge">{{t.pick_refundRequested}}</span>{{/refundRequested}}<br>{{/orders}}</td></tr>{{/rows}}</tbody>
            </table>
            {{/empty}}
            """#
    )

    /// One order at the packing bench: lines with reservations, warehouses, parcels with trace codes, households and
    /// label links.
    static let packing = ConsoleTemplate(
        name: "packing",
        source: #"""
            <p><a href="{{orderHref}}">← {{t.order_title}} {{platformOrderId}}</a></p>
            <h1>{{t.packing_title}} <span id="packing-order">{{platformOrderId}}</span> <span class="status-{{status}}">{{statusLabel}}</span></h1>
            <p>{{t.packing_warehouses}}: <span id="packing-warehouses">{{warehouses}}</span>{{#hasLabels}} · <a id="packing-labels" href="{{labelsHref}}">{{t.packing_printLabels}}</a>{{/hasLabels}}</p>
            <h2>{{t.packing_lines}}</h2>
            <table id="packing-lines">
              <thead><tr><th>{{t.order_line}}</th><th>{{t.order_lineTitle}}</th><th>SKU</th><th class="num">{{t.order_quantity}}</th><th>{{t.order_refund}}</th><th>{{t.packing_state}}</th><th>{{t.packing_reserved}}</th></tr></thead>
              <tbody>{{#lines}}<tr><td>{{lineId}}</td><td>{{title}}</td><td>{{skuId}}</td><td class="num">{{quantity}}</td><td>{{refund}}</td><td>{{state}}</td><td>{{reserved}}</td></tr>{{/lines}}</tbody>
            </table>
            <h2>{{t.packing_parcels}}</h2>
            {{^hasParcels}}<p class="muted">{{t.packing_noParcels}}</p>{{/hasParcels}}
            {{#hasParcels}}
            <table id="packing-parcels">
              <thead><tr><th>{{t.order_line}}</th><th>SKU</th><th class="num">{{t.packing_parcel}}</th><th>{{t.labels_grade}}</th><th class="num">{{t.packing_weight}}</th><th>{{t.packing_household}}</th><th>{{t.packing_village}}</th><th>{{t.labels_trace}}</th><th>{{t.order_state}}</th><th>{{t.packing_label}}</th></tr></thead>
              <tbody>{{#parcels}}<tr class="packing-parcel" data-trace="{{trace}}"><td>{{lineId}}</td><td>{{sku}}</td><td class="num">{{parcel}}</td><td>{{grade}}</td><td class="num">{{kg}} kg</td><td><a href="{{householdHref}}">{{householdId}}</a> {{householdName}}</td><td>{{village}}</td><td><code>{{trace}}</code></td><td>{{state}}</td><td>{{#printable}}<a class="label-link" href="{{labelHref}}">{{t.packing_label}}</a>{{/printable}}</td></tr>{{/parcels}}</tbody>
            </table>
            {{/hasParcels}}
            """#
    )

    /// Printable parcel labels, one 100×150 mm page each (no console layout): produce, grade, weight, village, grower as
    /// it agreed to be shown, the trace code in large type and the QR code of the public trace URL (inline SVG).
    static let labels = ConsoleTemplate(
        name: "labels",
        source: #"""
            <!doctype html>
            <html lang="{{htmlLang}}"><head><meta charset="utf-8"><title>{{t.labels_title}}</title>
            <style>
            @page { size: 100mm 150mm; margin: 0 }
            html, body { margin: 0; padding: 0; background: #fff; color: #000 }
            body { font-family: system-ui, 'PingFang SC', 'Noto Sans CJK SC', sans-serif }
            .hint { padding: 2mm 4mm; font-size: 3.5mm; color: #555 }
            .label { width: 100mm; height: 150mm; box-sizing: border-box; padding: 5mm 6mm; overflow: hidden; break-after: page; page-break-after: always; border-bottom: 1px dashed #ccc }
            .label:last-of-type { break-after: auto; page-break-after: auto }
            .produce { font-size: 7mm; font-weight: bold; margin: 0 0 2mm }
            dl { display: grid; grid-template-columns: 22mm 1fr; gap: 1mm 2mm; margin: 0 0 3mm; font-size: 4.5mm }
            dt { color: #333 } dd { margin: 0; font-weight: bold }
            .qr { display: flex; justify-content: center; margin: 2mm 0 }
            .code { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-size: 10mm; font-weight: bold; letter-spacing: 1mm; text-align: center; margin: 1mm 0 0 }
            .scan { text-align: center; font-size: 3.5mm; margin: 1mm 0 0 }
            @media print { .hint { display: none } .label { border: 0 } }
            </style></head>
            <body>
            <p class="hint">{{t.labels_hint}}</p>
            {{^labels}}<p class="hint" id="labels-none">{{t.labels_none}}</p>{{/labels}}
            {{#labels}}
            <section class="label" data-trace="{{trace}}">
              <p class="produce">{{produce}}</p>
              <dl>
                <dt>{{t.labels_grade}}</dt><dd class="grade">{{grade}}</dd>
                <dt>{{t.labels_weight}}</dt><dd class="weight">{{kg}} kg</dd>
                <dt>{{t.labels_village}}</dt><dd class="village">{{village}}</dd>
                <dt>{{t.labels_grower}}</dt><dd class="grower">{{grower}}</dd>
              </dl>
              <div class="qr" data-url="{{url}}">{{#qr}}{{{qr}}}{{/qr}}{{^qr}}<p>{{t.labels_qrFailed}}</p>{{/qr}}</div>
              <p class="code">{{trace}}</p>
              <p class="scan">{{t.labels_scan}}</p>
            </section>
            {{/labels}}
            </body></html>
            """#
    )
}

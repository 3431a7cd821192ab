#!/usr/bin/env python3
"""SDK fidelity check: Taobao TOP's public Python SDKs, unchanged, against the mock platform.

Run the mock first (it reads the same config as the gateway):

    swift run mock-platform serve --port 9090 --config config/gateway.yaml
    python3 -m venv /tmp/sdk-venv && /tmp/sdk-venv/bin/pip install taobao-sdk-python3 py-taobao-open taobaopy
    /tmp/sdk-venv/bin/python scripts/sdk-fidelity/check_taobao.py --base http://127.0.0.1:9090

Only the SDKs' base URL (host and port) is pointed at the mock. The credentials are the demo defaults of
config/gateway.yaml (shop `linyin-taobao`), overridable with the same environment variables.

SDKs:
- `taobao-sdk-python3` (module `top`) and `py-taobao-open` (module `taobao_open`): the official SDK's
  template — request classes subclass `RestApi` and name the method in `getapiname()`; neither package
  ships the trade classes, so they are declared here the same way (nothing patched). Common parameters in
  the query string, business parameters in the form body, `sign_method=md5`, millisecond `timestamp`,
  `partner_id` signed along.
- `taobaopy` (module `taobaopy.taobao`): dynamic methods, every parameter in the form body,
  `sign_method=hmac` (HMAC-MD5), `timestamp` as local wall-clock `yyyy-MM-dd HH:mm:ss` — TOP reads it as
  Beijing time, so this script sets TZ=Asia/Shanghai for itself, as a caller outside China must.
"""

import argparse
import json
import os
import sys
import time
import urllib.request
from datetime import datetime, timedelta, timezone

APP_KEY = os.environ.get("LINYIN_TAOBAO_APP_KEY", "34560001")
APP_SECRET = os.environ.get("LINYIN_TAOBAO_APP_SECRET", "demo-linyin-taobao-secret")
SESSION = os.environ.get("LINYIN_TAOBAO_SESSION", "demo-linyin-taobao-session")
SHOP = "linyin-taobao"
BEIJING = timezone(timedelta(hours=8))
FIELDS = "tid,tid_str,status,payment,post_fee,total_fee,modified,pay_time,orders"

failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def seed(base):
    request = urllib.request.Request(base + "/_mock/taobao/demo-orders?shop=" + SHOP, data=b"", method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:
        return {entry["case"]: entry for entry in json.load(response)["orders"]}


def window():
    end = datetime.now(BEIJING)
    return (end - timedelta(minutes=30)).strftime("%Y-%m-%d %H:%M:%S"), end.strftime("%Y-%m-%d %H:%M:%S")


def check_trades(sdk, trades, cases):
    by_tid = {trade["tid_str"]: trade for trade in trades}
    check(all(entry["tid"] in by_tid for entry in cases.values()), f"{sdk}: paging backwards returns every demo trade")
    check(all(str(trade["tid"]) == trade["tid_str"] for trade in trades), f"{sdk}: tid (int64) equals tid_str")
    check(by_tid[cases["paid-59.80"]["tid"]]["payment"] == "59.80", f"{sdk}: payment \"59.80\"")
    check(by_tid[cases["unpaid-0.10"]["tid"]]["payment"] == "0.10" and by_tid[cases["unpaid-0.10"]["tid"]]["status"] == "WAIT_BUYER_PAY",
          f"{sdk}: unpaid trade \"0.10\" WAIT_BUYER_PAY")
    shipped = by_tid[cases["shipped-200.07"]["tid"]]
    check(shipped["payment"] == "200.07" and shipped["post_fee"] == "8.00" and shipped["status"] == "WAIT_BUYER_CONFIRM_GOODS",
          f"{sdk}: shipped trade \"200.07\" with post_fee \"8.00\"")
    expected = {"partly-shipped": "SELLER_CONSIGNED_PART", "forbid-consign": "PAID_FORBID_CONSIGN", "finished": "TRADE_FINISHED",
                "closed-unpaid": "TRADE_CLOSED_BY_TAOBAO", "closed-refunded": "TRADE_CLOSED"}
    check(all(by_tid[cases[name]["tid"]]["status"] == status for name, status in expected.items()), f"{sdk}: statuses of the demo trades")
    refunding = by_tid[cases["refund-requested"]["tid"]]["orders"]["order"][0]
    check(refunding["refund_status"] == "WAIT_SELLER_AGREE", f"{sdk}: sub-order refund_status WAIT_SELLER_AGREE")


def check_template_sdk(module_name, host, port, cases):
    sdk = __import__(module_name)
    base = __import__(module_name + ".api.base", fromlist=["RestApi"])
    RestApi = base.RestApi
    TopException = getattr(base, "TopException", Exception)

    class TradesSoldIncrementGetRequest(RestApi):
        def __init__(self, domain, port):
            RestApi.__init__(self, domain, port)
            self.start_modified = None
            self.end_modified = None
            self.fields = None
            self.page_no = None
            self.page_size = None
            self.use_has_next = None

        def getapiname(self):
            return "taobao.trades.sold.increment.get"

    class TradeFullinfoGetRequest(RestApi):
        def __init__(self, domain, port):
            RestApi.__init__(self, domain, port)
            self.tid = None
            self.fields = None

        def getapiname(self):
            return "taobao.trade.fullinfo.get"

    class ItemQuantityUpdateRequest(RestApi):
        def __init__(self, domain, port):
            RestApi.__init__(self, domain, port)
            self.num_iid = None
            self.sku_id = None
            self.quantity = None
            self.type = None

        def getapiname(self):
            return "taobao.item.quantity.update"

    sdk.setDefaultAppInfo(APP_KEY, APP_SECRET)
    start, end = window()

    def page(number, size):
        request = TradesSoldIncrementGetRequest(host, port)
        request.start_modified, request.end_modified = start, end
        request.fields = FIELDS
        request.page_no = number
        request.page_size = size
        return request.getResponse(SESSION)["trades_sold_increment_get_response"]

    total = page(1, 4)["total_results"]
    trades = []
    for number in range((total + 3) // 4, 0, -1):
        trades.extend(page(number, 4).get("trades", {}).get("trade", []))
    check(total >= len(cases), f"{module_name}: total_results {total}")
    check_trades(module_name, trades, cases)

    full = TradeFullinfoGetRequest(host, port)
    full.tid = cases["finished"]["tid"]
    full.fields = "tid,status,orders.oid,orders.refund_status"
    trade = full.getResponse(SESSION)["trade_fullinfo_get_response"]["trade"]
    check(trade["status"] == "TRADE_FINISHED" and len(trade["orders"]["order"]) == 2, f"{module_name}: trade.fullinfo.get of a finished trade")

    stock = ItemQuantityUpdateRequest(host, port)
    stock.num_iid = 680012345001
    stock.sku_id = 5100012345001
    stock.quantity = 30
    stock.type = 1
    check(stock.getResponse(SESSION)["item_quantity_update_response"]["item"]["num"] == 30, f"{module_name}: item.quantity.update")

    sdk.setDefaultAppInfo(APP_KEY, "wrong-secret")
    try:
        bad = TradeFullinfoGetRequest(host, port)
        bad.tid, bad.fields = cases["finished"]["tid"], "tid"
        bad.getResponse(SESSION)
        check(False, f"{module_name}: a wrong secret raises")
    except TopException as error:
        check(error.errorcode == 25, f"{module_name}: a wrong secret raises with code {error.errorcode} (25 Invalid signature)")
    sdk.setDefaultAppInfo(APP_KEY, APP_SECRET)


def check_taobaopy(base, cases):
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    from taobaopy.taobao import TaoBaoAPIClient, TaoBaoAPIError

    client = TaoBaoAPIClient(APP_KEY, APP_SECRET, domain=base, retry_count=1)
    client.set_access_token(SESSION)
    start, end = window()
    answer = client.trades_sold_increment_get(start_modified=start, end_modified=end, fields=FIELDS, page_size=100, use_has_next=True)
    response = answer["trades_sold_increment_get_response"]
    check("has_next" in response and "total_results" not in response, "taobaopy: use_has_next answers has_next only")
    check_trades("taobaopy", response["trades"]["trade"], cases)
    too_long = datetime.now(BEIJING) - timedelta(days=1, seconds=1)
    try:
        client.trades_sold_increment_get(start_modified=too_long.strftime("%Y-%m-%d %H:%M:%S"), end_modified=end, fields="tid")
        check(False, "taobaopy: a window over one day is rejected")
    except TaoBaoAPIError as error:
        check(str(error.code) == "41", f"taobaopy: a window over one day is rejected (code {error.code})")
    wrong = TaoBaoAPIClient(APP_KEY, "wrong-secret", domain=base, retry_count=1)
    wrong.set_access_token(SESSION)
    try:
        wrong.trade_fullinfo_get(tid=cases["finished"]["tid"], fields="tid")
        check(False, "taobaopy: a wrong secret is rejected")
    except TaoBaoAPIError as error:
        check(str(error.code) == "25", f"taobaopy: a wrong secret is rejected (code {error.code})")

    # taobao.logistics.offline.send (shipping.md §8b.4), unchanged: ship the paid demo trade, read the number back.
    tid = cases["paid-59.80"]["tid"]
    sent = client.logistics_offline_send(tid=tid, out_sid="SF1600000000001", company_code="SF")
    check(sent["logistics_offline_send_response"]["shipping"]["is_success"] is True, "taobaopy logistics.offline.send: is_success true")
    full = client.trade_fullinfo_get(tid=tid, fields="tid,status,orders")["trade_fullinfo_get_response"]["trade"]
    check(full["status"] == "WAIT_BUYER_CONFIRM_GOODS" and all(o.get("invoice_no") == "SF1600000000001" for o in full["orders"]["order"]),
          "taobaopy trade.fullinfo.get: WAIT_BUYER_CONFIRM_GOODS, every sub-order's invoice_no is the tracking number")
    try:
        client.logistics_offline_send(tid=tid, out_sid="SF1600000000002", company_code="SF")
        check(False, "taobaopy: a second offline.send is refused")
    except TaoBaoAPIError as error:
        check("B04" in str(error.sub_code), f"taobaopy: a second offline.send is refused with B04 ({error.sub_code})")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="http://127.0.0.1:9090", help="the mock platform root")
    arguments = parser.parse_args()
    base = arguments.base.rstrip("/")
    host, _, port = base.split("://", 1)[-1].partition(":")
    cases = seed(base)
    print(f"seeded {len(cases)} demo trades in {SHOP}")
    runners = [
        ("taobao-sdk-python3", lambda: check_template_sdk("top", host, int(port or 80), cases)),
        ("py-taobao-open", lambda: check_template_sdk("taobao_open", host, int(port or 80), cases)),
        ("taobaopy", lambda: check_taobaopy(base, cases)),
    ]
    for name, runner in runners:
        try:
            runner()
        except ImportError as error:
            check(False, f"{name} is not installed ({error})")
    print(f"{'FAILED' if failures else 'passed'}: {len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

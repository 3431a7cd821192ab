#!/usr/bin/env python3
"""SDK fidelity check: Pinduoduo's public Python SDKs, unchanged, against the mock platform.

Run the mock first (it reads the same config as the gateway):

    swift run mock-platform serve --port 9090 --config config/gateway.yaml
    python3 -m venv /tmp/sdk-venv && /tmp/sdk-venv/bin/pip install pdd-sdk pddsdk
    /tmp/sdk-venv/bin/python scripts/sdk-fidelity/check_pinduoduo.py --base http://127.0.0.1:9090

Only the SDKs' base URL (host and port) is pointed at the mock. The credentials are the demo defaults of
config/gateway.yaml (shop `yunlai-pinduoduo`), overridable with the same environment variables.

SDKs:
- `pdd-sdk` (module `pdd_sdk`): request classes subclass `pdd_sdk.api.base.RestApi` and name the API in
  `getapiname()`; the package ships only 多多客 (ddk) classes, so the order, detail and stock classes are
  declared here the same way (the SDK's own extension point, nothing patched). Common parameters go in the
  query string, business parameters in the form body; timestamp in seconds. The SDK would send the token
  as `session`, which Pinduoduo does not read, so `access_token` is set as a request attribute (it then
  travels in the body and is signed like any parameter).
- `pddsdk` (module `pddsdk`): `Client(...).call(params)` posts everything as a form body, timestamp in
  milliseconds. It also ships the paid demo order with `pdd.logistics.online.send` and reads the tracking
  number back (truth and `pdd.order.information.get`).
"""

import argparse
import json
import os
import sys
import time
import urllib.request
from decimal import Decimal

CLIENT_ID = os.environ.get("YUNLAI_PDD_CLIENT_ID", "demo0pdd0client0id0yunlai0000001")
CLIENT_SECRET = os.environ.get("YUNLAI_PDD_CLIENT_SECRET", "demo-yunlai-pinduoduo-secret")
ACCESS_TOKEN = os.environ.get("YUNLAI_PDD_ACCESS_TOKEN", "demo-yunlai-pinduoduo-access-token")
SHOP = "yunlai-pinduoduo"

failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def seed(base):
    request = urllib.request.Request(base + "/_mock/pinduoduo/demo-orders?shop=" + SHOP, data=b"", method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:
        return {entry["case"]: entry for entry in json.load(response)["orders"]}


def yuan(value):
    """The decimal a JSON number stands for, read through its shortest repr (59.8 → Decimal('59.8'))."""
    return Decimal(repr(value))


def check_pdd_sdk(host, port, cases):
    import pdd_sdk
    from pdd_sdk.api.base import DdkException, RestApi

    class OrderNumberListIncrementGet(RestApi):
        def __init__(self, domain, port):
            RestApi.__init__(self, domain, port)
            self.start_updated_at = None
            self.end_updated_at = None
            self.page = None
            self.page_size = None
            self.order_status = None
            self.refund_status = None
            self.is_lucky_flag = None
            self.use_has_next = None
            self.access_token = None

        def getapiname(self):
            return "pdd.order.number.list.increment.get"

    class OrderInformationGet(RestApi):
        def __init__(self, domain, port):
            RestApi.__init__(self, domain, port)
            self.order_sn = None
            self.access_token = None

        def getapiname(self):
            return "pdd.order.information.get"

    class GoodsQuantityUpdate(RestApi):
        def __init__(self, domain, port):
            RestApi.__init__(self, domain, port)
            self.goods_id = None
            self.sku_id = None
            self.quantity = None
            self.update_type = None
            self.access_token = None

        def getapiname(self):
            return "pdd.goods.quantity.update"

    pdd_sdk.setDefaultAppInfo(CLIENT_ID, CLIENT_SECRET)
    now = int(time.time())

    def page(number, size, use_has_next=None):
        request = OrderNumberListIncrementGet(host, port)
        request.start_updated_at = now - 1800
        request.end_updated_at = now
        request.page = number
        request.page_size = size
        request.order_status = 5
        request.refund_status = 5
        request.is_lucky_flag = 0
        request.use_has_next = use_has_next
        request.access_token = ACCESS_TOKEN
        return request.getResponse()["order_sn_increment_get_response"]

    first = page(1, 3)
    total = first["total_count"]
    check(total >= len(cases), f"pdd-sdk increment: total_count {total} covers the {len(cases)} demo orders")
    pages = (total + 2) // 3
    orders = {}
    for number in range(pages, 0, -1):  # backwards, as Pinduoduo asks
        for order in page(number, 3)["order_sn_list"]:
            orders[order["order_sn"]] = order
    check(all(entry["order_sn"] in orders for entry in cases.values()), "pdd-sdk increment: paging backwards returns every demo order")
    check("has_next" in page(1, 3, use_has_next="true") and "total_count" not in page(1, 3, use_has_next="true"),
          "pdd-sdk increment: use_has_next answers has_next instead of total_count")

    paid = orders[cases["paid-59.8"]["order_sn"]]
    check(yuan(paid["pay_amount"]) == Decimal("59.8") and paid["confirm_status"] == 1 and paid["order_status"] == 1,
          "paid order: pay_amount 59.8, confirm_status 1, order_status 1")
    unpaid = orders[cases["unpaid-0.1"]["order_sn"]]
    check(yuan(unpaid["pay_amount"]) == Decimal("0.1") and unpaid["confirm_status"] == 0 and "pay_time" not in unpaid,
          "unpaid order: pay_amount 0.1, confirm_status 0, no pay_time")
    shipped = orders[cases["shipped-200.07"]["order_sn"]]
    check(yuan(shipped["pay_amount"]) == Decimal("200.07") and yuan(shipped["postage"]) == Decimal("8.0") and shipped["order_status"] == 2,
          "shipped order: pay_amount 200.07, postage 8.0, order_status 2")
    grouping = orders[cases["grouping"]["order_sn"]]
    check(grouping["group_status"] == 0 and grouping["confirm_status"] == 0 and "pay_time" in grouping,
          "grouping order: paid, group_status 0, confirm_status 0")
    failed = orders[cases["group-failed"]["order_sn"]]
    check(failed["group_status"] == 2 and failed["confirm_status"] == 2 and failed["refund_status"] == 4, "failed group: 2/2, refund_status 4")
    check(orders[cases["refund-requested"]["order_sn"]]["refund_status"] == 2, "refund requested: refund_status 2")
    check(all(isinstance(item["sku_id"], int) for order in orders.values() for item in order["item_list"]), "item_list sku_id are integers")

    detail = OrderInformationGet(host, port)
    detail.order_sn = cases["completed"]["order_sn"]
    detail.access_token = ACCESS_TOKEN
    info = detail.getResponse()["order_info_get_response"]["order_info"]
    check(info["order_status"] == 3 and len(info["item_list"]) == 2, "pdd-sdk information.get: completed order with two items")

    stock = GoodsQuantityUpdate(host, port)
    stock.goods_id = 400567001
    stock.sku_id = 900567001
    stock.quantity = 88
    stock.update_type = 1
    stock.access_token = ACCESS_TOKEN
    check(stock.getResponse()["goods_quantity_update_response"]["is_success"] is True, "pdd-sdk goods.quantity.update: is_success")

    pdd_sdk.setDefaultAppInfo(CLIENT_ID, "wrong-secret")
    bad = OrderInformationGet(host, port)
    bad.order_sn = cases["completed"]["order_sn"]
    bad.access_token = ACCESS_TOKEN
    try:
        bad.getResponse()
        check(False, "pdd-sdk with a wrong secret raises DdkException")
    except DdkException as error:
        # The SDK reads `code`/`msg`; Pinduoduo answers `error_code`/`error_msg`, so only sub_code arrives.
        check(error.subcode == "20004", f"pdd-sdk with a wrong secret raises DdkException (sub_code {error.subcode})")
    pdd_sdk.setDefaultAppInfo(CLIENT_ID, CLIENT_SECRET)


def check_pddsdk(base, cases):
    from pddsdk.client import Client

    client = Client(CLIENT_ID, CLIENT_SECRET, url=base + "/api/router")
    now = int(time.time())
    answer = client.call({
        "type": "pdd.order.number.list.increment.get",
        "access_token": ACCESS_TOKEN,
        "start_updated_at": now - 1800,
        "end_updated_at": now,
        "page": 1,
        "page_size": 100,
    })
    listed = {order["order_sn"] for order in answer["order_sn_increment_get_response"]["order_sn_list"]}
    check(all(entry["order_sn"] in listed for entry in cases.values()), "pddsdk increment (form body, ms timestamp): every demo order")
    detail = client.call({"type": "pdd.order.information.get", "access_token": ACCESS_TOKEN, "order_sn": cases["paid-59.8"]["order_sn"]})
    check(yuan(detail["order_info_get_response"]["order_info"]["pay_amount"]) == Decimal("59.8"), "pddsdk information.get: 59.8")
    wrong = Client(CLIENT_ID, "wrong-secret", url=base + "/api/router").call({"type": "pdd.order.information.get", "access_token": ACCESS_TOKEN, "order_sn": "x"})
    error = wrong.get("error_response", {})
    check(error.get("error_code") == 20004 and "request_id" in error, "pddsdk wrong secret: error_response.error_code 20004")
    window = client.call({"type": "pdd.order.number.list.increment.get", "access_token": ACCESS_TOKEN,
                          "start_updated_at": now - 1801, "end_updated_at": now})
    check(window.get("error_response", {}).get("error_code") == 10000, "pddsdk window of 30 min + 1 s: error_code 10000")

    # pdd.logistics.online.send (shipping.md §8b.3), unchanged: ship the paid demo order, read the number back.
    order_sn = cases["paid-59.8"]["order_sn"]
    sent = client.call({"type": "pdd.logistics.online.send", "access_token": ACCESS_TOKEN, "order_sn": order_sn,
                        "logistics_id": 44, "tracking_number": "SF1500000000001"})
    check(sent.get("logistics_online_send_response", {}).get("is_success") is True, "pddsdk logistics.online.send: is_success true")
    with urllib.request.urlopen(base + "/_mock/truth") as response:
        shipped = [o for o in json.load(response)["orders"] if o["platform"] == "pinduoduo" and o["orderId"] == order_sn]
    check(shipped and shipped[0]["status"] == "shipped" and [p["trackingNo"] for p in shipped[0]["shipments"]] == ["SF1500000000001"]
          and shipped[0]["shipments"][0]["courierCode"] == "44", "mock truth: the order is shipped with SF1500000000001, logistics_id 44")
    info = client.call({"type": "pdd.order.information.get", "access_token": ACCESS_TOKEN, "order_sn": order_sn})
    check(info["order_info_get_response"]["order_info"].get("tracking_number") == "SF1500000000001",
          "pddsdk information.get: tracking_number read back")
    again = client.call({"type": "pdd.logistics.online.send", "access_token": ACCESS_TOKEN, "order_sn": order_sn,
                         "logistics_id": 44, "tracking_number": "SF1500000000002"})
    check(again.get("error_response", {}).get("error_code") == 50001, "pddsdk logistics.online.send again: error_code 50001 (already shipped)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="http://127.0.0.1:9090", help="the mock platform root")
    arguments = parser.parse_args()
    base = arguments.base.rstrip("/")
    host_port = base.split("://", 1)[-1]
    host, _, port = host_port.partition(":")
    cases = seed(base)
    print(f"seeded {len(cases)} demo orders in {SHOP}")
    for name, runner in [("pdd-sdk", lambda: check_pdd_sdk(host, int(port or 80), cases)), ("pddsdk", lambda: check_pddsdk(base, cases))]:
        try:
            runner()
        except ImportError as error:
            check(False, f"{name} is not installed ({error})")
    print(f"{'FAILED' if failures else 'passed'}: {len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

"""SDK fidelity check: doudian (PyPI `doudian`, minibear2021/doudian) against the mock's Douyin shop `yunlai-douyin`.

Run it with `run_douyin.sh`, or by hand (it starts the mock itself, see "Orders" below):

    MOCK_BIN=.build/debug/mock-platform MOCK_URL=http://127.0.0.1:9192 TZ=Asia/Shanghai \
        .build/sdk-fidelity-venv/bin/python scripts/sdk-fidelity/check_douyin.py

- Orders: the Douyin module has no `/_mock/douyin/orders` control route (MockShopScenario is only mounted by the
  Kuaishou, WeChat Channels and Youzan modules), and `mock-platform serve` offers no other way to create orders.
  So this script starts `mock-platform livestream --gateway <stand-in gateway>` itself (faults, drops, repeats
  and late pushes off): it places orders on every configured shop, pushes them to the stand-in gateway, and then
  keeps serving the open API for the checks below.
- API: `DouDian(app_key, app_secret, AppType.SELF, shop_id=…)` (token.create, self-authorised), then
  `request('/order/searchList' | '/order/orderDetail' | '/sku/syncStock', params)`. The SDK is unchanged. It
  hard-codes `https://openapi-fxg.jinritemai.com` and calls `requests.post` module-level (no session to mount an
  adapter on), so the check wraps `requests.adapters.HTTPAdapter.send` to send that host to the mock (a
  transport-level host override, like a hosts-file entry).
- The SDK's `timestamp` is `datetime.now()` formatted `yyyy-MM-dd HH:mm:ss`, i.e. the HOST's local time, while
  platforms.md §1.3 asks for Beijing time: on a UTC host the mock refuses it (isv.timestamp-invalid, -28800 s).
  That is the SDK's deviation (it assumes a host on China time); the check runs with TZ=Asia/Shanghai.
- The SDK accepts token.create/token.refresh only when the answer has `err_no == 0` (the old error fields of
  its README example answer, cited by platforms.md §1.3); the mock sends `err_no`/`message` unless the caller
  sends `x-open-no-old-err-code: 1` (the gateway does).
- Shipping: `request('/order/logisticsCompanyList' | '/order/logisticsAdd', params)` ships one paid order of the
  livestream and reads the tracking number back from `/_mock/truth` and `order.orderDetail` (`logistics_info`).
- Pushes: the stand-in gateway verifies every Douyin push with the SDK's `DouDian.callback(headers, body)`
  (`app-id` + `event-sign` = MD5(app_key + body + app_secret)) and answers as the SDK's README does.
"""
import json
import os
import pty
import shutil
import subprocess
import sys
import tempfile
import threading
import time

if os.environ.get("TZ") != "Asia/Shanghai":  # the SDK stamps requests with the host's local time (see above)
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()

from requests.adapters import HTTPAdapter  # noqa: E402

from doudian.core import DouDian  # noqa: E402
from doudian.type import AppType  # noqa: E402

from fidelity_common import MOCK_URL, Gateway, check, mock_get, truth  # noqa: E402

SHOP = "yunlai-douyin"
APP_KEY = "7011223344556677889"
APP_SECRET = os.environ.get("YUNLAI_DOUYIN_SECRET", "demo-yunlai-douyin-secret")
SHOP_ID = "4463798"
OTHER_SHOP = "linyin-douyin"
OTHER_APP_KEY = "7022334455667788990"
OTHER_SECRET = os.environ.get("LINYIN_DOUYIN_SECRET", "demo-linyin-douyin-secret")
DOUDIAN_HOST = "https://openapi-fxg.jinritemai.com"

_send = HTTPAdapter.send


def _to_mock(self, request, **kwargs):
    """Sends https://openapi-fxg.jinritemai.com/… to the mock; the SDK's request is otherwise untouched."""
    if request.url.startswith(DOUDIAN_HOST):
        request.url = MOCK_URL + request.url[len(DOUDIAN_HOST):]
    return _send(self, request, **kwargs)


HTTPAdapter.send = _to_mock


def requests_log(method):
    return [r for r in mock_get("/_mock/requests")["requests"] if r["platform"] == "douyin" and r["method"] == method]


def start_mock(gateway_url):
    """Starts `mock-platform livestream` on MOCK_URL's port and waits until the livestream has been played."""
    port = MOCK_URL.rsplit(":", 1)[1]
    command = [
        os.environ.get("MOCK_BIN", ".build/debug/mock-platform"), "livestream",
        "--config", os.environ.get("MOCK_CONFIG", "config/gateway.yaml"), "--port", port, "--gateway", gateway_url,
        "--orders", os.environ.get("DOUYIN_ORDERS", "30"), "--rate", "15",
        "--errors", "0", "--slow", "0", "--drop", "0", "--duplicates", "0", "--out-of-order", "0", "--late", "0",
    ]
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")  # for the config paths
    # A pseudo-terminal, so that the mock's progress lines are line-buffered and arrive as they are printed.
    master, slave = pty.openpty()
    process = subprocess.Popen(command, cwd=root, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave)
    os.close(slave)
    output = os.fdopen(master, "r", errors="replace")
    lines = []
    deadline = time.time() + 180
    while time.time() < deadline:
        try:
            line = output.readline()
        except OSError:  # EIO: the mock exited
            line = ""
        if not line:
            raise RuntimeError("mock-platform livestream stopped:\n" + "\n".join(lines))
        lines.append(line.rstrip())
        if "serving for the gateway's polls" in line:
            break
    else:
        process.terminate()
        raise RuntimeError("mock-platform livestream did not finish in time:\n" + "\n".join(lines))

    def drain():
        try:
            while output.readline():
                pass
        except OSError:
            pass

    threading.Thread(target=drain, daemon=True).start()
    print("\n".join("  mock: " + line for line in lines if line.startswith(("douyin", "playing"))))
    return process


def main():
    # Verifiers for the pushes: AppType.TOOL without a code makes no network call; callback needs only key and secret.
    verifiers = {SHOP: DouDian(APP_KEY, APP_SECRET, AppType.TOOL), OTHER_SHOP: DouDian(OTHER_APP_KEY, OTHER_SECRET, AppType.TOOL)}
    pushes = {SHOP: [], OTHER_SHOP: []}
    refused = []

    def handle(method, path, query, headers, body):
        if path.startswith("/webhooks/douyin/"):
            shop = path.rsplit("/", 1)[1]
            result = verifiers[shop].callback(headers, body)
            if result is None:
                refused.append((shop, headers, body))
                return 200, "application/json", json.dumps({"code": 40041, "message": "解析推送数据失败"}).encode()
            pushes[shop].append((headers, body, result))
            return 200, "application/json", b'{"code":0,"msg":"success"}'
        if path.startswith("/webhooks/kuaishou/"):
            return 200, "application/json", b'{"result":1}'
        if path.startswith("/webhooks/wechat-channels/"):
            return 200, "text/plain", b"success"
        return 200, "application/json", b'{"code":0,"msg":"success"}'

    gateway = Gateway(handle)
    print("doudian (minibear2021) against", MOCK_URL, "— pushes to", gateway.url)
    process = start_mock(gateway.url)
    workdir = tempfile.mkdtemp(prefix="doudian-")
    try:
        run_checks(pushes, refused, workdir)
    finally:
        process.terminate()
        process.wait(timeout=10)
        gateway.close()
        shutil.rmtree(workdir, ignore_errors=True)


def run_checks(pushes, refused, workdir):
    expected = truth("douyin", SHOP)
    check(len(expected) >= 3, "the livestream placed %d orders in %s" % (len(expected), SHOP))

    # --- pushes, verified by DouDian.callback
    check(not refused, "DouDian.callback accepted every Douyin push (%d refused)" % len(refused))
    check(len(pushes[SHOP]) > 0 and len(pushes[OTHER_SHOP]) > 0,
          "pushes verified for both Douyin shops (%d + %d)" % (len(pushes[SHOP]), len(pushes[OTHER_SHOP])))
    headers, body, result = pushes[SHOP][0]
    check(headers.get("app-id") == APP_KEY and len(headers.get("event-sign", "")) == 32, "push headers app-id = app_key, event-sign = 32 hex")
    check(isinstance(result, list) and all({"tag", "msg_id", "data"} <= set(m) for m in result),
          "callback returns the JSON array of {tag, msg_id, data}")
    pushed_ids = {str(json.loads(m["data"])["p_id"]) for _, _, r in pushes[SHOP] for m in r if m["tag"] != "0"}
    check(pushed_ids == set(expected), "pushes name exactly the shop's %d orders (p_id)" % len(expected))
    verifier = DouDian(APP_KEY, APP_SECRET, AppType.TOOL)
    check(verifier.callback(headers, body + b" ") is None, "callback refuses a push whose body was altered")
    check(verifier.callback(dict(headers, **{"app-id": OTHER_APP_KEY}), body) is None, "callback refuses another app-id")
    check(DouDian(APP_KEY, "wrong-secret", AppType.TOOL).callback(headers, body) is None, "callback with a wrong app_secret refuses the push")

    # --- token.create through the SDK (self-authorised shop)
    token_file = os.path.join(workdir, "yunlai.token")
    client = DouDian(APP_KEY, APP_SECRET, AppType.SELF, shop_id=SHOP_ID, token_file=token_file)
    check(os.path.exists(token_file), "token.create (authorization_self, shop_id %s): the SDK accepted and cached the token" % SHOP_ID)
    with open(token_file) as f:
        token = json.load(f)
    check(token.get("access_token") and token.get("refresh_token") and str(token.get("shop_id")) == SHOP_ID,
          "token carries access_token, refresh_token, shop_id %s" % SHOP_ID)
    created = requests_log("token.create")
    check(created and created[-1]["signatureValid"] and created[-1]["code"] == 10000, "mock: token.create signed correctly, code 10000")

    # --- order.searchList over the livestream's window, paged (0-based)
    now = int(time.time())
    listed, page = {}, 0
    while True:
        answer = client.request("/order/searchList", {
            "update_time_start": now - 3600, "update_time_end": now + 60,
            "order_by": "update_time", "order_asc": True, "page": page, "size": 4,
        })
        check(answer and answer["code"] == 10000 and answer["err_no"] == 0, "order.searchList page %d: code 10000" % page)
        for order in answer["data"]["shop_order_list"]:
            listed[order["order_id"]] = order
        if (page + 1) * 4 >= answer["data"]["total"]:
            break
        page += 1
    check(set(listed) == set(expected), "order.searchList returns every order of the shop (%d, %d pages)" % (len(listed), page + 1))
    check(all(o["pay_amount"] == expected[i]["paidFen"] and str(o["order_status"]) == expected[i]["platformStatus"] for i, o in listed.items()),
          "pay_amount (fen) and order_status match the mock's truth")
    check(all(isinstance(o["order_id"], str) and len(o["order_id"]) == 19 for o in listed.values()), "order_id is a 19-digit string")

    # --- order.orderDetail for one order
    order_id = max(expected, key=lambda i: len(expected[i]["lines"]))
    detail = client.request("/order/orderDetail", {"shop_order_id": order_id})
    check(detail and detail["code"] == 10000, "order.orderDetail: code 10000")
    shop_order = detail["data"]["shop_order_detail"]
    check(shop_order["order_id"] == order_id and shop_order["pay_amount"] == expected[order_id]["paidFen"],
          "order.orderDetail: order %s, pay_amount %d fen" % (order_id, shop_order["pay_amount"]))
    check({str(s["sku_id"]) for s in shop_order["sku_order_list"]} == {line["skuId"] for line in expected[order_id]["lines"]},
          "order.orderDetail: sku_order_list has the order's SKUs")
    missing = client.request("/order/orderDetail", {"shop_order_id": "1" * 19})
    check(missing["code"] != 10000 and missing["sub_code"].startswith("isv.business-failed"), "order.orderDetail of an unknown order: business error")

    # --- sku.syncStock
    line = expected[order_id]["lines"][0]
    stock = client.request("/sku/syncStock", {"product_id": line["productId"], "sku_id": line["skuId"], "stock_num": 88})
    check(stock and stock["code"] == 10000, "sku.syncStock: code 10000")
    levels = [s for s in mock_get("/_mock/stock")["stock"] if s["shop"] == SHOP and s.get("skuId") == line["skuId"]]
    check(levels and levels[0]["stock"] == 88, "mock: stock of SKU %s is 88" % line["skuId"])

    # --- a wrong app_secret is refused in Douyin's error shape
    bad_file = os.path.join(workdir, "bad.token")
    shutil.copy(token_file, bad_file)
    bad = DouDian(APP_KEY, "wrong-secret", AppType.SELF, shop_id=SHOP_ID, token_file=bad_file)  # its token.create fails
    check(bad.init_token() is False, "wrong app_secret: init_token() (token.create) returns False")
    refused_create = requests_log("token.create")[-1]
    check(not refused_create["signatureValid"] and refused_create["code"] == 40004, "mock: that token.create was refused with code 40004")
    error = bad.request("/order/orderDetail", {"shop_order_id": order_id})  # signed with the wrong secret, valid cached token
    check(error is not None and error["code"] == 40004 and error["sub_code"] == "isv.signature-invalid" and error["err_no"] != 0,
          "wrong app_secret: orderDetail answered code 40004, sub_code isv.signature-invalid, err_no non-zero")
    check({"code", "msg", "sub_code", "sub_msg", "log_id", "data"} <= set(error) and error["data"] == {},
          "error shape: code, msg, sub_code, sub_msg, log_id, data {}")

    # --- token.refresh: the SDK refreshes by itself when under 3000 s are left (a tool app with a cached token)
    token["expires_in"] = int(time.time()) + 60
    with open(token_file, "w") as f:
        json.dump(token, f)
    tool = DouDian(APP_KEY, APP_SECRET, AppType.TOOL, token_file=token_file)
    answer = tool.request("/order/orderDetail", {"shop_order_id": order_id})
    with open(token_file) as f:
        refreshed = json.load(f)
    check(requests_log("token.refresh")[-1]["code"] == 10000 and refreshed["access_token"] != token["access_token"],
          "token.refresh through the SDK's auto-refresh: new access_token cached")
    check(answer["code"] == 10000, "the call after the refresh succeeds with the new token")

    # --- order.logisticsCompanyList and order.logisticsAdd (shipping.md §8b.1) through the SDK, unchanged
    companies = client.request("/order/logisticsCompanyList", {})
    check(companies["code"] == 10000 and any(c["code"] == "shunfeng" for c in companies["data"]),
          "order.logisticsCompanyList: data is the courier array, with shunfeng")
    current = truth("douyin", SHOP)
    shippable = sorted(i for i, o in current.items()
                       if o["platformStatus"] == "2" and not o["shipments"] and all(l["refundState"] == "none" for l in o["lines"]))
    check(shippable, "the livestream left %d paid, unshipped orders without refunds" % len(shippable))
    ship_id = shippable[0]
    shipped = client.request("/order/logisticsAdd",
                             {"order_id": ship_id, "company_code": "shunfeng", "logistics_code": "SF1300000000001"})
    check(shipped and shipped["code"] == 10000 and shipped["data"] == {}, "order.logisticsAdd: code 10000, data {}")
    after = truth("douyin", SHOP)[ship_id]
    check(after["platformStatus"] == "3" and [s["trackingNo"] for s in after["shipments"]] == ["SF1300000000001"]
          and after["shipments"][0]["courierCode"] == "shunfeng",
          "mock truth: order %s shipped (3) with tracking number SF1300000000001, courier shunfeng" % ship_id)
    logistics = client.request("/order/orderDetail", {"shop_order_id": ship_id})["data"]["shop_order_detail"]["logistics_info"]
    check([l["tracking_no"] for l in logistics] == ["SF1300000000001"], "order.orderDetail: logistics_info carries the tracking number")
    again = client.request("/order/logisticsAdd",
                           {"order_id": ship_id, "company_code": "shunfeng", "logistics_code": "SF1300000000002"})
    check(again["code"] != 10000 and again["sub_code"] == "isv.business-failed:60110", "order.logisticsAdd again: isv.business-failed:60110 (已发货)")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as failure:
        print("FAIL " + str(failure))
        sys.exit(1)
    print("passed")

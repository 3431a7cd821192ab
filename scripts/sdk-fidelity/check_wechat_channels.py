"""SDK fidelity check: wechatpy (PyPI `wechatpy`) against the mock's WeChat Channels shop `linyin-wechat`.

- API: `WeChatClient.fetch_access_token()` and `client.post(...)` on the /channels/ec/ paths, with the SDK's base
  URL pointed at the mock (`API_BASE_URL` and the `api_base_url` argument). wechatpy 1.8.18 hard-codes the token
  URL `https://api.weixin.qq.com/cgi-bin/token`, so the check mounts a requests transport adapter on the client's
  session that sends that host to the mock (the SDK's code is unchanged).
- Pushes: the stand-in gateway checks the URL verification with `wechatpy.utils.check_signature` and decrypts
  every event with `wechatpy.crypto.WeChatCrypto.decrypt_message` (msg_signature, AES, appid check).
"""
import json
import sys

import requests
from requests.adapters import HTTPAdapter
from wechatpy import WeChatClient
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import WeChatClientException
from wechatpy.utils import check_signature

from fidelity_common import MOCK_URL, Gateway, check, mock_post, truth

SHOP = "linyin-wechat"
APP_ID = "wx5f1e2d3c4b5a6978"
SECRET = "demo-linyin-wechat-secret"
TOKEN = "demo-linyin-wechat-token"
AES_KEY = "ZGVtby1saW55aW4td2VjaGF0LWNoYW5uZWxzLWFlcyE"


class ToMock(HTTPAdapter):
    """Sends https://api.weixin.qq.com/… to the mock (a transport-level host override, like a hosts-file entry)."""

    def send(self, request, **kwargs):
        request.url = request.url.replace("https://api.weixin.qq.com", MOCK_URL, 1)
        return super().send(request, **kwargs)


def main():
    crypto = WeChatCrypto(TOKEN, AES_KEY, APP_ID)
    events = []

    def handle(method, path, query, headers, body):
        if method == "GET":
            check_signature(TOKEN, query["signature"], query["timestamp"], query["nonce"])
            return 200, "text/plain", query["echostr"].encode()
        check_signature(TOKEN, query["signature"], query["timestamp"], query["nonce"])
        envelope = json.loads(body)
        plain = crypto.decrypt_message(envelope, query["msg_signature"], query["timestamp"], query["nonce"])
        events.append(json.loads(plain))
        return 200, "text/plain", b"success"

    gateway = Gateway(handle)
    print("wechatpy against", MOCK_URL)
    verify = mock_post("/_mock/wechat-channels/verify", shop=SHOP, to=gateway.url)
    check(verify["acknowledged"], "URL verification GET: wechatpy check_signature accepts it and the echo is accepted")

    played = mock_post("/_mock/wechat-channels/orders", shop=SHOP, count=5, to=gateway.url)
    check(all(p["acknowledged"] for p in played["pushes"]), "%d pushes decrypted by WeChatCrypto and acked" % len(played["pushes"]))
    check(len(events) == len(played["pushes"]), "every push reached the gateway")
    check({str(e["order_info"]["order_id"]) for e in events} == set(played["orders"]), "events carry the created order ids")
    check(all(e["MsgType"] == "event" and e["Event"].startswith("channels_ec_order_") for e in events), "events are channels_ec_order_*")

    client = WeChatClient(APP_ID, SECRET)
    client.API_BASE_URL = MOCK_URL + "/cgi-bin/"
    client._http.mount("https://api.weixin.qq.com/", ToMock())
    token = client.fetch_access_token()
    check(token.get("expires_in") == 7200 and token.get("access_token"), "fetch_access_token through the SDK")

    base = MOCK_URL + "/"
    import time

    now = int(time.time())
    ids, next_key, pages = [], "", 0
    while True:
        page = client.post(
            "channels/ec/order/list/get",
            data={"update_time_range": {"start_time": now - 3600, "end_time": now + 60}, "page_size": 2, "next_key": next_key},
            api_base_url=base,
        )
        check(page["errcode"] == 0, "order/list/get page %d errcode 0" % (pages + 1))
        ids += page["order_id_list"]
        next_key, pages = page["next_key"], pages + 1
        if not page["has_more"]:
            break
    check(set(played["orders"]) <= set(ids), "paging by next_key found every created order (%d pages)" % pages)

    known = truth("wechat-channels", SHOP)
    for order_id in played["orders"]:
        order = client.post("channels/ec/order/get", data={"order_id": order_id}, api_base_url=base)["order"]
        check(str(order["order_id"]) == order_id and str(order["status"]) == known[order_id]["platformStatus"],
              "order/get %s status %s matches the truth" % (order_id, order["status"]))
        price = order["order_detail"]["price_info"]["order_price"]
        check(price == known[order_id]["paidFen"], "order_price %d fen matches the truth" % price)

    result = client.post(
        "channels/ec/product/stock/update",
        data={"product_id": "3656110990000000501", "sku_id": "1786000000000000501", "diff_type": 3, "num": 42},
        api_base_url=base,
    )
    check(result["errcode"] == 0, "product/stock/update set 42")

    try:
        client.post("channels/ec/order/list/get", data={"update_time_range": {"start_time": 0, "end_time": 999999}}, api_base_url=base)
        check(False, "a window over 7 days must raise")
    except WeChatClientException as error:
        check(error.errcode == 40097, "over-7-day window raises WeChatClientException errcode 40097")

    bad = WeChatClient(APP_ID, "wrong-secret")
    bad._http.mount("https://api.weixin.qq.com/", ToMock())
    try:
        bad.fetch_access_token()
        check(False, "a wrong secret must raise")
    except WeChatClientException as error:
        check(error.errcode == 40001, "wrong secret raises WeChatClientException errcode 40001")
    gateway.close()
    print("wechat-channels: wechatpy OK")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as error:
        print("FAILED:", error)
        sys.exit(1)

"""SDK fidelity check: kwaixiaodian (PyPI `kwaixiaodian`, the Python SDK platforms.md cites) against the mock's
Kuaishou shop `yunlai-kuaishou`, with `server_url`/`oauth_base_url` pointed at the mock.

- OAuth: `SyncOAuthManager.get_client_credentials_token()` (form POST to /oauth2/access_token).
- API: `client.order.list` (open.order.cursor.list, GET), `client.order.get` (open.order.detail, GET) and
  `client.item.update_stock` (open.item.sku.stock.update, POST form), signed by the SDK with HMAC_SHA256 and MD5;
  `client.order.ship` (open.seller.order.goods.deliver, POST) ships a paid order twice with the same tracking
  number (idempotent since 2024-11-25, shipping.md §8b.2).
  kwaixiaodian 1.0.3 builds the URL as "/open/" + method with dots turned to slashes, i.e.
  /open/open/order/cursor/list (its `build_api_url`), a path that platforms.md §2.2 does not have; the check
  therefore wraps the SDK's httpx transport to drop the doubled "/open" (the mock is not changed to serve it).
  The SDK's response models expect `result` to hold the data (its own convention); the mock answers as
  platforms.md §2.2 says (`result` 1 + `data`), so the check reads the mock's request log to see that every SDK
  request was accepted with a valid signature, and reads the answers' data itself.
- Pushes: the SDK has no message decryption, so the stand-in gateway decrypts with `cryptography`
  (AES-CBC, zero IV, PKCS5, Base64 key) and answers {"result":1}.
"""
import base64
import json
import sys
import time

import httpx

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from kwaixiaodian.auth import AuthConfig, SignMethod
from kwaixiaodian.auth.oauth import SyncOAuthManager
from kwaixiaodian.client.main import SyncKwaixiaodianClient

from fidelity_common import MOCK_URL, Gateway, check, mock_get, mock_post, truth

SHOP = "yunlai-kuaishou"
APP_KEY = "ks698620000000000001"
APP_SECRET = "demo-yunlai-kuaishou-secret"
SIGN_SECRET = "demo-yunlai-kuaishou-sign-secret"
MESSAGE_KEY = "ZGVtby1rcy1tc2drZXkxNg=="


def decrypt(body):
    decryptor = Cipher(algorithms.AES(base64.b64decode(MESSAGE_KEY)), modes.CBC(b"\0" * 16)).decryptor()
    padded = decryptor.update(base64.b64decode(body)) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return json.loads(unpadder.update(padded) + unpadder.finalize())


class DropDoubledOpen(httpx.BaseTransport):
    """Rewrites the SDK's /open/open/… paths to /open/… before they leave the process."""

    def __init__(self):
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request):
        if request.url.path.startswith("/open/open/"):
            request.url = request.url.copy_with(path=request.url.path[len("/open"):])
        return self.inner.handle_request(request)


def sdk_client(sign_secret, method=SignMethod.HMAC_SHA256):
    client = SyncKwaixiaodianClient(APP_KEY, APP_SECRET, sign_secret, server_url=MOCK_URL, sign_method=method)
    client._base_client.http_client._client._transport = DropDoubledOpen()
    return client


def call(action):
    """Runs one SDK call; the SDK's own response parsing may fail on platforms.md's answer shape (see above)."""
    try:
        action()
        return "parsed"
    except Exception as error:  # kwaixiaodian wraps everything in KwaixiaodianAPIError
        return "SDK parse error: %s" % str(error).splitlines()[0][:80]


def last_request(path):
    return [r for r in mock_get("/_mock/requests")["requests"] if r["platform"] == "kuaishou" and r["path"] == path][-1]


def main():
    messages = []

    def handle(method, path, query, headers, body):
        messages.append(decrypt(body.decode()))
        return 200, "application/json", b'{"result":1}'

    gateway = Gateway(handle)
    print("kwaixiaodian against", MOCK_URL)
    played = mock_post("/_mock/kuaishou/orders", shop=SHOP, count=5, to=gateway.url)
    check(all(p["acknowledged"] for p in played["pushes"]), "%d pushes decrypted (AES-CBC zero IV) and acked" % len(played["pushes"]))
    check({str(json.loads(m["info"])["oid"]) for m in messages} == set(played["orders"]), "info.oid carries the created order ids")
    check(all(m["event"].startswith("kwaishop_order_") and m["eventId"] for m in messages), "events are kwaishop_order_* with an eventId")
    heartbeat = mock_post("/_mock/kuaishou/heartbeat", shop=SHOP, to=gateway.url)
    check(heartbeat["acknowledged"] and messages[-1] == {"test": True}, "heartbeat {\"test\":true} decrypts and is acked")

    config = AuthConfig(app_key=APP_KEY, app_secret=APP_SECRET, sign_secret=SIGN_SECRET, server_url=MOCK_URL, oauth_base_url=MOCK_URL)
    token = SyncOAuthManager(config).get_client_credentials_token()
    check(token.access_token and token.expires_in == 172800, "SDK client-credentials token (48 h)")

    now = int(time.time() * 1000)
    known = truth("kuaishou", SHOP)
    for method in (SignMethod.HMAC_SHA256, SignMethod.MD5):
        client = sdk_client(SIGN_SECRET, method)
        outcome = call(lambda: client.order.list(token.access_token, begin_time=now - 3_600_000, end_time=now + 60_000, page_size=10))
        print("      (SDK: %s)" % outcome)
        record = last_request("/open/order/cursor/list")
        check(record["signatureValid"] and record["code"] == 1, "order.list signed with %s accepted (result 1)" % method.value)
        for oid in played["orders"]:
            call(lambda: client.order.get(token.access_token, order_id=int(oid)))
            record = last_request("/open/order/detail")
            check(record["signatureValid"] and record["code"] == 1, "order.get %s with %s accepted" % (oid, method.value))
        outcome = call(
            lambda: client.item.update_stock(token.access_token, item_id=3656110990000000501, sku_id=1786000000000000501, stock=5, change_type=1)
        )
        print("      (SDK: %s)" % outcome)
        record = last_request("/open/item/sku/stock/update")
        check(record["signatureValid"] and record["code"] == 1, "item.update_stock with %s accepted" % method.value)
    stock = [s for s in mock_get("/_mock/stock")["stock"] if s["platform"] == "kuaishou"]
    check(stock and stock[0]["stock"] == 10, "two +5 stock writes give 10")
    check(all(known[o]["platformStatus"] in ("10", "30", "40", "70", "80") for o in played["orders"]), "truth uses Kuaishou status codes")

    # --- open.seller.order.goods.deliver through client.order.ship (shipping.md §8b.2), unchanged
    paid = [o for o in played["orders"] if truth("kuaishou", SHOP)[o]["platformStatus"] == "30"]
    check(paid, "the played orders include a paid one (%d)" % len(paid))
    shipper = sdk_client(SIGN_SECRET)
    for attempt in ("first", "repeated"):
        print("      (SDK: %s)" % call(lambda: shipper.order.ship(token.access_token, order_id=int(paid[0]), express_code=4, express_no="SF1400000000001")))
        record = last_request("/open/seller/order/goods/deliver")
        check(record["signatureValid"] and record["code"] == 1, "order.ship (%s, same tracking number) accepted (result 1)" % attempt)
    after = truth("kuaishou", SHOP)[paid[0]]
    check(after["platformStatus"] == "40" and [p["trackingNo"] for p in after["shipments"]] == ["SF1400000000001"]
          and after["shipments"][0]["courierCode"] == "4", "mock truth: order shipped (40) once, tracking number SF1400000000001, expressCode 4")

    wrong = sdk_client("wrong-sign-secret")
    print("      (SDK: %s)" % call(lambda: wrong.order.list(token.access_token, begin_time=now - 3_600_000, end_time=now, page_size=10)))
    record = last_request("/open/order/cursor/list")
    check(not record["signatureValid"] and record["code"] == 2002, "a wrong signSecret is refused (result 2002)")
    gateway.close()
    print("kuaishou: kwaixiaodian OK")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as error:
        print("FAILED:", error)
        sys.exit(1)

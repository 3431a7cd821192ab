"""SDK fidelity check for Youzan: the only Youzan package on PyPI, `youzan` 0.1.3 (2016), is a client for the old
koudaitong `/api/entry` API with no push verification, and its signing calls `hashlib.md5` on a `str` (Python 2
only). The mock serves no Youzan API (platforms.md §6 researched pushes only), so the SDK has nothing to call: the
check shows that, then verifies the mock's pushes with a verifier written here from platforms.md §6
(Event-Sign = md5(client_id + raw body + client_secret); body `sign` = md5(client_id + msg + client_secret);
ack {"code":0,"msg":"success"}).
"""
import hashlib
import json
import sys
import urllib.parse

from fidelity_common import MOCK_URL, Gateway, check, mock_post, truth

SHOP = "yunlai-youzan"
CLIENT_ID = "6cd25b3f99727975b5"
CLIENT_SECRET = "demo-yunlai-youzan-secret"


def md5(data):
    return hashlib.md5(data).hexdigest()


def main():
    try:
        import youzan

        try:
            youzan.YouZan(CLIENT_ID, CLIENT_SECRET).get_sign({"method": "kdt.trades.sold.get"})
            print("  note  youzan SDK signs on this Python (unexpected)")
        except TypeError as error:
            print("  note  youzan SDK %s cannot sign on Python 3 (%s); it has no push verification" % (getattr(youzan, "__version__", "0.1.3"), error))
    except ImportError:
        print("  note  youzan SDK not installed")

    received = []

    def handle(method, path, query, headers, body):
        sign = md5(CLIENT_ID.encode() + body + CLIENT_SECRET.encode())
        if headers.get("event-sign") != sign:
            return 401, "application/json", b'{"code":401,"msg":"bad sign"}'
        message = json.loads(body)
        if message.get("sign") != md5((CLIENT_ID + message["msg"] + CLIENT_SECRET).encode()):
            return 401, "application/json", b'{"code":401,"msg":"bad body sign"}'
        received.append((headers, message))
        return 200, "application/json", b'{"code":0,"msg":"success"}'

    gateway = Gateway(handle)
    print("youzan pushes from", MOCK_URL)
    ping = mock_post("/_mock/youzan/test", shop=SHOP, to=gateway.url)
    check(ping["acknowledged"] and received[-1][1]["test"] is True, "test ping signed and acked")
    played = mock_post("/_mock/youzan/orders", shop=SHOP, count=5, to=gateway.url)
    check(all(p["acknowledged"] for p in played["pushes"]), "%d pushes verified (Event-Sign and body sign) and acked" % len(played["pushes"]))
    known = truth("youzan", SHOP)
    latest = {}
    for headers, message in received[1:]:
        check(headers.get("event-type") == message["type"] and headers.get("client-id") == CLIENT_ID, "headers Event-Type %s, Client-Id" % message["type"])
        trade = json.loads(urllib.parse.unquote(message["msg"]))["full_order_info"]
        latest[trade["order_info"]["tid"]] = trade
    for tid in played["orders"]:
        trade = latest[tid]
        check(trade["order_info"]["status"] == known[tid]["platformStatus"], "last push of %s has status %s as the truth" % (tid, known[tid]["platformStatus"]))
        fen = int(trade["pay_info"]["payment"].replace(".", ""))
        check(fen == known[tid]["paidFen"], "payment %s yuan = %d fen as the truth" % (trade["pay_info"]["payment"], fen))
    gateway.close()
    print("youzan: pushes OK (no usable SDK)")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as error:
        print("FAILED:", error)
        sys.exit(1)

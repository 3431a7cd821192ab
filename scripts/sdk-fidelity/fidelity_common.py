"""Shared helpers of the SDK fidelity checks: the mock's address, the shops of config/gateway.yaml (their
demo default credentials), a stand-in gateway that receives the mock's pushes, and the mock's control routes.

Only the standard library is used here; each check imports its platform's SDK itself.
"""
import json
import os
import threading
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MOCK_URL = os.environ.get("MOCK_URL", "http://127.0.0.1:9090").rstrip("/")


def mock_post(path, **query):
    """POSTs to a /_mock control route and returns the JSON answer."""
    url = MOCK_URL + path + "?" + urllib.parse.urlencode(query)
    with urllib.request.urlopen(urllib.request.Request(url, data=b"", method="POST"), timeout=30) as response:
        return json.loads(response.read())


def mock_get(path):
    with urllib.request.urlopen(MOCK_URL + path, timeout=30) as response:
        return json.loads(response.read())


def truth(platform, shop):
    """The mock's ground truth of one shop, by order id."""
    return {o["orderId"]: o for o in mock_get("/_mock/truth")["orders"] if o["platform"] == platform and o["shop"] == shop}


class Gateway:
    """A stand-in gateway on 127.0.0.1: every request goes to `handle(method, path, query, headers, body)`, which
    returns (status, content_type, body_bytes). Requests are recorded in `self.requests`."""

    def __init__(self, handle):
        self.requests = []
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self, method):
                parsed = urllib.parse.urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                query = dict(urllib.parse.parse_qsl(parsed.query, keep_blank_values=True))
                headers = {k.lower(): v for k, v in self.headers.items()}
                gateway.requests.append((method, parsed.path, query, headers, body))
                try:
                    status, content_type, answer = handle(method, parsed.path, query, headers, body)
                except Exception as error:  # a failed verification answers 401, as a gateway would
                    status, content_type, answer = 401, "text/plain", repr(error).encode()
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def do_GET(self):
                self._serve("GET")

            def do_POST(self):
                self._serve("POST")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print("  ok  " + message)

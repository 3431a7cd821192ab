#!/usr/bin/env bash
# CPU time per request of the webhook path, read from /proc (user + system time of the server process), so that a
# change can be compared on a machine that other work is loading: a release `gateway serve --ingest-only` gets N
# sequential GET /healthz (the baseline) and then N signed Douyin pushes over one keep-alive connection; prints
# microseconds of server CPU per request of each phase and their ratio. (valgrind 3.19 cannot read this
# toolchain's binaries and this machine has no hardware counters, so CPU time is the stable measure left.)
# Usage: scripts/bench/cpu-ingest.sh [requests] [gateway-binary] [synchronous]
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-5000}
binary=${2:-.build/release/gateway}
synchronous=${3:-full}
[ -x "$binary" ] || swift build -c release --product gateway
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
app_key=7011223344556677889
app_secret=bench-secret
cat > "$work/gateway.yaml" <<YAML
server: { host: 127.0.0.1, port: 0 }
storage: { url: "sqlite:$work/gateway.sqlite", synchronous: $synchronous }
shops:
  - key: bench-douyin
    platform: douyin
    enterprise: bench
    api_base: "http://127.0.0.1:1"
    credentials: { app_key: "$app_key", app_secret: "$app_secret", shop_id: "4463798" }
    poll: { enabled: false }
YAML
python3 scripts/bench/make-douyin-pushes.py "$count" "$app_key" "$app_secret" "$work/pushes.tsv"
# (Binaries built before --allow-demo-secrets existed are run without it, to compare against them.)
allow=$("$binary" serve --help 2>&1 | grep -q allow-demo-secrets && echo --allow-demo-secrets || true)
LOG_LEVEL=error "$binary" serve --config "$work/gateway.yaml" --port 0 --ingest-only $allow > "$work/out.txt" 2>&1 &
pid=$!
for _ in $(seq 1 200); do grep -q listening "$work/out.txt" 2>/dev/null && break; sleep 0.1; done
port=$(grep -o '127.0.0.1:[0-9]*' "$work/out.txt" | head -1 | cut -d: -f2)
python3 - "$port" "$count" "$work/pushes.tsv" "$app_key" "$pid" <<'PY'
import http.client, os, sys
port, count, pushes, app_key, pid = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
tick = os.sysconf("SC_CLK_TCK")
def cpu():
    fields = open("/proc/%s/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / tick   # utime + stime
def send(conn, method, path, body=None, headers={}):
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse(); response.read()
    if response.status != 200: raise SystemExit("%s %s answered %d" % (method, path, response.status))
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
for _ in range(500): send(conn, "GET", "/healthz")    # warm-up
start = cpu()
for _ in range(count): send(conn, "GET", "/healthz")
healthz = cpu() - start
lines = open(pushes).read().splitlines()
start = cpu()
for line in lines:
    sign, body = line.split("\t", 1)
    send(conn, "POST", "/webhooks/douyin/bench-douyin", body.encode(), {"app-id": app_key, "event-sign": sign})
push = cpu() - start
print("requests per phase: %d (sequential, one keep-alive connection)" % count)
print("GET /healthz:        %7.1f µs server CPU per request" % (healthz / count * 1e6))
print("signed Douyin push:  %7.1f µs server CPU per request" % (push / count * 1e6))
print("ratio push / healthz (CPU): %.2f (lower is better)" % (push / healthz))
PY

#!/usr/bin/env bash
# Durable webhook ingest measured with wrk (Debian package) against a release `gateway serve --ingest-only`:
# baseline = the same server's GET /healthz with the same wrk settings in the same run.
# Usage: scripts/bench/wrk-ingest.sh [connections] [seconds] [synchronous]
set -euo pipefail
cd "$(dirname "$0")/../.."
connections=${1:-64}
seconds=${2:-8}
synchronous=${3:-full}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
[ -x .build/release/gateway ] || swift build -c release --product gateway
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
app_key=7011223344556677889
app_secret=bench-secret
cat > "$work/gateway.yaml" <<YAML
server: { host: 127.0.0.1, port: 0 }
storage: { url: "sqlite:$work/gateway.sqlite", synchronous: $synchronous, data_keys: "bench:$(printf 'gateway-bench-data-key-32-bytes!' | base64)" }
shops:
  - key: bench-douyin
    platform: douyin
    enterprise: bench
    api_base: "http://127.0.0.1:1"
    credentials: { app_key: "$app_key", app_secret: "$app_secret", shop_id: "4463798" }
    poll: { enabled: false }
YAML
python3 scripts/bench/make-douyin-pushes.py 400000 "$app_key" "$app_secret" "$work/pushes.tsv"
LOG_LEVEL=error .build/release/gateway serve --config "$work/gateway.yaml" --port 0 --ingest-only --allow-demo-secrets > "$work/out.txt" &
pid=$!
for _ in $(seq 1 100); do grep -q listening "$work/out.txt" 2>/dev/null && break; sleep 0.1; done
port=$(grep -o '127.0.0.1:[0-9]*' "$work/out.txt" | head -1 | cut -d: -f2)
url="http://127.0.0.1:$port"
wrk -t2 -c"$connections" -d2s "$url/healthz" >/dev/null   # warm-up
echo "== /healthz, $connections connections, ${seconds}s"
wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url/healthz" | tee "$work/healthz.txt"
echo "== signed Douyin pushes ($synchronous), $connections connections, ${seconds}s"
WRK_PUSHES="$work/pushes.tsv" WRK_APP_KEY="$app_key" \
    wrk -t2 -c"$connections" -d"${seconds}s" --latency -s scripts/bench/douyin-pushes.lua "$url/webhooks/douyin/bench-douyin" | tee "$work/push.txt"
healthz=$(awk '/Requests\/sec/ {print $2}' "$work/healthz.txt")
pushes=$(awk '/Requests\/sec/ {print $2}' "$work/push.txt")
non2xx=$(awk '/Non-2xx/ {print $5}' "$work/push.txt")
stored=$(sqlite3 "$work/gateway.sqlite" "select count(*) from inbox" 2>/dev/null || echo "?")
echo "stored deliveries: $stored; non-2xx answers: ${non2xx:-0}"
python3 -c "print('ratio acknowledged pushes / healthz: %.2f' % ($pushes / $healthz))"

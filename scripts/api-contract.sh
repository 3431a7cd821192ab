#!/usr/bin/env bash
# The staff API against its own OpenAPI document: schemathesis (PyPI, pinned, in a venv under .build/) drives a
# live gateway serving a copy of the demo data — status codes, response schemas, content types, no 5xx, invalid
# input refused, undocumented methods refused. `.ci/run` calls it after the test command; it runs locally too:
#
#     scripts/api-contract.sh                    # uses .build/debug/gateway (built if missing)
#     GATEWAY_BINARY=.build/release/gateway MAX_EXAMPLES=100 scripts/api-contract.sh
#
# Bounded: a short demo livestream (≈20 s) seeds orders, exceptions, live events and parcels; schemathesis runs
# the examples, coverage and fuzzing phases with MAX_EXAMPLES cases per operation; the whole step is killed after
# CONTRACT_TIMEOUT seconds. The report (JUnit XML, logs) is left in .build/api-contract/.
set -euo pipefail
cd "$(dirname "$0")/.."

SCHEMATHESIS_VERSION=4.32.5
MAX_EXAMPLES=${MAX_EXAMPLES:-30}
CONTRACT_TIMEOUT=${CONTRACT_TIMEOUT:-420}
SEED=${SEED:-20261129}
BINARY=${GATEWAY_BINARY:-.build/debug/gateway}
OUT=.build/api-contract
VENV=.build/schemathesis-venv
started=$(date +%s)

if [ ! -x "$BINARY" ]; then
    swift build --product gateway
fi
if [ "$("$VENV/bin/st" --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -1)" != "$SCHEMATHESIS_VERSION" ]; then
    rm -rf "$VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

rm -rf "$OUT"
mkdir -p "$OUT"
# The demo data: a short county-head livestream through the mock platform (orders on every platform, repeats,
# cancellations, refunds, the unmapped kiwi exceptions, household parcels), kept in a SQLite file.
if ! timeout 240 "$BINARY" demo --quick --orders 150 --no-wait --port 0 --mock-port 0 --database "$OUT/demo.sqlite" >"$OUT/demo.log" 2>&1; then
    echo "api-contract: the demo did not finish cleanly (see $OUT/demo.log); testing against what it stored"
fi
test -s "$OUT/demo.sqlite"

token="contract-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
# The shipped configuration, with the failure throttle opened: schemathesis sends hundreds of requests with wrong
# or missing tokens from one address (its auth checks), which the default throttle would answer with 429 for
# minutes. The master data is already in the demo database, so its (relative) file paths are left out of the copy.
grep -v '^master_data:' config/gateway.yaml > "$OUT/gateway.yaml"
echo 'security: { client_failure_burst: 1000000, username_failure_burst: 1000000 }' >> "$OUT/gateway.yaml"
GATEWAY_ADMIN_TOKEN="$token" LOG_LEVEL=error "$BINARY" serve --config "$OUT/gateway.yaml" --database "sqlite:$OUT/demo.sqlite" --port 0 --allow-demo-secrets \
    >"$OUT/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
port=""
for _ in $(seq 1 100); do
    port=$(sed -n 's#^gateway listening on http://[^:]*:\([0-9]*\).*#\1#p' "$OUT/serve.log" | head -1)
    [ -n "$port" ] && break
    kill -0 "$server" 2>/dev/null || { cat "$OUT/serve.log"; exit 1; }
    sleep 0.2
done
[ -n "$port" ] || { echo "api-contract: the gateway did not start"; cat "$OUT/serve.log"; exit 1; }
base="http://127.0.0.1:$port"

status=0
root=$(pwd)
# From inside $OUT, so that schemathesis' own files (.schemathesis/) stay out of the work tree.
(cd "$OUT" && timeout "$CONTRACT_TIMEOUT" "$root/$VENV/bin/st" --config-file "$root/scripts/api-contract.toml" run "$base/api/v1/openapi.json" \
    --url "$base" \
    --header "Authorization: Bearer $token" \
    --checks all \
    --phases examples,coverage,fuzzing \
    --max-examples "$MAX_EXAMPLES" \
    --seed "$SEED" \
    --generation-database none \
    --workers 1 \
    --request-timeout 20 \
    --no-color \
    --report junit --report-junit-path junit.xml) || status=$?

if ! kill -0 "$server" 2>/dev/null; then
    echo "api-contract: the gateway died during the run"
    tail -50 "$OUT/serve.log"
    status=1
fi
echo "api-contract: schemathesis exit $status in $(($(date +%s) - started)) s (seed $SEED, $MAX_EXAMPLES examples per operation)"
exit "$status"

#!/usr/bin/env bash
# SDK fidelity checks: public Python SDKs, unchanged, against `mock-platform serve` (config/gateway.yaml).
# Usage: scripts/sdk-fidelity/run_kuaishou_wechat_youzan.sh [port]   (needs PyPI; builds the mock with `swift build` first)
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="${1:-9191}"
VENV="${SDK_VENV:-.build/sdk-fidelity-venv}"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q wechatpy==1.8.18 kwaixiaodian==1.0.3 youzan==0.1.3 cryptography
fi
PYTHON="$(realpath -m "$VENV")/bin/python"
swift build --product mock-platform >/dev/null
.build/debug/mock-platform serve --port "$PORT" --config config/gateway.yaml >/tmp/sdk-fidelity-mock.log 2>&1 &
MOCK_PID=$!
trap 'kill "$MOCK_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/_mock/health" >/dev/null && break; sleep 0.2; done
export MOCK_URL="http://127.0.0.1:$PORT"
status=0
for check in check_wechat_channels.py check_kuaishou.py check_youzan.py; do
    echo "== $check"
    (cd scripts/sdk-fidelity && "$PYTHON" -W ignore "$check") || status=1
done
exit "$status"

#!/usr/bin/env bash
# SDK fidelity check: Douyin's public Python SDK `doudian` (minibear2021/doudian), unchanged, against the mock.
# Usage: scripts/sdk-fidelity/run_douyin.sh [port]   (needs PyPI; builds the mock with `swift build` first)
# check_douyin.py starts `mock-platform livestream` itself (the Douyin module has no /_mock/douyin/orders route)
# and runs with TZ=Asia/Shanghai (the SDK stamps requests with the host's local time); see its docstring.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="${1:-9192}"
VENV="${SDK_VENV:-.build/sdk-fidelity-venv}"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import doudian" 2>/dev/null; then
    "$VENV/bin/pip" install -q doudian==0.6
fi
PYTHON="$(realpath -m "$VENV")/bin/python"
swift build --product mock-platform >/dev/null
export MOCK_BIN="$(pwd)/.build/debug/mock-platform"
export MOCK_URL="http://127.0.0.1:$PORT" TZ=Asia/Shanghai
echo "== check_douyin.py"
cd scripts/sdk-fidelity && "$PYTHON" -W ignore check_douyin.py

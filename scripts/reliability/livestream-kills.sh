#!/usr/bin/env bash
# The seeded livestream on every platform with the gateway killed (SIGKILL) twice mid-burst, N times in a
# row with different seeds (default 10). Each run prints one RELIABILITY line: orders compared, differences
# from the mock's truth, lost, duplicated, oversold stock levels and levels whose reserved count differs from
# the sum of the active reservations. Usage: scripts/reliability/livestream-kills.sh [runs] [first-seed]
set -uo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10}
first=${2:-1}
swift build --build-tests >/dev/null || exit 1
failed=0
for seed in $(seq "$first" $((first + runs - 1))); do
    output=$(LIVESTREAM_SEED=$seed swift test --skip-build --filter LivestreamInvariantKillTests 2>&1)
    line=$(grep '^RELIABILITY' <<<"$output" || echo "RELIABILITY seed=$seed (no result line)")
    if grep -q "Test run with 1 test.* passed" <<<"$output"; then echo "$line PASS"; else echo "$line FAIL"; failed=$((failed + 1)); fi
done
echo "$runs runs, $failed failed"
[ "$failed" -eq 0 ]

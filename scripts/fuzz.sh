#!/usr/bin/env bash
# Builds the libFuzzer executable (Fuzz/README.md) and runs fuzz targets on copies of their seed corpora.
#
#   scripts/fuzz.sh --list                 the targets
#   scripts/fuzz.sh [TARGET|all] [SECONDS] run one target or every one, SECONDS each (default: all, 20)
#
# Prints executions and crashes per target and exits 1 when any target crashed (or did not run); each crashing
# input is kept in Fuzz/crashes/ (reproduce: .build-fuzz/debug/GatewayFuzz TARGET Fuzz/crashes/FILE). The committed
# corpus is never changed: new inputs go to a temporary copy (FUZZ_KEEP_CORPUS=DIR keeps them there instead).
#
# Environment: FUZZ_SANITIZERS (default fuzzer,address), FUZZ_OPTIMIZE=1 (the project's modules with -O), FUZZ_SCRATCH_PATH (default .build-fuzz; its own folder,
# so the normal .build is never invalidated), FUZZ_RUNS (stop a target after this many executions as well),
# FUZZ_ARGS (more libFuzzer options).
set -euo pipefail
cd "$(dirname "$0")/.."

sanitizers="${FUZZ_SANITIZERS:-fuzzer,address}"
scratch="${FUZZ_SCRATCH_PATH:-.build-fuzz}"
binary="$scratch/debug/GatewayFuzz"
crashes="Fuzz/crashes"

build() {
    local started=$SECONDS
    GATEWAY_FUZZ=1 GATEWAY_FUZZ_SANITIZERS="$sanitizers" GATEWAY_FUZZ_OPTIMIZE="${FUZZ_OPTIMIZE:-0}" \
        swift build --scratch-path "$scratch" --product GatewayFuzz 2>&1 | grep -Ev "unhandled; explicitly declare|CMakeLists.txt$" | tail -n 3
    echo "fuzz binary ready ($sanitizers) in $((SECONDS - started)) s: $binary"
}

if [[ "${1:-}" == "--list" ]]; then
    build >&2
    "$binary" --list
    exit 0
fi

selection="${1:-all}"
seconds="${2:-20}"
build
if [[ "$selection" == "all" ]]; then
    mapfile -t targets < <("$binary" --list | cut -f1)
else
    targets=("$selection")
fi

export SWIFT_BACKTRACE=enable=no                      # otherwise swift-backtrace holds each crash for a long time
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:handle_abort=1}"
mkdir -p "$crashes"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

failed=0
total_started=$SECONDS
printf '%-28s %12s %8s %8s  %s\n' target executions seconds crashes result
for target in "${targets[@]}"; do
    corpus="${FUZZ_KEEP_CORPUS:-$work/corpus}/$target"
    mkdir -p "$corpus"
    if [[ -d "Fuzz/Corpus/$target" ]]; then cp -R "Fuzz/Corpus/$target/." "$corpus/"; fi
    log="$work/$target.log"
    before=$({ find "$crashes" -name "$target-*" 2>/dev/null || true; } | wc -l)
    started=$SECONDS
    status=0
    # shellcheck disable=SC2086
    "$binary" "$target" "$corpus" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
        -dict=Fuzz/fuzz.dict \
        -artifact_prefix="$crashes/$target-" ${FUZZ_RUNS:+-runs=$FUZZ_RUNS} ${FUZZ_ARGS:-} >"$log" 2>&1 || status=$?
    elapsed=$((SECONDS - started))
    executions=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$' || true)
    mkdir -p "$crashes"
    found=$(($({ find "$crashes" -name "$target-*" 2>/dev/null || true; } | wc -l) - before))
    result=ok
    if [[ $status -ne 0 || $found -gt 0 ]]; then
        result="FAILED (exit $status)"
        failed=1
        cp "$log" "$crashes/$target.log"
        { grep -E "ERROR|SUMMARY|Fatal error|fuzz property|Test unit written|usage" "$log" || true; } | head -n 8 | sed 's/^/    /' || true
    fi
    printf '%-28s %12s %8s %8s  %s\n' "$target" "${executions:-?}" "$elapsed" "$found" "$result"
done
echo "fuzzing took $((SECONDS - total_started)) s for ${#targets[@]} target(s)"
if [[ $failed -ne 0 ]]; then
    echo "a fuzz target crashed: the inputs and logs are in $crashes/" >&2
    exit 1
fi

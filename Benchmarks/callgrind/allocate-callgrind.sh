#!/bin/sh
# Instruction counts of SupplyPool.allocate with valgrind's callgrind, stable on a shared machine.
# Builds GatewayCore (as a module of its own, -O -wmo like a release build) from the working tree or from a
# git revision, links AllocateDriver.swift (the loop of `gateway-bench allocate`) against it and runs it.
# Usage: Benchmarks/callgrind/allocate-callgrind.sh [LINES] [REVISION]   e.g. 20000 a7ef4c0
set -eu
lines=${1:-20000}
revision=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
if [ -n "$revision" ]; then
    git -C "$root" archive "$revision" Sources/GatewayCore | tar -x -C "$work"
else
    mkdir -p "$work/Sources" && cp -R "$root/Sources/GatewayCore" "$work/Sources/"
fi
swiftc -O -wmo -parse-as-library -module-name GatewayCore -emit-library -emit-module \
    -emit-module-path "$work/GatewayCore.swiftmodule" -o "$work/libGatewayCore.so" \
    $(find "$work/Sources/GatewayCore" -name '*.swift')
swiftc -O -I "$work" -L "$work" -lGatewayCore -Xlinker -rpath="$work" "$here/AllocateDriver.swift" -o "$work/allocate-driver"
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" "$work/allocate-driver" "$lines" 2>&1 | grep -E "allocate-driver|Collected"
callgrind_annotate --inclusive=yes "$work/callgrind.out" | grep -E "PROGRAM TOTALS|10SupplyPoolV8allocateySay" | cut -c1-120
echo "callgrind output: $work/callgrind.out"

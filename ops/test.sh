#!/usr/bin/env bash
# test.sh — the README's second command: install what is missing, build, run every test.
#
# Two builds: build-asan (AddressSanitizer + UndefinedBehaviorSanitizer) runs the
# unit tests, then build runs the whole suite (unit, sandbox, end-to-end against
# a real PostgreSQL and real processes, benchmarks that print figures). The
# output ends with ctest's summary of the full run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc)

"$root/ops/install-deps.sh"

echo "== sanitizer build: unit tests =="
cmake -S "$root" -B "$root/build-asan" -DLAB_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build "$root/build-asan" -j"$jobs" >/dev/null
(cd "$root/build-asan" && ASAN_OPTIONS=detect_leaks=1 CK_TIMEOUT_MULTIPLIER=4 \
    ctest -L unit --output-on-failure -j"$jobs")

echo "== main build: every test =="
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$root/build" -j"$jobs" >/dev/null
cd "$root/build"
echo "== benchmarks (figures printed, never asserted) =="
bench_rc=0
ctest -L bench --verbose >bench.log 2>&1 || bench_rc=$?
grep -vE '^[0-9]+: (Test command|Working Directory|Environment variables| *[A-Z_]+=)' bench.log || true
if [ "$bench_rc" -ne 0 ]; then
    echo "a benchmark failed to run; its output is above (build/bench.log)" >&2
    exit 1
fi
echo "== every other test =="
exec ctest --output-on-failure -LE bench

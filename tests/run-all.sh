#!/usr/bin/env bash
# The one test command: installs what it needs, builds everything, runs every suite (native C through CTest,
# including the Cortex-M7 cross build and the QEMU run, and every .NET test project), then prints one closing
# "N passed, N failed" line summed over all suites. Exits non-zero if anything failed.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source tests/scripts/require-packages.sh
require_packages || exit 2

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
passed=0; failed=0
logs="$root/build/test-logs"; mkdir -p "$logs"

add_counts() { passed=$((passed + $1)); failed=$((failed + $2)); }

echo "== native (nf-targets): configure, build, ctest"
native_build="$root/build/nf-targets"
if cmake -S nf-targets -B "$native_build" -DCMAKE_BUILD_TYPE=Release >"$logs/native-configure.log" 2>&1 &&
   cmake --build "$native_build" -j2 >"$logs/native-build.log" 2>&1; then
  (cd "$native_build" && ctest --output-on-failure -j2 2>&1) | tee "$logs/ctest.log"
  read -r total bad < <(sed -n 's/.*tests passed, \([0-9]*\) tests failed out of \([0-9]*\).*/\2 \1/p' "$logs/ctest.log" | tail -1)
  if [ -n "${total:-}" ]; then add_counts $((total - bad)) "$bad"; else echo "ctest printed no summary"; add_counts 0 1; fi
  echo "-- native figures (full output: $native_build/Testing/Temporary/LastTest.log)"
  grep -E 'power-cut campaign:|stage, no signature check:|stage with ECDSA-P256 check:|stack used by the stage|wycheproof .*: .*(accepted|cases)' \
    "$native_build/Testing/Temporary/LastTest.log" | sed 's/^ */   /' | sort -u
else
  echo "native build failed:"; tail -40 "$logs/native-configure.log" "$logs/native-build.log"; add_counts 0 1
fi

echo "== .NET: build and test"
if dotnet build Stm32NanoUpdater.DotNet.slnf -c Release -nologo -v q >"$logs/dotnet-build.log" 2>&1; then
  dotnet test Stm32NanoUpdater.DotNet.slnf -c Release --no-build -nologo 2>&1 | tee "$logs/dotnet-test.log"
  status=${PIPESTATUS[0]}
  summaries=$(grep -E '^(Passed|Failed)!' "$logs/dotnet-test.log" || true)
  sum() { sed -n "s/.*$1: *\([0-9]*\).*/\1/p" <<<"$summaries" | awk '{t+=$1} END {print t+0}'; }
  p=$(sum Passed); f=$(sum Failed); s=$(sum Skipped)
  add_counts "${p:-0}" "$(( ${f:-0} + ${s:-0} ))"   # a skipped test is not a passed one
  if [ "$status" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then echo "dotnet test failed without a failing test (crash?)"; add_counts 0 1; fi
else
  echo ".NET build failed:"; grep -E 'error|Error' "$logs/dotnet-build.log" | sort -u | head -40; add_counts 0 1
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

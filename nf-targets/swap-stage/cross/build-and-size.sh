#!/usr/bin/env bash
# Cross-builds the swap stage for Cortex-M7 (arm-none-eabi-gcc, -Os, --gc-sections, newlib-nano) and prints what it
# costs in the booter: text/data/bss of a probe that calls the stage minus the same probe without the call (both link
# what nanoBooter has anyway: memcpy, memset, SUPPORT_ComputeCRC). Then the same with the ECDSA-P256 signature check,
# mbedTLS compiled from Debian's source package (fetched with `apt-get source` into the build tree; as root it adds a
# deb-src entry first). When the source cannot be had, says so and skips only that line. Also builds the QEMU test
# program.
#   build-and-size.sh <firmware source dir> <build dir>
set -euo pipefail
firmware="$1"
build="$2"
mbedtls_cache="$build/mbedtls-source"
log="$build/build.log"
mkdir -p "$build"

fetch_mbedtls() {
  local work="$build/mbedtls-download"
  [ -f "$mbedtls_cache/include/mbedtls/ecdsa.h" ] && return 0
  rm -rf "$work" && mkdir -p "$work"
  if ! (cd "$work" && apt-get source --download-only mbedtls >>"$log" 2>&1); then
    if [ "$(id -u)" -ne 0 ]; then
      echo "mbedTLS source: not root, cannot add a deb-src entry (run once as root, or add one yourself)"
      return 1
    fi
    if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
      sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
        >/etc/apt/sources.list.d/stm32nanoupdater-deb-src.sources 2>>"$log" || return 1
    fi
    apt-get update -qq >>"$log" 2>&1 ||
      { echo "mbedTLS source: apt-get update failed (no network, or apt locked by another process)"; return 1; }
    (cd "$work" && apt-get source --download-only mbedtls >>"$log" 2>&1) ||
      { echo "mbedTLS source: apt-get source mbedtls failed (see $log)"; return 1; }
  fi
  local tarball
  tarball=$(ls "$work"/mbedtls_*.orig.tar.* 2>/dev/null | head -1)
  [ -n "$tarball" ] || { echo "mbedTLS source: no orig tarball downloaded"; return 1; }
  mkdir -p "$mbedtls_cache"
  tar -xf "$tarball" -C "$mbedtls_cache" --strip-components=1
}

sizes() { arm-none-eabi-size "$1" | awk 'NR==2 {print $1, $2, $3}'; }

mbedtls_flag=()
if fetch_mbedtls; then
  mbedtls_flag=(-DNU_MBEDTLS_SOURCE="$mbedtls_cache")
else
  echo "SKIPPED: the size line with the signature check (no mbedTLS source); everything else still runs"
fi
cmake -S "$firmware" -B "$build/cmake" -DCMAKE_TOOLCHAIN_FILE="$firmware/toolchain-cortex-m7.cmake" \
  "${mbedtls_flag[@]}" >>"$log" 2>&1 || { tail -30 "$log"; exit 1; }
cmake --build "$build/cmake" -j2 >>"$log" 2>&1 || { tail -40 "$log"; exit 1; }

read -r bt bd bb < <(sizes "$build/cmake/size_probe_baseline.elf")
read -r st sd sb < <(sizes "$build/cmake/size_probe_with_stage.elf")
echo "swap stage on Cortex-M7 (arm-none-eabi-gcc $(arm-none-eabi-gcc -dumpversion), -Os, --gc-sections, newlib-nano)"
code_budget=6144
stage_text=$((st - bt))
if [ "$stage_text" -le "$code_budget" ]; then
  verdict="within the $code_budget-byte budget, $((code_budget - stage_text)) to spare"
else
  verdict="OVER the $code_budget-byte budget by $((stage_text - code_budget))"
fi
printf "  %-40s text %6d  data %4d  bss %4d   (%s)\n" "stage, no signature check:" \
  "$stage_text" $((sd - bd)) $((sb - bb)) "$verdict"
echo "  where it goes (bytes kept by the linker, per source file):"
awk -f "$(dirname "$0")/map-breakdown.awk" "$build/cmake/size_probe_with_stage.map" | sort -rn | sed 's/^/    /'
if [ -f "$build/cmake/size_probe_secure_with_stage.elf" ]; then
  read -r xt xd xb < <(sizes "$build/cmake/size_probe_secure_with_stage.elf")
  printf "  %-40s text %6d  data %4d  bss %4d   (mbedTLS ECDSA-P256 + malloc included)\n" \
    "stage with ECDSA-P256 check:" $((xt - bt)) $((xd - bd)) $((xb - bb))
fi
# Static stack: the deepest frame sums along the stage's call graph come from -fstack-usage; the QEMU test paints
# the stack and reports the high-water mark, which is the figure to trust.
max_frame=$(find "$build/cmake/CMakeFiles/stage.dir" -name '*.su' -exec cat {} + |
  awk -F'\t' '{ if ($2 + 0 > m) m = $2 + 0 } END { print m + 0 }')
echo "  largest single stack frame in the stage: ${max_frame} bytes (run the QEMU test for the measured depth)"

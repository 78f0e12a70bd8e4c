#!/usr/bin/env bash
# The README's main command: `nanoupdate demo`, the whole update on a simulated STM32F769 board (host signing, a
# loopback HTTP server, the real device agent, the real native swap stage), on a fresh Debian 12 machine with the .NET
# SDK. As root it installs the few Debian packages the simulator's native build needs; otherwise it says which.
# Arguments go to the demo (--quiet, --json, --help).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

source tests/scripts/require-packages.sh
# The demo needs less than the whole test suite: CMake, a C compiler and mbedTLS for libnu_swap_stage and libnu_crypto.
required_debian_packages=(cmake make gcc libc6-dev libmbedtls-dev)
require_packages || exit 2

if ! command -v dotnet >/dev/null 2>&1; then
  echo "the .NET SDK is missing: install it (https://learn.microsoft.com/dotnet/core/install/linux-debian), then run $0 again" >&2
  exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
exec dotnet run -c Release --project host-tools/Stm32NanoUpdater.Cli -- demo "$@"

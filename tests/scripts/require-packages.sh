# Sourced by the README commands. Installs the Debian packages the build and tests need when they are missing
# (as root, with apt), or says exactly what to install.
required_debian_packages=(cmake make gcc g++ libc6-dev libmbedtls-dev
  gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm)

require_packages() {
  local missing=()
  for p in "${required_debian_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing Debian packages: ${missing[*]}" >&2
    echo "install them with: sudo apt-get install -y ${missing[*]}" >&2
    return 1
  fi
  echo "== installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

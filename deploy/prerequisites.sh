#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks for running or testing LtcInsurance.
#   deploy/prerequisites.sh run    -> PostgreSQL server binaries (the app starts its own cluster)
#   deploy/prerequisites.sh test   -> the above + Chromium + a CJK font (browser tests, screenshots, PDFs)
# Idempotent: installs nothing when everything is present. Needs root (or sudo) only when installing.
set -euo pipefail
mode="${1:-run}"
missing=()

have_initdb() {
  command -v initdb >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}
have_initdb || missing+=(postgresql)
if [ "$mode" = "test" ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  fc-list 2>/dev/null | grep -qiE "wqy|noto sans cjk|noto serif cjk" || missing+=(fonts-wqy-microhei)
fi
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required (dotnet not found on PATH)." >&2; exit 1; }

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing missing packages: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"

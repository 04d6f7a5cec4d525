#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks for running or testing LtcInsurance.
#   deploy/prerequisites.sh run    -> PostgreSQL server binaries (the app starts its own cluster) and the Chinese
#                                     TrueType font printable notices embed (fonts-wqy-microhei, ADR 0006)
#   deploy/prerequisites.sh test   -> the above + Chromium (browser tests, screenshots)
# Idempotent: installs nothing when everything is present. Needs root (or sudo) only when installing.
set -euo pipefail
mode="${1:-run}"
missing=()

have_initdb() {
  command -v initdb >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}
have_initdb || missing+=(postgresql)
# PDF notices need a TrueType CJK font (Noto CJK's .ttc are CFF outlines, which PDFsharp cannot embed); browsers use it too.
have_cjk_truetype() {
  [ -n "${LTC_PDF_FONT:-}" ] && [ -f "${LTC_PDF_FONT}" ] && return 0
  compgen -G "/usr/share/fonts/truetype/wqy/wqy-*.ttc" >/dev/null || fc-list 2>/dev/null | grep -qi "wqy"
}
have_cjk_truetype || missing+=(fonts-wqy-microhei)
if [ "$mode" = "test" ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
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
have_cjk_truetype || { echo "No Chinese TrueType font for PDF notices: install fonts-wqy-microhei or set LTC_PDF_FONT." >&2; exit 1; }

#!/usr/bin/env bash
# Regenerates the user guide's screenshots from the browser tests (real app, real PostgreSQL, Chromium): the role tour
# and the per-page browser tests write their screenshots to a scratch folder; the ones README.md shows are copied here.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash deploy/prerequisites.sh test
shots="$(mktemp -d)"
trap 'rm -rf "$shots"' EXIT
LTC_SCREENSHOT_DIR="$shots" dotnet test tests/LtcInsurance.Web.Tests -c Release \
  --filter "FullyQualifiedName~Guide.RoleTourTests|FullyQualifiedName~BrowserTests|FullyQualifiedName~Browser.|FullyQualifiedName~Admin.UsersPageTests" -nologo || true
grep -o 'images/[A-Za-z0-9._-]*\.png' docs/guide/README.md | sort -u | while read -r image; do
  name="$(basename "$image")"
  if [ -f "$shots/$name" ]; then cp "$shots/$name" "docs/guide/images/$name"; else echo "not produced: $name" >&2; fi
done

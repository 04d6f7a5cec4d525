#!/usr/bin/env bash
# Regenerates the user guide's screenshots from the browser tour test (real app, real PostgreSQL, Chromium).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash deploy/prerequisites.sh test
LTC_SCREENSHOT_DIR="$(pwd)/docs/guide/images" dotnet test tests/LtcInsurance.Web.Tests \
  --filter "FullyQualifiedName~Guide.RoleTourTests|FullyQualifiedName~Browser" -nologo

#!/usr/bin/env bash
# Starts LtcInsurance on http://localhost:5080 with an embedded PostgreSQL and demo data (Development).
set -euo pipefail
cd "$(dirname "$0")"
bash deploy/prerequisites.sh run
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
exec dotnet run --project src/LtcInsurance.Web --launch-profile http "$@"

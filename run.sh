#!/usr/bin/env bash
# Starts LtcInsurance with an embedded PostgreSQL and demo data (Development) on http://localhost:5080, or where
# ASPNETCORE_URLS or --urls say:
#   ./run.sh
#   ASPNETCORE_URLS=http://127.0.0.1:5099 ./run.sh
#   ./run.sh --urls http://0.0.0.0:5080
# No launch profile: its applicationUrl would override ASPNETCORE_URLS. Arguments go to the application.
set -euo pipefail
cd "$(dirname "$0")"
bash deploy/prerequisites.sh run
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
exec dotnet run --project src/LtcInsurance.Web --no-launch-profile -- "$@"

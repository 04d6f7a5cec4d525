#!/usr/bin/env bash
# Measures the server memory of idle interactive circuits (1 and 50 signed-in tabs); docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/LtcInsurance.Web.Tests -c Release -nologo -clp:ErrorsOnly
LTC_MEASURE=1 dotnet test tests/LtcInsurance.Web.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~CircuitMemoryMeasurement" --logger "console;verbosity=detailed"

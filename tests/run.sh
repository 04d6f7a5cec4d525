#!/usr/bin/env bash
# Runs every test of LtcInsurance: installs what is missing, builds once, runs all test projects
# (unit, property, integration on a throwaway PostgreSQL, HTTP and Chromium browser tests).
# Prints a closing line "N passed, N failed, N skipped". Exit code 0 only when all passed.
set -uo pipefail
cd "$(dirname "$0")/.."
bash deploy/prerequisites.sh test || exit 1

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
config="${CONFIGURATION:-Release}"
results="$(pwd)/TestResults"
rm -rf "$results"; mkdir -p "$results"

dotnet build LtcInsurance.sln -c "$config" -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

status=0
for proj in tests/*.Tests/*.csproj; do
  name=$(basename "$proj" .csproj)
  echo "== $name"
  dotnet test "$proj" -c "$config" --no-build -nologo \
    --logger "console;verbosity=minimal" --logger "trx;LogFileName=$name.trx" \
    --results-directory "$results" 2>&1 | tee "$results/$name.log" | grep -vE "^\[[0-9:]+ (INF|DBG|WRN)\]" | tail -n 200
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  attr() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  p=$(attr passed); f=$(( $(attr failed) + $(attr error) + $(attr timeout) )); s=$(attr notExecuted)
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done
[ "$passed" -gt 0 ] || status=1
[ "$failed" -eq 0 ] || status=1
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit $status

#!/usr/bin/env bash
# PostgreSQL high availability with pg_auto_failover on loopback, and a payment loop across a failover (docs/scaling.md).
#   deploy/scale/failover.sh [SECONDS]   (payment loop length, default 120; the primary is failed 20 s in)
#   LTC_HA_DIR=/tmp/ltc-ha (wiped at start), LTC_HA_NO_BUILD=1 reuses the built tools in /tmp/ltc-ha-bin,
#   LTC_HA_REUSE=1 runs the drill again on the cluster a previous run left in LTC_HA_DIR (restarts its nodes; the
#   demo seeding takes about 15 minutes on a loaded 2-core box) and fails whichever node is primary then.
# Monitor :5190, node1 :5191 (first primary), node2 :5192 (standby, synchronous: pg_auto_failover's default
# replication quorum with one standby). The app's CLI migrates and seeds the demo data through a multi-host connection
# string; tests/LtcInsurance.PaymentLoop records payments through the use case over the same kind of string; node1 is
# stopped with `pg_autoctl stop --immediate` (keeper and postgres gone, like a crashed machine); the monitor promotes
# node2; the loop's next connections find it. Prints acknowledged payments against those found on the new primary.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${LTC_HA_DIR:-/tmp/ltc-ha}"
bin="${LTC_HA_BIN:-/tmp/ltc-ha-bin}"
seconds="${1:-120}"
tenant="${LTC_HA_TENANT:-zhenjiang}"  # a demo city with unpaid bills of at least 1 yuan
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
export PATH="$pgbin:$PATH"

sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
major="$(basename "$(dirname "$pgbin")")"
if ! command -v pg_autoctl >/dev/null || [ ! -f "/usr/share/postgresql/$major/extension/pgautofailover.control" ]; then
  echo "== installing postgresql-$major-auto-failover"
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "postgresql-$major-auto-failover" >/dev/null
fi
bash "$root/deploy/prerequisites.sh" run

if [ "${LTC_HA_NO_BUILD:-0}" != 1 ] || [ ! -f "$bin/LtcInsurance.PaymentLoop.dll" ]; then
  echo "== building the CLI and the payment loop to $bin"
  dotnet build "$root/tests/LtcInsurance.PaymentLoop" -c Release -nologo -clp:ErrorsOnly -o "$bin" >/dev/null
fi

# pg_autoctl and postgres refuse to run as root: run them as the postgres account, state kept under $work.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- env PATH="$PATH" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/share" \
      XDG_RUNTIME_DIR="$work/run" "$@"
  else
    env XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/share" XDG_RUNTIME_DIR="$work/run" "$@"
  fi
}
cleanup() {
  for node in node2 node1 monitor; do
    [ -d "$work/$node" ] && as_pg pg_autoctl stop --pgdata "$work/$node" --immediate >/dev/null 2>&1 || true
  done
}
trap cleanup EXIT
monitor_uri="postgres://autoctl_node@127.0.0.1:5190/pg_auto_failover?sslmode=disable"
state() { as_pg pg_autoctl show state --pgdata "$work/monitor" 2>/dev/null; }
wait_for() {  # $1 = node name, $2 = state
  local t=0
  until state | grep -Eq "^ *$1 .*\| *$2 *\| *$2 *$"; do
    sleep 1; t=$((t + 1)); [ $t -lt 300 ] || { echo "$1 not $2 after ${t}s"; state; exit 1; }
  done
}


reuse="${LTC_HA_REUSE:-0}"
if [ "$reuse" = 1 ] && [ -d "$work/monitor" ]; then
  echo "== reusing the cluster in $work"
  for node in monitor node1 node2; do (as_pg pg_autoctl run --pgdata "$work/$node" >>"$work/logs/$node.log" 2>&1 &); done
else
reuse=0
[ -d "$work" ] && { cleanup; rm -rf "$work"; }
mkdir -p "$work/config" "$work/share" "$work/run" "$work/logs"
[ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$work"

echo "== monitor, primary, standby ($(pg_autoctl --version 2>/dev/null | head -1))"
as_pg pg_autoctl create monitor --pgdata "$work/monitor" --pgport 5190 --hostname 127.0.0.1 \
  --pgctl "$pgbin/pg_ctl" --auth trust --no-ssl \
  >"$work/logs/monitor-create.log" 2>&1
# The monitor has no --listen: keep it on loopback too (the last setting in postgresql.conf wins).
echo "listen_addresses = '127.0.0.1'" >>"$work/monitor/postgresql.conf"
(as_pg pg_autoctl run --pgdata "$work/monitor" >"$work/logs/monitor.log" 2>&1 &)
until as_pg pg_isready -q -h 127.0.0.1 -p 5190; do sleep 1; done

start_node() {  # $1 = name, $2 = port
  (as_pg pg_autoctl create postgres --pgdata "$work/$1" --pgport "$2" --hostname 127.0.0.1 --listen 127.0.0.1 \
     --pgctl "$pgbin/pg_ctl" --name "$1" \
     --dbname ltc --auth trust --no-ssl --monitor "$monitor_uri" --run >"$work/logs/$1.log" 2>&1 &)
}
start_node node1 5191
wait_for node1 single
# The application's roles, as the launcher makes them (owner runs migrations; app owns nothing, cannot bypass RLS),
# and loopback access for them; the standby copies both from the primary.
as_pg psql -X -q -h 127.0.0.1 -p 5191 -d ltc -c "CREATE ROLE ltc_owner LOGIN SUPERUSER" \
  -c "CREATE ROLE ltc_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION" \
  -c "ALTER DATABASE ltc OWNER TO ltc_owner"
echo "host ltc ltc_owner,ltc_app 127.0.0.1/32 trust" >>"$work/node1/pg_hba.conf"
as_pg psql -X -q -h 127.0.0.1 -p 5191 -d ltc -c "SELECT pg_reload_conf()" >/dev/null
start_node node2 5192
wait_for node2 secondary
wait_for node1 primary
fi
primary_node() { state | awk -F'|' '$6 ~ /primary/ && $7 ~ /primary/ {gsub(/ /, "", $1); print $1}'; }
t=0
until [ -n "$(primary_node)" ] && state | grep -Eq "\| *secondary *\| *secondary *$"; do
  sleep 1; t=$((t + 1)); [ $t -lt 300 ] || { echo "no primary with a secondary after ${t}s"; state; exit 1; }
done
failing="$(primary_node)"
state

hosts="Host=127.0.0.1:5191,127.0.0.1:5192;Database=ltc;Target Session Attributes=primary;Timeout=5"
export ConnectionStrings__LtcOwner="$hosts;Username=ltc_owner"
export ConnectionStrings__Ltc="$hosts;Username=ltc_app"
if [ "$reuse" = 0 ]; then
  echo "== ltc db migrate --seed over: $ConnectionStrings__Ltc"
  t0=$(date +%s)
  dotnet "$bin/ltc.dll" db migrate --seed | tail -1
  echo "   ($(($(date +%s) - t0))s)"
fi

echo "== payment loop (${seconds}s) through RecordPaymentCommand; $failing fails after 20 acknowledged payments"
rm -f "$work/acked.txt"; touch "$work/acked.txt"
dotnet "$bin/LtcInsurance.PaymentLoop.dll" pay "$ConnectionStrings__Ltc" "$tenant" "$seconds" "$work/acked.txt" &
loop_pid=$!
until [ "$(wc -l <"$work/acked.txt")" -ge 20 ]; do
  sleep 0.5; kill -0 "$loop_pid" 2>/dev/null || { wait "$loop_pid"; exit 1; }
done
echo "$(date -u +%T) failing the primary: pg_autoctl stop --immediate ($failing)"
as_pg pg_autoctl stop --pgdata "$work/$failing" --immediate
wait "$loop_pid"
echo "== after the failover"
state
dotnet "$bin/LtcInsurance.PaymentLoop.dll" check "$ConnectionStrings__LtcOwner" "$work/acked.txt"
echo "== ltc ledger verify --tenant $tenant on the new primary"
dotnet "$bin/ltc.dll" ledger verify --tenant "$tenant" | tail -2
echo "== events"
as_pg pg_autoctl show events --pgdata "$work/monitor" --count 12 2>/dev/null | cut -c1-160

#!/usr/bin/env bash
# Two web nodes behind nginx on loopback, one PostgreSQL, a restart of one node under load (docs/scaling.md).
#   deploy/scale/two-nodes.sh [SECONDS]      (default 60; LTC_SCALE_DIR=/tmp/ltc-scale, LTC_SCALE_NO_BUILD=1 reuses it)
# Publishes the web app once; node 1 starts the PostgreSQL cluster with the app's own launcher (embedded, Development,
# demo data) and node 2 uses the same cluster (the launcher finds it running and leaves it alone); nginx on :5180
# balances by a route cookie it sets itself (consistent hash) and forwards the Blazor WebSocket. Signed-in clients
# (deploy/scale/load.py) load pages and upload a register file; node 2 is restarted half-way. Prints errors, requests
# per node and whether each client's cookie is still signed in on both nodes (the key ring is in the database).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${LTC_SCALE_DIR:-/tmp/ltc-scale}"
seconds="${1:-60}"
users="clerk.jining,clerk.zhenjiang,clerk.shishi,clerk.yuzhong,admin.jining,admin.zhenjiang"
proxy_port=5180; ports=(5181 5182)
mkdir -p "$work/logs" "$work/nginx"

if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  echo "== installing nginx"
  sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends nginx >/dev/null
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
bash "$root/deploy/prerequisites.sh" run

if [ "${LTC_SCALE_NO_BUILD:-0}" != 1 ] || [ ! -f "$work/web/LtcInsurance.Web.dll" ]; then
  echo "== publishing the web app once to $work/web"
  dotnet publish "$root/src/LtcInsurance.Web" -c Release -o "$work/web" -nologo -clp:ErrorsOnly >/dev/null
fi

pids=()
cleanup() {
  [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
  for n in 1 2; do [ -f "$work/node$n.pid" ] && kill "$(cat "$work/node$n.pid")" 2>/dev/null || true; done
  # Node 1 started the cluster and stops it when it stops; wait for that.
  for n in 1 2; do [ -f "$work/node$n.pid" ] && while kill -0 "$(cat "$work/node$n.pid")" 2>/dev/null; do sleep 0.5; done; done
}
trap cleanup EXIT

start_node() {  # $1 = 1 or 2
  local n="$1" port="${ports[$(($1 - 1))]}"
  ( cd "$work/web" && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" \
      Ltc__DataDirectory="$work/postgres" Ltc__LogDirectory="$work/logs/node$n" DOTNET_gcServer=0 \
      exec dotnet LtcInsurance.Web.dll >>"$work/node$n.log" 2>&1 ) &
  echo $! >"$work/node$n.pid"
  local t0=$SECONDS
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null; do
    sleep 1
    kill -0 "$(cat "$work/node$n.pid")" 2>/dev/null || { tail -30 "$work/node$n.log"; exit 1; }
    [ $((SECONDS - t0)) -lt 1800 ] || { echo "node $n not ready after $((SECONDS - t0))s"; exit 1; }
  done
  echo "$(date -u +%T) node $n ready on :$port after $((SECONDS - t0))s (pid $(cat "$work/node$n.pid"))"
}

echo "== node 1 (starts PostgreSQL with the app's launcher, migrates, seeds demo data), then node 2"
start_node 1
start_node 2

# The test configuration: deploy/nginx-ltcinsurance.conf's proxying on plain http, two local nodes, a route cookie
# (many test clients share 127.0.0.1, so ip_hash would send them all to one node) and the serving node in a header.
sed -e "s#@WORK@#$work#g" -e "s#@PROXY@#$proxy_port#g" -e "s#@N1@#${ports[0]}#g" -e "s#@N2@#${ports[1]}#g" \
  "$root/deploy/scale/nginx-two-nodes.conf" >"$work/nginx/nginx.conf"
mkdir -p "$work/nginx/tmp"; chown -R www-data "$work/nginx/tmp" 2>/dev/null || true
"$nginx_bin" -t -q -c "$work/nginx/nginx.conf"
"$nginx_bin" -c "$work/nginx/nginx.conf"
echo "$(date -u +%T) nginx on :$proxy_port -> :${ports[0]}, :${ports[1]}"

echo "== load: ${seconds}s, $(echo "$users" | tr ',' '\n' | wc -l) signed-in clients; node 2 restarted at $((seconds / 3))s"
python3 "$root/deploy/scale/load.py" "http://127.0.0.1:$proxy_port" "$seconds" "$users" \
  "http://127.0.0.1:${ports[0]},http://127.0.0.1:${ports[1]}" >"$work/load.json" &
load_pid=$!
sleep $((seconds / 3))
echo "$(date -u +%T) stopping node 2 (SIGTERM: graceful)"
kill "$(cat "$work/node2.pid")"; while kill -0 "$(cat "$work/node2.pid")" 2>/dev/null; do sleep 0.2; done
echo "$(date -u +%T) node 2 stopped; starting it again"
start_node 2
wait "$load_pid"
echo "== result"
cat "$work/load.json"
psql -X -q -A -t -h 127.0.0.1 -p "$(sed -n 4p "$work/postgres/postmaster.pid")" -U ltc_owner ltc -c \
  "SELECT 'data-protection keys in the database: ' || count(*) FROM data_protection_keys" \
  -c "SELECT 'register imports uploaded by the clients: ' || count(*) FROM import_jobs WHERE file_name LIKE 'scale-%'"

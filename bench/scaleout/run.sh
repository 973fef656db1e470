#!/usr/bin/env bash
# Two-instance check (issue 10; not part of `dotnet test`): starts Redis (Debian's redis-server, installed
# when missing) and two portals, A and B, in Production over one database and that Redis, as a load
# balancer would have them, then runs bench/scaleout/check.py: signed in on A, the cookie works on B; a form
# read on B is accepted on A; an edit on A shows at once on B's cached public page; the API limit counts
# both instances' calls together; an import uploaded on A is run exactly once, by one instance; a write on B
# while the import saves neither fails nor waits for it. Exits 1 when a check fails.
#
#     bench/scaleout/run.sh [--database sqlite|postgresql] [--standby] [--import-rows N]
#
# --database: one SQLite file (the default) or one database on a private PostgreSQL cluster started here
# (Debian's postgresql, installed when missing; a free loopback port; stopped at the end). --import-rows: the
# commitments in the imported file (bench/import/generate.py), enough for the import to take some seconds.
# On SQLite the import holds the only write lock while it saves, so the write during the import is measured
# and reported there, not checked. --standby (PostgreSQL only): a hot standby streams from the cluster
# (pg_basebackup -R) and both portals are given it as ConnectionStrings:PortalReadOnly; the check then also
# shows the public's searches served by the standby and an edit on A reaching it and B's API.
#
# Needs python3 and curl. Everything it writes stays in the folder printed at the start.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../lib/portal.sh
source "$here/../lib/portal.sh"

database=sqlite import_rows=6000 standby=''
while [ $# -gt 0 ]; do
  case $1 in
    --database) database=${2:-}; shift 2 ;;
    --standby) standby=yes; shift ;;
    --import-rows) import_rows=${2:-}; shift 2 ;;
    *) echo "usage: $0 [--database sqlite|postgresql] [--standby] [--import-rows N]" >&2; exit 2 ;;
  esac
done
case $database in sqlite | postgresql) ;; *) echo "--database is sqlite or postgresql" >&2; exit 2 ;; esac
[ -z "$standby" ] || [ "$database" = postgresql ] || { echo "--standby needs --database postgresql" >&2; exit 2; }

api_limit=10
portal_init
work=$PORTAL_WORK
redis_pid='' a_pid='' b_pid=''
cleanup() {
  local pid
  for pid in "$a_pid" "$b_pid"; do
    [ -z "$pid" ] || { PORTAL_PID=$pid; portal_stop; }
  done
  [ -z "$redis_pid" ] || kill "$redis_pid" 2>/dev/null || true
  portal_postgresql_stop
  rm -rf "$work/app"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
portal_log "two-instance check over $database${standby:+ with a standby}; work folder $work"

if ! command -v redis-server >/dev/null; then
  portal_log "installing redis-server (Debian package)"
  sudo=''
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi
redis_port=$(portal_free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no >"$work/redis.log" 2>&1 &
redis_pid=$!

[ "$database" = sqlite ] || portal_postgresql_start
database_address=${PORTAL_PG_URL:-$work/portal.db}

portal_build
portal_demo_database
[ -z "$standby" ] || portal_postgresql_standby
python3 "$here/../import/generate.py" "$import_rows" "$work/import.csv"

# Both import runners look for queued jobs every 200 ms (5 s by default), so B's competes for the job A is woken for.
shared=(ConnectionStrings__Redis="127.0.0.1:$redis_port" Portal__ApiPerMinute=$api_limit DataImport__PollInterval=00:00:00.2)
PORTAL_LOG_NAME=a portal_start "${shared[@]}"
a_pid=$PORTAL_PID a_url=$PORTAL_URL
PORTAL_LOG_NAME=b portal_start "${shared[@]}"
b_pid=$PORTAL_PID b_url=$PORTAL_URL
portal_log "A at $a_url (pid $a_pid), B at $b_url (pid $b_pid), Redis on port $redis_port"
curl -fsS "$a_url/health" >/dev/null && curl -fsS "$b_url/health" >/dev/null

python3 "$here/check.py" "$a_url" "$b_url" "$database_address" "$work/totp-su@ogp.test" "$api_limit" "$redis_port" \
  --import-file "$work/import.csv" --logs "$work/logs" --instances "$a_pid" "$b_pid" \
  ${standby:+--standby "$PORTAL_PG_STANDBY_URL"}

#!/usr/bin/env bash
# Two-instance check (issue 10; not part of `dotnet test`): starts Redis (Debian's redis-server, installed
# when missing) and two portals, A and B, in Production over one SQLite database and that Redis, as a load
# balancer would have them, then runs bench/scaleout/check.py: signed in on A, the cookie works on B; a form
# read on B is accepted on A; an edit on A shows at once on B's cached public page; the API limit counts
# both instances' calls together. Exits 1 when a check fails.
#
#     bench/scaleout/run.sh
#
# Needs python3 and curl. Everything it writes stays in the folder printed at the start.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../lib/portal.sh
source "$here/../lib/portal.sh"

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
  rm -rf "$work/app"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
portal_log "two-instance check; work folder $work"

if ! command -v redis-server >/dev/null; then
  portal_log "installing redis-server (Debian package)"
  sudo=''
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi
redis_port=$(portal_free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no >"$work/redis.log" 2>&1 &
redis_pid=$!

portal_build
portal_demo_database

shared=(ConnectionStrings__Redis="127.0.0.1:$redis_port" Portal__ApiPerMinute=$api_limit)
PORTAL_LOG_NAME=a portal_start "${shared[@]}"
a_pid=$PORTAL_PID a_url=$PORTAL_URL
PORTAL_LOG_NAME=b portal_start "${shared[@]}"
b_pid=$PORTAL_PID b_url=$PORTAL_URL
portal_log "A at $a_url (pid $a_pid), B at $b_url (pid $b_pid), Redis on port $redis_port"
curl -fsS "$a_url/health" >/dev/null && curl -fsS "$b_url/health" >/dev/null

python3 "$here/check.py" "$a_url" "$b_url" "$work/portal.db" "$work/totp-su@ogp.test" "$api_limit" "$redis_port"

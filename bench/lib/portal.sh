# Shell library for the portal's benchmarks (source it; bash). Not part of `dotnet test`.
#
#   portal_init                 sets PORTAL_REPO and PORTAL_WORK (a fresh temporary folder, kept)
#   portal_need_wrk             installs Debian's wrk when missing
#   portal_build                publishes the Release build (ReadyToRun, for this machine) to $PORTAL_WORK/app
#   portal_free_port            prints a free loopback TCP port
#   portal_use_postgresql       from now on the benchmark's database is PostgreSQL, not SQLite: starts a private
#                               cluster (a temporary folder of its own, a free loopback port, default settings,
#                               fsync on), installing Debian's postgresql first when its binaries are missing
#   portal_postgresql_standby   adds a hot standby of that cluster (pg_basebackup -R: streaming replication on
#                               another free port); sets PORTAL_PG_STANDBY_URL; from now on the portal is given
#                               it as ConnectionStrings:PortalReadOnly
#   portal_postgresql_stop      stops that cluster (and its standby) and removes its folder (the server logs are
#                               kept in $PORTAL_WORK/postgresql*.log); nothing when none runs
#   portal_postgresql_start     portal_use_postgresql, and sets PORTAL_PG_URL (the demo database, for psql) and
#                               puts psql on the PATH (bench/scaleout reads the database with it)
#   portal_database_env         prints the settings (NAME=VALUE lines) that point the portal at the database
#   portal_database_mb          the database's size in MB (the file, or pg_database_size)
#   portal_demo_database        a fresh database with the demo data: SQLite at $PORTAL_WORK/portal.db, or
#                               the database ogp_portal on the private PostgreSQL cluster
#   portal_start [ENV=VALUE...] starts the portal in Production on http://127.0.0.1:$PORTAL_PORT,
#                               sets PORTAL_PID and PORTAL_URL, waits until /health answers; its logs
#                               are named after PORTAL_LOG_NAME (default portal)
#   portal_cold_start [ENV=VALUE...]
#                               like portal_start, and sets PORTAL_COLD_START: seconds from launching the
#                               process to the first 200 from the home page (database present)
#   portal_rss_kb               the portal's resident memory now (VmRSS, KB)
#   portal_sample_memory FILE S writes "seconds,rss_kb" to FILE every S seconds in the background
#                               (sets PORTAL_SAMPLER_PID)
#   portal_signin EMAIL [KEY]   prints the Cookie header of a signed-in session (python, real forms);
#                               the Support Unit's two-factor key is kept in $PORTAL_WORK/totp-EMAIL
#   portal_stop                 stops what portal_start and portal_sample_memory started
#
# The portal runs as operators run it: the published Release build, ASPNETCORE_ENVIRONMENT=Production,
# its own log file ($PORTAL_WORK/logs), over a copy of the demo data. Production seeds nothing, so the
# demo database is made by one short start in Development (which seeds an empty database) first.

PORTAL_DEMO_PASSWORD='Ogp-Demo-2026!' # Seed:DemoPassword in appsettings.Development.json

portal_init() {
  PORTAL_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  PORTAL_WORK=$(mktemp -d "${TMPDIR:-/tmp}/ogp-bench.XXXXXX")
  PORTAL_PID='' PORTAL_SAMPLER_PID='' PORTAL_PG_DIR='' PORTAL_PG_PORT='' PORTAL_PG_BIN='' PORTAL_PG_URL='' PORTAL_PG_STANDBY_PORT='' PORTAL_PG_STANDBY_URL=''
}

portal_log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

portal_need_wrk() {
  command -v wrk >/dev/null && return
  portal_log "installing wrk (Debian package)"
  local sudo=''
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk >/dev/null
}

portal_build() {
  portal_log "publishing the Release build"
  # For this machine's runtime, so compiled ahead (ReadyToRun) as a production publish is (docs/deployment.md).
  local rid
  case $(uname -m) in aarch64 | arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
  dotnet publish "$PORTAL_REPO/src/OgpPortal.Web" -c Release -r "$rid" --self-contained false -o "$PORTAL_WORK/app" -nologo -v quiet -warnaserror >/dev/null
}

portal_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Starts the published app in the background with the environment given; sets PORTAL_PID.
_portal_launch() {
  local environment=$1 log=$2
  shift 2
  (
    cd "$PORTAL_WORK/app"
    export ASPNETCORE_ENVIRONMENT="$environment"
    export ASPNETCORE_URLS="http://127.0.0.1:$PORTAL_PORT"
    local setting
    while IFS= read -r setting; do export "${setting?}"; done < <(portal_database_env)
    export Portal__PublicUrl="http://127.0.0.1:$PORTAL_PORT"
    export Email__PickupDirectory="$PORTAL_WORK/mail"
    export Serilog__WriteTo__1__Name=File Serilog__WriteTo__1__Args__path="$PORTAL_WORK/logs/$log-.log"
    for setting in "$@"; do export "${setting?}"; done
    exec dotnet OgpPortal.Web.dll >"$PORTAL_WORK/$log.console.log" 2>&1
  ) &
  PORTAL_PID=$!
  PORTAL_URL="http://127.0.0.1:$PORTAL_PORT"
}

# _portal_wait_ready [PATH] [SECONDS]: waits until PATH (default /health) answers 200, looking every 50 ms.
_portal_wait_ready() {
  local path=${1:-/health} limit=${2:-60} i
  for i in $(seq 1 $((limit * 20))); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$PORTAL_URL$path" 2>/dev/null)" = 200 ]; then return 0; fi
    if ! kill -0 "$PORTAL_PID" 2>/dev/null; then
      portal_log "the portal exited while starting; its output:"
      tail -n 30 "$PORTAL_WORK"/*.console.log >&2
      return 1
    fi
    sleep 0.05
  done
  portal_log "the portal did not answer $path within $limit s"
  return 1
}

_portal_kill() {
  [ -n "$PORTAL_PID" ] || return 0
  if kill -0 "$PORTAL_PID" 2>/dev/null; then
    kill -TERM "$PORTAL_PID" 2>/dev/null || true
    local i
    for i in $(seq 1 40); do kill -0 "$PORTAL_PID" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$PORTAL_PID" 2>/dev/null && kill -KILL "$PORTAL_PID" 2>/dev/null
  fi
  wait "$PORTAL_PID" 2>/dev/null || true
  PORTAL_PID=''
}

portal_database_env() {
  if [ -n "$PORTAL_PG_PORT" ]; then
    echo "Database__Provider=PostgreSql"
    echo "ConnectionStrings__Portal=Host=127.0.0.1;Port=$PORTAL_PG_PORT;Username=postgres;Database=ogp_portal"
    [ -z "$PORTAL_PG_STANDBY_PORT" ] \
      || echo "ConnectionStrings__PortalReadOnly=Host=127.0.0.1;Port=$PORTAL_PG_STANDBY_PORT;Username=postgres;Database=ogp_portal"
  else
    echo "ConnectionStrings__Portal=Data Source=$PORTAL_WORK/portal.db"
  fi
}

portal_database_mb() {
  if [ -n "$PORTAL_PG_PORT" ]; then
    _portal_psql -Atc "SELECT pg_database_size('ogp_portal') / (1024 * 1024)"
  else
    du -m "$PORTAL_WORK/portal.db" | cut -f1
  fi
}

# _portal_pg PROGRAM ARGS...: one of the server binaries, as the postgres user when run as root (initdb refuses root).
_portal_pg() {
  local program=$PORTAL_PG_BIN/$1
  shift
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$program" "$@"; else "$program" "$@"; fi
}

_portal_psql() { PGOPTIONS='-c client_min_messages=warning' "$PORTAL_PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PORTAL_PG_PORT" -U postgres -d postgres "$@"; }

portal_use_postgresql() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    portal_log "installing PostgreSQL (Debian package)"
    local sudo=''
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq && $sudo apt-get install -y -qq postgresql >/dev/null
    # The package may create and start a cluster of its own (port 5432): not ours to leave running.
    if command -v pg_lsclusters >/dev/null; then
      local version cluster
      pg_lsclusters -h | awk '$4 == "online" { print $1, $2 }' | while read -r version cluster; do
        $sudo pg_ctlcluster "$version" "$cluster" stop || true
      done
    fi
  fi
  PORTAL_PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -t/ -k5 -n | tail -n 1)
  # A folder of its own, which the postgres user may enter (the work folder is private to this user).
  PORTAL_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ogp-bench-pg.XXXXXX")
  [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$PORTAL_PG_DIR"
  _portal_pg initdb -D "$PORTAL_PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  PORTAL_PG_PORT=$(portal_free_port)
  # Default settings (fsync, shared buffers): a fair measurement, not the tests' throwaway tuning.
  _portal_pg pg_ctl -D "$PORTAL_PG_DIR/data" -l "$PORTAL_PG_DIR/server.log" -w -t 60 \
    -o "-p $PORTAL_PG_PORT -k $PORTAL_PG_DIR -c listen_addresses=127.0.0.1" start >/dev/null
  portal_log "PostgreSQL $("$PORTAL_PG_BIN/postgres" --version | awk '{ print $3 }') on 127.0.0.1:$PORTAL_PG_PORT ($PORTAL_PG_DIR)"
}

portal_postgresql_start() {
  portal_use_postgresql
  PORTAL_PG_URL="postgresql://postgres@127.0.0.1:$PORTAL_PG_PORT/ogp_portal"
  PATH=$PORTAL_PG_BIN:$PATH
}

portal_postgresql_standby() {
  PORTAL_PG_STANDBY_PORT=$(portal_free_port)
  # A fast checkpoint: the default (spread) waits for most of checkpoint_timeout before the copy begins.
  _portal_pg pg_basebackup -h 127.0.0.1 -p "$PORTAL_PG_PORT" -U postgres -D "$PORTAL_PG_DIR/standby" -R -X stream --checkpoint=fast
  _portal_pg pg_ctl -D "$PORTAL_PG_DIR/standby" -l "$PORTAL_PG_DIR/standby.log" -w -t 60 \
    -o "-p $PORTAL_PG_STANDBY_PORT -k $PORTAL_PG_DIR -c listen_addresses=127.0.0.1" start >/dev/null
  PORTAL_PG_STANDBY_URL="postgresql://postgres@127.0.0.1:$PORTAL_PG_STANDBY_PORT/ogp_portal"
  portal_log "hot standby streaming from it on 127.0.0.1:$PORTAL_PG_STANDBY_PORT"
}

portal_postgresql_stop() {
  [ -n "$PORTAL_PG_DIR" ] || return 0
  local cluster
  for cluster in standby data; do
    if [ -f "$PORTAL_PG_DIR/$cluster/postmaster.pid" ]; then
      _portal_pg pg_ctl -D "$PORTAL_PG_DIR/$cluster" -m fast -w -t 60 stop >/dev/null \
        || _portal_pg pg_ctl -D "$PORTAL_PG_DIR/$cluster" -m immediate -w stop >/dev/null || true
    fi
  done
  cp "$PORTAL_PG_DIR/server.log" "$PORTAL_WORK/postgresql.log" 2>/dev/null || true
  cp "$PORTAL_PG_DIR/standby.log" "$PORTAL_WORK/postgresql-standby.log" 2>/dev/null || true
  rm -rf "$PORTAL_PG_DIR"
  PORTAL_PG_DIR='' PORTAL_PG_PORT='' PORTAL_PG_STANDBY_PORT='' PORTAL_PG_STANDBY_URL=''
}

portal_demo_database() {
  portal_log "making a fresh demo database (one start in Development seeds it)"
  if [ -n "$PORTAL_PG_PORT" ]; then
    _portal_psql -c 'DROP DATABASE IF EXISTS ogp_portal WITH (FORCE)' -c 'CREATE DATABASE ogp_portal'
  else
    rm -f "$PORTAL_WORK"/portal.db*
  fi
  PORTAL_PORT=$(portal_free_port)
  _portal_launch Development seed
  _portal_wait_ready
  _portal_kill
}

portal_start() {
  PORTAL_PORT=$(portal_free_port)
  portal_log "starting the portal (Production) on 127.0.0.1:$PORTAL_PORT"
  _portal_launch Production "${PORTAL_LOG_NAME:-portal}" "$@"
  _portal_wait_ready
  portal_log "ready, pid $PORTAL_PID"
}

portal_cold_start() {
  PORTAL_PORT=$(portal_free_port)
  portal_log "starting the portal (Production) on 127.0.0.1:$PORTAL_PORT, timing the cold start"
  local started
  started=$(date +%s.%N)
  _portal_launch Production portal "$@"
  _portal_wait_ready / 60
  PORTAL_COLD_START=$(python3 -c "import time; print(round(time.time() - $started, 2))")
  portal_log "first 200 from / after ${PORTAL_COLD_START}s, pid $PORTAL_PID"
}

portal_rss_kb() { # 0 when the portal is not running
  awk '/^VmRSS:/ { print $2 }' "/proc/$PORTAL_PID/status" 2>/dev/null || echo 0
}

portal_sample_memory() {
  local file=$1 every=${2:-10} pid=$PORTAL_PID
  echo "seconds,rss_kb" >"$file"
  (
    local start=$SECONDS rss
    while rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null) && [ -n "$rss" ]; do
      echo "$((SECONDS - start)),$rss" >>"$file"
      sleep "$every"
    done
  ) &
  PORTAL_SAMPLER_PID=$!
}

portal_signin() {
  python3 "$PORTAL_REPO/bench/lib/portal_client.py" signin "$PORTAL_URL" "$1" "$PORTAL_DEMO_PASSWORD" \
    --key-file "$PORTAL_WORK/totp-$1"
}

portal_stop() {
  if [ -n "$PORTAL_SAMPLER_PID" ]; then
    kill "$PORTAL_SAMPLER_PID" 2>/dev/null || true
    wait "$PORTAL_SAMPLER_PID" 2>/dev/null || true
    PORTAL_SAMPLER_PID=''
  fi
  _portal_kill
}

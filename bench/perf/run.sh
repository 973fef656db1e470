#!/usr/bin/env bash
# Benchmark harness (issue 10; not part of `dotnet test`). Builds the Release build, makes a fresh demo
# database, and measures with wrk, in one run and on one machine:
#   1. the demo data: cold start, a static file (the server's ceiling), the home, member, plan and
#      commitment pages, a commitment search with two facets, an API list and the Support Unit's dashboard,
#      with the output cache on; then the public pages and the search again with the cache off;
#   2. the same after `generate` has added the scale data (default 300 members, 3,000 plans, 60,000
#      commitments) to that database.
# It prints a report (requests/s, p50/p99, ratio to the static file, the targets of issue 10 met or not)
# and appends it with the machine's description to docs/performance.md.
#
#     bench/perf/run.sh [--database sqlite|postgresql] [--scale F] [--seed N] [--seconds S] [--connections C] [--no-record]
#
#   --database D     sqlite (default: a file in the work folder) or postgresql (a private cluster of its own,
#                    loopback, a free port, default settings with fsync on, stopped and removed at the end)
#   --scale F        scale of the generated data (default 1: 60,000 commitments)
#   --seed N         seed of the generated data (default 2026)
#   --seconds S      length of each measurement (default 10; each is preceded by a 2 s warm-up)
#   --connections C  wrk connections (default 16, on 2 threads); the search is also measured with one
#   --no-record      print the report only, do not append it to docs/performance.md
#
# Needs python3, curl, wrk and for --database postgresql PostgreSQL's server binaries (wrk and postgresql
# installed from Debian when missing). Everything it writes stays in the folder printed at the start (the
# published build and the PostgreSQL cluster's data are removed at the end). Takes about 8 minutes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../lib/portal.sh
source "$here/../lib/portal.sh"

database=sqlite scale=1 seed=2026 seconds=10 connections=16 record=1
while [ $# -gt 0 ]; do
  case $1 in
    --database) database=$2; shift 2 ;;
    --scale) scale=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --no-record) record=0; shift ;;
    -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

case $database in
  sqlite | postgresql) ;;
  *) echo "--database is sqlite or postgresql, not $database" >&2; exit 2 ;;
esac

portal_init
work=$PORTAL_WORK
results=$work/results.tsv
cleanup() {
  portal_stop
  portal_postgresql_stop
  rm -rf "$work/app"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
portal_log "benchmark: $database, scale $scale, seed $seed, ${seconds}s per measurement, $connections connections; work folder $work"

# The machine, for the record.
{
  echo "cpu=$(nproc) × $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
  echo "memory=$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "os=$(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "dotnet=$(dotnet --version)"
  echo "wrk=$(wrk --version 2>&1 | head -n 1 | awk '{ print $2 }')"
  echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "scale=$scale"
  echo "seed=$seed"
  echo "seconds=$seconds"
  echo "connections=$connections"
} >"$work/meta.env" 2>/dev/null || true

portal_need_wrk
portal_build
if [ "$database" = postgresql ]; then
  portal_use_postgresql
  echo "database=PostgreSQL $("$PORTAL_PG_BIN/postgres" --version | awk '{ print $3 }')" >>"$work/meta.env"
fi
portal_demo_database

# The per-address limits would answer 429 to a load generator on one address: raise them for this run.
limits=(Portal__ApiPerMinute=100000000 Portal__PublicInputPerWindow=100000000 Portal__SignInPerWindow=1000)

echo -e "data\tcache\tname\tpath\tconnections\trequests_per_s\tp50_ms\tp99_ms\terrors" >"$results"

# measure DATA CACHE NAME PATH [CONNECTIONS] [COOKIE]: one request, a 2 s warm-up, then the measurement (a
# request over 10 s counts as an error), one line in results.
measure() {
  local data=$1 cache=$2 name=$3 path=$4 conns=${5:-$connections} cookie=${6:-}
  local threads=2 out=$work/wrk-$data-$cache-$name-$conns.txt
  [ "$conns" -ge 2 ] || threads=1
  local header=()
  [ -z "$cookie" ] || header=(-H "Cookie: $cookie")
  # One request alone first (the page's first use compiles its query and view), then the warm-up.
  curl -s -o /dev/null --max-time 120 "${header[@]}" "$PORTAL_URL$path" || true
  wrk -t"$threads" -c"$conns" -d2s --timeout 10s "${header[@]}" "$PORTAL_URL$path" >/dev/null
  wrk -t"$threads" -c"$conns" -d"${seconds}s" --timeout 10s --latency "${header[@]}" "$PORTAL_URL$path" >"$out"
  python3 "$here/report.py" parse "$out" "$data" "$cache" "$name" "$path" "$conns" >>"$results"
  portal_log "$(tail -n 1 "$results" | cut -f1-3,6-9)"
}

# The pages measured, the same addresses at both scales: the demo data stays in the scaled database, so the
# plan and commitment pages show the same records over a database a thousand times larger.
pages() {
  local data=$1 cache=$2
  measure "$data" "$cache" home /
  measure "$data" "$cache" member /members/DK
  measure "$data" "$cache" plan /action-plans/1
  measure "$data" "$cache" commitment /commitments/DK0041
  measure "$data" "$cache" search '/commitments?region=Europe&kind=National'
  measure "$data" "$cache" statistics /statistics
}

# The searches of issue 21, one connection each, uncached: unfiltered, two words, two facets, promising, and
# the API's first page of 100.
searches() {
  local data=$1
  measure "$data" off search-all /commitments 1
  measure "$data" off search-words '/commitments?q=open+data' 1
  measure "$data" off search '/commitments?region=Europe&kind=National' 1
  measure "$data" off search-promising '/commitments?promising=true' 1
  measure "$data" off api-100 '/api/v1/commitments?pageSize=100' 1
}

# A word search repeated is answered from the index's cache of word matches: the first time each set of words
# is asked for costs a full-text query. Timed here once each, for words not asked for before on this start.
first_words() {
  local data=$1 out=$work/first-words-$data.txt
  : >"$out"
  local words
  for words in "beneficial+owners" "public+contracts" "tax+incentives" "court+judgments" "climate+finance" "youth+councils" \
    "asset+declarations" "budget+execution" "legal+aid" "water+quality" "school+budgets" "road+maintenance" \
    "mining+licences" "media+ownership" "personal+data" "green+bonds" "online+consultations" "participatory+budgets" \
    "lobbyists+register" "whistleblowers+reporting"; do
    curl -s -o /dev/null --max-time 60 -w '%{time_total}\n' "$PORTAL_URL/commitments?q=$words" >>"$out"
  done
  echo "first_words_$data=$(sort -n "$out" | awk '{ v[NR] = $1 * 1000 } END { printf "%.0f/%.0f/%.0f", v[int((NR + 1) / 2)], v[int(NR * 0.9 + 0.5)], v[NR] }')" >>"$work/meta.env"
}

round() {
  local data=$1
  portal_log "── $data data, output cache on"
  portal_cold_start "${limits[@]}"
  echo "cold_start_$data=$PORTAL_COLD_START" >>"$work/meta.env"
  measure "$data" on static /css/site.css
  pages "$data" on
  measure "$data" on api '/api/v1/commitments'
  local staff
  staff=$(portal_signin su@ogp.test)
  measure "$data" on dashboard /support-unit "$connections" "$staff"
  echo "memory_$data=$(portal_rss_kb)" >>"$work/meta.env"
  portal_stop

  portal_log "── $data data, output cache off"
  portal_start "${limits[@]}" Portal__CachePublicPages=false
  measure "$data" off static /css/site.css
  pages "$data" off
  first_words "$data"
  searches "$data"
  portal_stop
}

round demo

portal_log "generating the scale data (scale $scale, seed $seed)"
generated=$(date +%s.%N)
(
  cd "$work/app"
  mapfile -t settings < <(portal_database_env)
  env "${settings[@]}" ASPNETCORE_ENVIRONMENT=Production Portal__PublicUrl=http://127.0.0.1 \
    dotnet OgpPortal.Web.dll generate --scale "$scale" --seed "$seed"
) | tee "$work/generate.txt" >&2
echo "generate_seconds=$(python3 -c "import time; print(round(time.time() - $generated, 1))")" >>"$work/meta.env"
echo "database_mb=$(portal_database_mb)" >>"$work/meta.env"

round scale

echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$work/meta.env"
python3 "$here/report.py" report "$results" "$work/meta.env" >"$work/report.md"
cat "$work/report.md"
if [ "$record" = 1 ]; then
  { echo; cat "$work/report.md"; } >>"$PORTAL_REPO/docs/performance.md"
  portal_log "appended to docs/performance.md"
fi
portal_log "results in $work"

#!/usr/bin/env bash
# Soak test (not part of `dotnet test`): mixed public and signed-in traffic against the published Release
# build in Production mode on loopback, over a fresh copy of the demo data, for a few minutes. Reports
# requests, errors, latency percentiles per traffic class and the portal's memory over the run; exits 1
# when there was any error. Recorded results: docs/reliability.md.
#
#     bench/soak/run.sh [--minutes N] [--connections C] [--writes W]
#
#   --minutes N      length of the measured run (default 5; fractions allowed, e.g. 0.5)
#   --connections C  wrk connections on the public pages (default 4); the API, the point of contact, the
#                    IRM researcher and the Support Unit get one connection each
#   --writes W       public consultation comments posted per second (default 2)
#
# Needs python3, curl and wrk (installed from Debian when missing). What the run writes (database, logs,
# URL lists, wrk output, memory samples, report) stays in the folder printed at the start; the published
# build there is removed at the end.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../lib/portal.sh
source "$here/../lib/portal.sh"

minutes=5 connections=4 writes=2
while [ $# -gt 0 ]; do
  case $1 in
    --minutes) minutes=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --writes) writes=$2; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
seconds=$(python3 -c "print(max(10, round(float('$minutes') * 60)))")

portal_init
work=$PORTAL_WORK
client="python3 $PORTAL_REPO/bench/lib/portal_client.py"
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  portal_stop
  rm -rf "$work/app" # the published build (130 MB); the results stay
}
trap cleanup EXIT
trap 'exit 130' INT TERM
portal_log "soak: ${seconds}s, work folder $work"

portal_need_wrk
portal_build
portal_demo_database

# The per-address rate limits would answer 429 to a load generator on one address within seconds: raise
# them for this run (any 429 left is still counted as an error).
portal_start Portal__ApiPerMinute=100000000 Portal__PublicInputPerWindow=100000000 Portal__SignInPerWindow=1000
rss_ready=$(portal_rss_kb)
url=$PORTAL_URL

portal_log "signing in (point of contact for Norway, IRM researcher, Support Unit with two-factor)"
poc_cookie=$(portal_signin poc.norway@ogp.test)
irm_cookie=$(portal_signin irm@ogp.test)
su_cookie=$(portal_signin su@ogp.test)

portal_log "collecting real addresses"
# Commitment pages and plan pages from the API, so they are the published ones.
python3 - "$url" "$work/api-paths" "$work/commitment-paths" <<'EOF'
import json, sys, urllib.request
base, api_out, pages_out = sys.argv[1:]
get = lambda p: json.load(urllib.request.urlopen(base + p))
commitments = get("/api/v1/commitments?pageSize=100")["items"]
plans = get("/api/v1/action-plans?pageSize=100")["items"]
members = get("/api/v1/members?pageSize=100")["items"]
api = ["/api/v1/members", "/api/v1/members?region=Europe", "/api/v1/action-plans", "/api/v1/action-plans?status=Published",
       "/api/v1/commitments", "/api/v1/commitments?pageSize=100", "/api/v1/commitments?region=Europe&pageSize=10",
       "/api/v1/commitments?q=data", "/api/v1/challenge-entries"]
api += [f"/api/v1/commitments/{c['id']}" for c in commitments[:20]]
api += [f"/api/v1/action-plans/{p['id']}" for p in plans[:5]] + [f"/api/v1/members/{m['id']}" for m in members[:5]]
pages = [f"/commitments/{c['identifier']}" for c in commitments[:30]] + [f"/action-plans/{p['id']}" for p in plans]
open(api_out, "w").write("\n".join(api) + "\n")
open(pages_out, "w").write("\n".join(pages) + "\n")
EOF
# The commitment search with words and facets, then what the public pages link to.
search=(/commitments?q=data "/commitments?q=b%C3%B8rn" "/commitments?region=Europe" "/commitments?kind=Local"
  "/commitments?q=open+data&region=Europe&sort=Title" "/commitments?member=DK" "/commitments?starred=true"
  "/commitments?promising=true" "/commitments?year=2024" "/commitments?q=budget&page=2")
$client crawl "$url" "$work/public-crawl" / /members /commitments "${search[@]}" \
  /statistics /consultations /challenge /reports /data /feeds/atom.xml /data/commitments.csv \
  --exclude /account --exclude /poc --exclude /irm --exclude /support-unit --exclude /language --exclude /error \
  --exclude /api/reference --max 60 >/dev/null 2>"$work/crawl-public.err"
cat "$work/public-crawl" "$work/commitment-paths" | awk '!seen[$0]++' >"$work/paths-public"
cp "$work/api-paths" "$work/paths-api"
$client crawl "$url" "$work/paths-poc" /poc --prefix /poc --cookie "$poc_cookie" --max 30 >/dev/null 2>"$work/crawl-poc.err"
$client crawl "$url" "$work/paths-irm" /irm --prefix /irm --cookie "$irm_cookie" --max 30 >/dev/null 2>"$work/crawl-irm.err"
$client crawl "$url" "$work/paths-su" /support-unit --prefix /support-unit --cookie "$su_cookie" --max 40 \
  >/dev/null 2>"$work/crawl-su.err"
# Signed in, people read public pages too (with the signed-in layout).
for class in poc irm su; do printf '%s\n' / /commitments?q=data >>"$work/paths-$class"; done
for class in public api poc irm su; do
  portal_log "  $class: $(wc -l <"$work/paths-$class") addresses"
done
cat "$work"/crawl-*.err >"$work/crawl-broken-links" || true
if [ -s "$work/crawl-broken-links" ]; then
  portal_log "links that did not answer 200 while collecting (not in the run):"
  sed 's/^/    /' "$work/crawl-broken-links" >&2
fi
consultation=$(grep -m1 -oE '^/consultations/[0-9]+$' "$work/paths-public" | grep -oE '[0-9]+$' || true)
[ -n "$consultation" ] || { portal_log "no plan in consultation found for the writer"; exit 1; }

# wrk, one process per traffic class: CLASS CONNECTIONS COOKIE
run_wrk() {
  local class=$1 conns=$2 cookie=$3 duration=$4 tag=$5 mode=public
  local args=(-t1 -c"$conns" -d"${duration}s" --timeout 5s -s "$PORTAL_REPO/bench/lib/rotate.lua")
  if [ -n "$cookie" ]; then args+=(-H "Cookie: $cookie"); mode=signed-in; fi
  # A wrk that cannot run (the portal gone) leaves no result, which the report counts as an error.
  wrk "${args[@]}" "$url" -- "$work/paths-$class" "$class" "$mode" \
    >"$work/wrk-$tag-$class.txt" 2>"$work/wrk-$tag-$class.json" || true
}
run_all() {
  local duration=$1 tag=$2 public_conns=$3
  run_wrk public "$public_conns" '' "$duration" "$tag" & pids+=($!)
  run_wrk api 1 '' "$duration" "$tag" & pids+=($!)
  run_wrk poc 1 "$poc_cookie" "$duration" "$tag" & pids+=($!)
  run_wrk irm 1 "$irm_cookie" "$duration" "$tag" & pids+=($!)
  run_wrk su 1 "$su_cookie" "$duration" "$tag" & pids+=($!)
}

portal_log "warming up (20 s)"
run_all 20 warmup 2
wait "${pids[@]}"
pids=()

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rss_start=$(portal_rss_kb)
portal_sample_memory "$work/memory.csv" 10
portal_log "soak: ${seconds}s, $connections+4 wrk connections and $writes comments/s"
run_all "$seconds" soak "$connections"
$client comments "$url" "$consultation" "$seconds" "$writes" "$work/writer.json" 2>"$work/writer.err" & pids+=($!)
wait "${pids[@]}"
pids=()
sleep 1
if ! kill -0 "$PORTAL_PID" 2>/dev/null; then
  portal_log "the portal exited during the run"
  touch "$work/portal-exited"
fi
rss_end=$(portal_rss_kb)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
portal_stop

# The portal's whole log in Production (sign-ins, collecting, warm-up and run), at Warning and above.
cat "$work"/logs/portal-*.log >"$work/run.log"
grep -E '\[(WRN|ERR|FTL)\]' "$work/run.log" >"$work/run-problems.log" || true

python3 "$here/report.py" "$work" "$seconds" "$rss_ready" "$rss_start" "$rss_end" "$load_before" "$load_after" \
  | tee "$work/report.md"

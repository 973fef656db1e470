#!/usr/bin/env bash
# Import benchmark (not part of `dotnet test`): a synthetic file of N commitments in OGP's current layout
# (default 60,000; see generate.py) imported with the operators' command into an empty SQLite database,
# then imported again (nothing changes). Prints each run's wall time and peak memory, and the report's counts.
#
#     bench/import/run.sh [commitments] [seed]
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-60000}
seed=${2:-2011}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 bench/import/generate.py "$count" "$work/ogp.csv" "$seed"
echo "file: $count commitments, $(du -m "$work/ogp.csv" | cut -f1) MB"
dotnet build src/OgpPortal.Web -c Release -nologo -v quiet -warnaserror >/dev/null

export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__Portal="Data Source=$work/portal.db"
export Portal__PublicUrl="https://portal.example.org"
export Serilog__WriteTo__1__Name=File Serilog__WriteTo__1__Args__path="$work/portal-.log"

for run in first again; do
  /usr/bin/time -f "$run import: %e s wall, %M KB peak resident" \
    dotnet src/OgpPortal.Web/bin/Release/net10.0/OgpPortal.Web.dll import "$work/ogp.csv" \
    | grep -E '^(Commitments|Members|Action plans|Duration|Issues):'
done

#!/usr/bin/env python3
"""The benchmark harness's numbers (bench/perf/run.sh).

    report.py parse WRK_OUTPUT DATA CACHE NAME PATH CONNECTIONS   prints one results.tsv line
    report.py report RESULTS_TSV META_ENV                          prints the Markdown report
"""
import csv
import datetime
import re
import sys

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def duration_ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s)", text)
    return float(match.group(1)) * UNITS[match.group(2)]


def parse(path, data, cache, name, url, connections):
    text = open(path, encoding="utf-8").read()
    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    p50 = re.search(r"^\s+50%\s+(\S+)", text, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", text, re.M)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    errors = int(non2xx.group(1)) if non2xx else 0
    if sockets:
        errors += sum(int(g) for g in sockets.groups())
    if not (rps and p50 and p99):
        errors += 1
    print("\t".join([data, cache, name, url, connections,
                     f"{float(rps.group(1)):.0f}" if rps else "0",
                     f"{duration_ms(p50.group(1)):.2f}" if p50 else "0",
                     f"{duration_ms(p99.group(1)):.2f}" if p99 else "0",
                     str(errors)]))


def report(results_path, meta_path):
    meta = {}
    for line in open(meta_path, encoding="utf-8"):
        if "=" in line:
            key, value = line.rstrip("\n").split("=", 1)
            meta[key] = value
    rows = list(csv.DictReader(open(results_path, encoding="utf-8"), delimiter="\t"))

    def row(data, cache, name, connections=None):
        for r in rows:
            if r["data"] == data and r["cache"] == cache and r["name"] == name and (connections is None or r["connections"] == connections):
                return r
        return None

    def rps(r):
        return float(r["requests_per_s"]) if r else 0.0

    conns = meta.get("connections", "16")
    out = []
    today = datetime.date.today().isoformat()
    database = meta.get("database", "SQLite")
    if database == "SQLite":
        out.append(f"## {today} — benchmark harness, demo data and scale data (`bench/perf/run.sh`)")
    else:
        out.append(f"## {today} — PostgreSQL: benchmark harness, demo data and scale data (`bench/perf/run.sh --database postgresql`)")
    out.append("")
    out.append(f"**Machine:** {meta.get('cpu')}, {meta.get('memory')}, {meta.get('os')}, .NET SDK {meta.get('dotnet')}, "
               f"wrk {meta.get('wrk')}; load average {meta.get('load_start')} at the start, {meta.get('load_end')} at the end.")
    server = "" if database == "SQLite" else " (a private cluster on loopback, default settings, fsync on, on the same cores)"
    out.append(f"**Method:** the Release build in Production on loopback over {database}{server}; `wrk -t2 -c{conns} -d{meta.get('seconds')}s --latency` "
               "after one request and a 2 s warm-up, on the same cores as the server (so every figure understates the server alone). "
               "The ratio is to the static file of the same data and cache setting.")
    out.append(f"**Scale data:** the demo database plus `generate --scale {meta.get('scale')} --seed {meta.get('seed')}`: "
               f"{meta.get('generate_seconds')} s (whole command, start-up included), database {meta.get('database_mb')} MB.")
    out.append("")
    out.append("| request | data | output cache | connections | requests/s | p50 | p99 | ratio to static | errors |")
    out.append("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        static = row(r["data"], r["cache"], "static")
        ratio = rps(r) / rps(static) if rps(static) else 0
        out.append(f"| {r['name']} `{r['path']}` | {r['data']} | {r['cache']} | {r['connections']} | {rps(r):,.0f} | "
                   f"{float(r['p50_ms']):.1f} ms | {float(r['p99_ms']):.1f} ms | {ratio:.2f} | {r['errors']} |")
    out.append("")

    def kb_to_mb(key):
        return f"{int(meta[key]) / 1024:.0f} MB" if meta.get(key, "").isdigit() else "?"

    out.append("| start-up and memory | demo data | scale data |")
    out.append("|---|---:|---:|")
    out.append(f"| cold start: process launch to the first 200 from `/` | {meta.get('cold_start_demo')} s | {meta.get('cold_start_scale')} s |")
    out.append(f"| resident memory after the cached round | {kb_to_mb('memory_demo')} | {kb_to_mb('memory_scale')} |")
    out.append("")

    targets = []
    for name in ["home", "member", "plan", "commitment"]:
        for data in ["demo", "scale"]:
            static = rps(row(data, "on", "static"))
            ratio = rps(row(data, "on", name)) / static if static else 0
            targets.append((f"cached {name} page, {data} data: at least 0.60 of the static file", f"{ratio:.2f}", ratio >= 0.60))
    for name in ["plan", "search"]:
        demo = rps(row("demo", "off", name, conns))
        scale = rps(row("scale", "off", name, conns))
        share = scale / demo if demo else 0
        targets.append((f"uncached {name} at scale: at least 80% of the demo data's requests/s", f"{share:.0%} ({scale:,.0f} / {demo:,.0f})", share >= 0.80))
    one = row("scale", "off", "search", "1")
    p99 = float(one["p99_ms"]) if one else 0
    targets.append(("search at scale with one connection: p99 under 50 ms", f"{p99:.1f} ms", bool(one) and p99 < 50))
    for data in ["demo", "scale"]:
        cold = float(meta.get(f"cold_start_{data}", "0") or 0)
        targets.append((f"cold start with the {data} database: under 3 s", f"{cold:.2f} s", 0 < cold < 3))
    errors = sum(int(r["errors"]) for r in rows)
    targets.append(("no errors in any measurement", str(errors), errors == 0))
    out.append("| target (issue 10) | measured | met |")
    out.append("|---|---:|---|")
    for name, value, met in targets:
        out.append(f"| {name} | {value} | {'yes' if met else '**no**'} |")

    # Issue 21: the searches with one connection, at scale against demo data in the same run.
    search = []
    for name in ["search-all", "search-words", "search", "search-promising", "api-100"]:
        demo, scale = row("demo", "off", name, "1"), row("scale", "off", name, "1")
        if not (demo and scale):
            continue
        share = rps(scale) / rps(demo) if rps(demo) else 0
        search.append((f"{name} `{scale['path']}`, one connection: requests/s at least 50% of demo", f"{share:.0%} ({rps(scale):,.0f} / {rps(demo):,.0f})", share >= 0.5))
        limit = 4 * float(demo["p99_ms"]) + 50
        search.append((f"{name}, one connection: p99 at most 4 × demo p99 + 50 ms ({limit:.0f} ms)", f"{float(scale['p99_ms']):.1f} ms", float(scale["p99_ms"]) <= limit))
    demo, scale = rps(row("demo", "off", "search", conns)), rps(row("scale", "off", "search", conns))
    share = scale / demo if demo else 0
    search.append((f"search with {conns} connections: at least 40% of demo", f"{share:.0%} ({scale:,.0f} / {demo:,.0f})", share >= 0.4))
    for name, cache in [("home", "off"), ("dashboard", "on"), ("commitment", "off"), ("statistics", "off")]:
        demo, scale = rps(row("demo", cache, name, conns)), rps(row("scale", cache, name, conns))
        share = scale / demo if demo else 0
        search.append((f"uncached {name} at scale: at least 50% of demo", f"{share:.0%} ({scale:,.0f} / {demo:,.0f})", share >= 0.5))
    for data in ["demo", "scale"]:
        cold = float(meta.get(f"cold_start_{data}", "0") or 0)
        search.append((f"cold start with the {data} database: under 2.5 s", f"{cold:.2f} s", 0 < cold < 2.5))
    for data in ["demo", "scale"]:
        if meta.get(f"first_words_{data}"):
            search.append((f"first search for 20 new pairs of words, {data} data: median / 90th / slowest (ms)", meta[f"first_words_{data}"], None))
    out.append("")
    out.append("| target (issue 21) | measured | met |")
    out.append("|---|---:|---|")
    for name, value, met in search:
        out.append(f"| {name} | {value} | {'(a figure, no target)' if met is None else 'yes' if met else '**no**'} |")
    print("\n".join(out))


if __name__ == "__main__":
    if len(sys.argv) == 8 and sys.argv[1] == "parse":
        parse(*sys.argv[2:])
    elif len(sys.argv) == 4 and sys.argv[1] == "report":
        report(*sys.argv[2:])
    else:
        sys.exit(__doc__)

#!/usr/bin/env python3
"""Summarises a soak run's folder (see run.sh) as Markdown; exits 1 when the run had any error.

    report.py WORK SECONDS RSS_READY_KB RSS_START_KB RSS_END_KB "LOAD BEFORE" "LOAD AFTER"
"""
import csv
import datetime
import glob
import json
import os
import platform
import re
import sys

CLASSES = [("public", "public pages"), ("api", "API"), ("poc", "point of contact"), ("irm", "IRM researcher"),
           ("su", "Support Unit"), ("writer", "writer (comments)")]


def wrk_results(work, tag):
    results = {}
    for path in glob.glob(os.path.join(work, f"wrk-{tag}-*.json")):
        with open(path) as f:
            lines = [line for line in f if line.startswith("{")]
        if lines:
            data = json.loads(lines[-1])
            data["errors"] = sum(data[k] for k in ("too_many", "client_errors", "server_errors", "lost_session",
                                                   "socket_errors", "timeouts"))
            results[data["class"]] = data
        else:
            results[os.path.basename(path)[len(f"wrk-{tag}-"):-5]] = None
    return results


def slope_mb_per_minute(points):
    """Least-squares slope of (seconds, KB) points, in MB per minute."""
    n = len(points)
    if n < 5:
        return None
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / sxx * 60 / 1024 if sxx else None


def mb(kb):
    return f"{int(kb) / 1024:.0f} MB"


def main(argv):
    work, seconds = argv[1], float(argv[2])
    rss_ready, rss_start, rss_end = int(argv[3]), int(argv[4]), int(argv[5])
    load_before, load_after = argv[6], argv[7]
    results = wrk_results(work, "soak")
    writer_path = os.path.join(work, "writer.json")
    results["writer"] = json.load(open(writer_path)) if os.path.exists(writer_path) else None

    with open(os.path.join(work, "memory.csv")) as f:
        samples = [(int(r["seconds"]), int(r["rss_kb"])) for r in csv.DictReader(f)]
    samples.append((int(seconds), rss_end))
    peak = max([rss_start, rss_end] + [kb for _, kb in samples])
    last_third = [p for p in samples if p[0] >= seconds * 2 / 3]
    earlier = [kb for x, kb in samples if x < seconds * 2 / 3]
    slope = slope_mb_per_minute(last_third)
    whole = slope_mb_per_minute(samples)
    # Still growing: the last third's trend is over 1 MB a minute and it reaches a new peak above the rest
    # of the run's (a garbage-collected heap moves up and down by tens of MB; a leak keeps setting peaks).
    growing = slope is not None and slope > 1.0 and earlier and max(kb for _, kb in last_third) > max(earlier)

    run_log = open(os.path.join(work, "run.log"), errors="replace").read().splitlines()
    levels = {level: sum(1 for line in run_log if f"[{level}]" in line) for level in ("WRN", "ERR", "FTL")}
    exceptions = sum(1 for line in run_log if re.search(r"Exception\b", line))
    log_5xx = sum(1 for line in run_log if re.search(r"responded 5\d\d", line))

    total_requests = sum(r["requests"] for r in results.values() if r)
    total_errors = sum(r["errors"] for r in results.values() if r) + sum(1 for r in results.values() if r is None)
    total_errors += levels["ERR"] + levels["FTL"]
    exited = os.path.exists(os.path.join(work, "portal-exited"))
    total_errors += exited
    warmup = wrk_results(work, "warmup")
    warmup_errors = sum(r["errors"] if r else 1 for r in warmup.values())
    total_errors += warmup_errors

    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    mem_total = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    print(f"## Soak run, {seconds / 60:g} minutes, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC\n")
    print(f"Machine: {os.cpu_count()} cores ({cpu}), {mem_total / 1024 / 1024:.0f} GiB, {platform.system()} "
          f"{platform.release()}. Load average (1/5/15 min) before {load_before}, after {load_after}.\n")
    print("| traffic | requests | req/s | errors | 429 | p50 ms | p90 ms | p99 ms | max ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for key, name in CLASSES:
        r = results.get(key)
        if r is None:
            print(f"| {name} | no result | | 1 | | | | | |")
            continue
        too_many = r.get("too_many", r.get("statuses", {}).get("429", 0))
        print(f"| {name} | {r['requests']:,} | {r['requests'] / seconds:,.1f} | {r['errors']} | {too_many} | "
              f"{r['p50']} | {r['p90']} | {r['p99']} | {r['max']} |")
    print(f"| **all** | **{total_requests:,}** | **{total_requests / seconds:,.1f}** | | | | | | |\n")
    for key, _ in CLASSES:
        r = results.get(key)
        if r and r["errors"]:
            detail = r.get("error_statuses") or r.get("statuses")
            print(f"- {key}: {r['errors']} errors ({detail}; socket {r.get('socket_errors', 0)}, "
                  f"timeouts {r.get('timeouts', 0)}, lost session {r.get('lost_session', 0)})")
    if slope is None:
        verdict = "too few samples to judge"
    elif growing:
        verdict = "STILL GROWING: rising and above every earlier sample"
    elif slope > 1.0:
        verdict = f"rising, but below the peak of the first two thirds ({mb(max(earlier))}): no sign of unbounded growth"
    else:
        verdict = "flat or falling"
    print(f"Memory (resident): {mb(rss_ready)} when ready, {mb(rss_start)} after the warm-up, peak {mb(peak)}, "
          f"{mb(rss_end)} at the end. Trend over the run {'n/a' if whole is None else f'{whole:+.2f} MB/min'}, "
          f"over its last third {'n/a' if slope is None else f'{slope:+.2f} MB/min'}: {verdict}. "
          f"Samples every 10 s: memory.csv.\n")
    print(f"Warm-up (20 s, every class, not in the table): {sum(r['requests'] for r in warmup.values() if r):,} "
          f"requests, {warmup_errors} errors.\n")
    print(f"Portal log (Production, from start to stop): {levels['WRN']} warnings, {levels['ERR']} errors, {levels['FTL']} fatal, "
          f"{exceptions} lines naming an exception, {log_5xx} requests logged with a 5xx.\n")
    if exited:
        print("**The portal exited during the run** (its console output: portal.console.log).\n")
    print(f"Errors in all: {total_errors} (any 4xx/5xx, 429, lost session, socket error, timeout, in the warm-up too, and errors in the log).")
    print(f"Files: {work}")
    return 1 if total_errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

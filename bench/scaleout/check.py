#!/usr/bin/env python3
"""The two-instance check (bench/scaleout/run.sh): two portals over one database and one Redis.

    check.py URL_A URL_B DATABASE KEY_FILE API_LIMIT REDIS_PORT
             [--import-file CSV --logs DIR --instances PID_A PID_B] [--standby STANDBY]

DATABASE is the SQLite file, or a postgresql:// address (read with psql, which must be on the PATH).
Prints each check and exits 1 when any fails:
  1. signed in on A, the sign-in cookie works on B (data-protection keys in the database);
  2. a form read on B is accepted on A (antiforgery tokens from the shared keys), and the edit it makes on A
     shows at once on B's public page, which B had served from the cache (the eviction reaches Redis);
  3. the API's per-address limit counts the calls made to both instances together (rate limits in Redis);
with --import-file (a file in OGP's layout, new commitments only; DIR holds the instances' logs a-*.log and
b-*.log, PID_A and PID_B are their processes):
  4. the file uploaded on A is imported exactly once, by one instance: the job ends done, names one instance,
     its commitments exist once each, and the other instance's log shows no run of it;
  5. Support Unit edits made on B while the import runs, timed: on PostgreSQL they must all succeed, at least
     one while the import saves, each well under the import's duration. On SQLite the import holds the only
     write lock while it saves, so there the times are reported, not checked.
with --standby (the postgresql:// address of a hot standby both portals read as ConnectionStrings:PortalReadOnly):
  6. the standby is in recovery; anonymous searches on A and B are answered by it (its pg_stat_activity shows the
     portals' connections and their search SQL); a Support Unit edit on A reaches it, and B's open data (members.csv) shows it, within 3 s.
"""
import argparse
import collections
import csv
import glob
import html.parser
import json
import os
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import portal_client  # noqa: E402

PASSWORD = "Ogp-Demo-2026!"
failures = []


def check(name, ok, detail=""):
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f" ({detail})" if detail else ""))
    if not ok:
        failures.append(name)


class Form(html.parser.HTMLParser):
    """The fields of the form posting to one address (given, or the page's own when it has no action),
    with their current values."""

    def __init__(self, action):
        super().__init__()
        self.action, self.inside, self.fields, self.select, self.textarea = action, False, {}, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = (a.get("method") or "").lower() == "post" and a.get("action") in (self.action, None, "")
        elif not self.inside:
            return
        elif tag == "input" and a.get("name"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields[a["name"]] = a.get("value") or ""
        elif tag == "select":
            self.select = a.get("name")
        elif tag == "option" and self.select and "selected" in a:
            self.fields[self.select] = a.get("value") or ""
        elif tag == "textarea":
            self.textarea = a.get("name")
            self.fields[self.textarea] = ""

    def handle_data(self, data):
        if self.inside and self.textarea:
            self.fields[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def query(database, sql):
    """The rows of a query, each a tuple of strings ('' for NULL): psql for a postgresql:// address, else
    the SQLite file, read-only. Identifiers are double-quoted, which both engines take."""
    if database.startswith("postgresql://"):
        out = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-d", database, "-f", "-"],
                             input=sql, capture_output=True, text=True, check=True, timeout=60).stdout
        return [tuple(line.split("\t")) for line in out.splitlines() if line]
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30) as connection:
        return [tuple("" if v is None else str(v) for v in row) for row in connection.execute(sql)]


def redis_keys(port):
    """How many keys Redis holds (DBSIZE, spoken in RESP over a socket)."""
    with socket.create_connection(("127.0.0.1", int(port)), timeout=5) as s:
        s.sendall(b"*1\r\n$6\r\nDBSIZE\r\n")
        return int(s.recv(64).decode().strip().lstrip(":"))


def main(url_a, url_b, database, key_file, api_limit, redis_port, import_file=None, logs=None, instances=None, standby=None):
    # 1. One sign-in, both instances.
    key = open(key_file).read().strip() if os.path.exists(key_file) else None
    staff_a, key = portal_client.sign_in(url_a, "su@ogp.test", PASSWORD, key)
    with open(key_file, "w") as f:
        f.write(key or "")
    staff_b = portal_client.Session(url_b, staff_a.cookie_header())
    status, headers, body = staff_b.get("/support-unit")
    check("signed in on A, the Support Unit's dashboard opens on B", status == 200 and "/account/logout" in body,
          f"{status} {headers.get('Location', '')}")

    # 2. Edit through a form read on B and posted to A; the public page on B shows it at once.
    member_id = query(database, """SELECT "Id" FROM "Members" WHERE "Code" = 'PH'""")[0][0]
    visitor_b = portal_client.Session(url_b)
    visitor_b.get("/members/PH")
    status, _, before = visitor_b.get("/members/PH")
    website = f"https://two-instances.example.ph/{os.getpid()}"
    check("B serves the public member page before the edit, from the cache in Redis", status == 200 and website not in before and redis_keys(redis_port) > 0,
          f"{redis_keys(redis_port)} keys in Redis")
    edit = f"/support-unit/members/{member_id}/edit"
    page = staff_b.get(edit)[2]
    form = Form(edit)
    form.feed(page)
    if "__RequestVerificationToken" not in form.fields:
        check("the edit form is found on B", False, "no form with a token")
    form.fields["Website"] = website
    staff_a.cookies = dict(staff_b.cookies)
    status, headers, _ = staff_a.request(edit, form.fields)
    check("a form read on B is accepted on A (shared antiforgery keys)", status == 302, f"{status} {headers.get('Location', '')}")
    status, _, after = visitor_b.get("/members/PH")
    check("the edit made on A shows at once on B's public page", status == 200 and website in after)
    status, _, on_a = portal_client.Session(url_a).get("/members/PH")
    check("and on A's", status == 200 and website in on_a)

    # 3. The API limit counts calls to both instances together.
    limit = int(api_limit)
    statuses = []
    for i in range(limit + 1):
        session = portal_client.Session(url_a if i % 2 == 0 else url_b)
        statuses.append(session.get("/api/v1/members")[0])
    check(f"the API limit of {limit} a minute counts calls to A and B together",
          statuses[:limit] == [200] * limit and statuses[limit] == 429, " ".join(map(str, statuses)))

    if standby:
        check_standby(standby, staff_a, url_b, edit, member_id)

    if import_file:
        check_import(database, staff_a, staff_b, edit, import_file, logs, dict(zip(instances, "AB")))

    print(f"{len(failures)} check(s) failed" if failures else "all checks passed")
    return 1 if failures else 0


def check_standby(standby, staff_a, url_b, edit, member_id):
    """Check 6: the public's reads go to the hot standby, and a change on the primary reaches it."""
    check("the standby is a hot standby (in recovery)", query(standby, "SELECT pg_is_in_recovery()") == [("t",)])

    # The portals use the standby once their monitor has seen it current (at most a second after they start).
    portal_sql = """SELECT count(*) FROM pg_stat_activity WHERE datname = 'ogp_portal' AND backend_type = 'client backend'
                    AND application_name <> 'ogp-portal standby check' AND query LIKE '%"Commitments"%'"""
    searches, served = 0, 0
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        for url in (staff_a.base, url_b):
            status, _, body = portal_client.Session(url).get("/commitments?q=open+data")
            searches += status == 200 and 'id="result-count"' in body
        served = int(query(standby, portal_sql)[0][0])
        if served:
            break
        time.sleep(0.2)
    check("anonymous searches on A and B are answered by the standby", served > 0,
          f"{served} portal connection(s) on the standby ran commitment SQL after {searches} searches")

    # A published change made on A (the primary): the member's website, through the Support Unit's form.
    form = Form(edit)
    form.feed(staff_a.get(edit)[2])
    website = form.fields["Website"] = f"https://standby.example.ph/{os.getpid()}"
    status, _, _ = staff_a.request(edit, form.fields)
    started = time.monotonic()
    check("the Support Unit's edit on A is saved", status == 302, str(status))
    reached = seen = None
    while time.monotonic() - started < 3 and seen is None:
        if reached is None and query(standby, f"""SELECT "Website" FROM "Members" WHERE "Id" = {int(member_id)}""") == [(website,)]:
            reached = time.monotonic() - started
        if reached is not None:
            # The open data, not the API: check 3 has used up this minute's API calls.
            status, _, body = portal_client.Session(url_b).get("/data/members.csv")
            if status == 200 and website in body:
                seen = time.monotonic() - started
        time.sleep(0.05)
    check("the edit made on A reaches the standby, and B's open data shows it, within 3 s", seen is not None,
          "not within 3 s" if seen is None else f"on the standby after {reached * 1000:.0f} ms, in B's open data after {seen * 1000:.0f} ms")


def check_import(database, staff_a, staff_b, edit, import_file, logs, instances):
    """Checks 4 and 5: one import uploaded on A, edits on B while it runs."""
    postgresql = database.startswith("postgresql://")

    def edit_on_b(n):
        """A Support Unit edit on B (the member form read, then posted): (seconds the post took, status)."""
        form = Form(edit)
        form.feed(staff_b.get(edit)[2])
        form.fields["Website"] = f"https://during-import.example.ph/{os.getpid()}/{n}"
        started = time.monotonic()
        try:
            status = staff_b.request(edit, form.fields, timeout=120)[0]
        except OSError as e:  # a timeout counts as a failed write, with the time it took
            status = type(e).__name__
        return time.monotonic() - started, status

    before = [edit_on_b(n)[0] for n in range(3)]

    upload = "/support-unit/data-import"
    form = Form(upload)
    form.feed(staff_a.get(upload)[2])
    form.fields.pop("Form.CsvFile", None)
    form.fields["Form.DryRun"] = "false"
    with open(import_file, "rb") as f:
        content = f.read()
    with open(import_file, newline="", encoding="utf-8") as f:
        identifiers = [row["Commitment Unique Identifier"] for row in csv.DictReader(f)]
    uploaded = time.monotonic()
    status, headers, _ = staff_a.request(upload, form.fields, timeout=300, files={"Form.CsvFile": (os.path.basename(import_file), content)})
    location = headers.get("Location", "")
    check(f"an import of {len(identifiers)} commitments ({len(content) // 1_000_000} MB) is uploaded on A", status == 302 and location.startswith(upload + "/"),
          f"{status} {location}")
    if status != 302:
        return
    job_id = location.rsplit("/", 1)[1].lower()
    job_sql = f"""SELECT "State", COALESCE("Stage", ''), "Percent", COALESCE("RunBy", ''), COALESCE("Report", '')
                  FROM "ImportJobs" WHERE lower(CAST("Id" AS TEXT)) = '{job_id}'"""

    # Poll the job in the database; while it runs, edit on B (one after the other) and time each post.
    writes, saving_seen, stages = [], None, []
    deadline = uploaded + 900
    while True:
        state, stage, percent, run_by, report = query(database, job_sql)[0]
        now = time.monotonic()
        if not stages or stages[-1][0] != stage:
            stages.append((stage, round(now - uploaded, 1)))
        if state in ("Done", "Failed") or now > deadline:
            break
        if state == "Running":
            if stage == "Saving" and saving_seen is None:
                saving_seen = now
            writes.append((stage, *edit_on_b(len(writes))))
        time.sleep(0.25)
    ended = time.monotonic()
    report = json.loads(report) if report else {}

    # 4. Run once, by one instance.
    parts = run_by.split("/")  # machine/process/runner
    runner = instances.get(parts[-2] if len(parts) >= 3 else "", "")
    check("the import ends done, saved, with every commitment created", state == "Done" and report.get("Saved") is True and report.get("Created") == len(identifiers),
          f"{state}, created {report.get('Created')}, {stage or 'no stage'} at {percent}%")
    check("the job names one instance as its runner", runner != "", f"RunBy {run_by!r}: instance {runner or '?'}")
    counts = collections.Counter(row[0] for row in query(database, 'SELECT "Identifier" FROM "Commitments"'))
    missing = sum(1 for i in identifiers if counts[i] == 0)
    doubled = sum(1 for i in identifiers if counts[i] > 1)
    check("each imported commitment exists once", missing == 0 and doubled == 0, f"{missing} missing, {doubled} more than once")
    # The runner's lines name the job (quoted in the file log); the importer's own line names the file.
    run_line = re.compile(rf'Import "?{job_id}"? of |Import of {re.escape(os.path.basename(import_file))} ', re.I)
    runs = {}
    for name in "AB":
        lines = []
        for path in sorted(glob.glob(os.path.join(logs, f"{name.lower()}-*.log"))):
            with open(path, encoding="utf-8", errors="replace") as f:
                lines += [line for line in f if run_line.search(line)]
        runs[name] = lines
    other = "B" if runner == "A" else "A"
    check(f"only {runner or '?'}'s log shows the run; {other}'s shows none",
          runner != "" and any("finished" in line for line in runs[runner]) and not runs[other],
          f"A: {len(runs['A'])} line(s), B: {len(runs['B'])} line(s)")
    check("the job's page opens on B", staff_b.get(f"{upload}/{job_id}")[0] == 200)

    # 5. Writes on B during the import.
    duration = ended - uploaded
    saving = [w for w in writes if w[0] == "Saving"]
    times = [w[1] for w in writes]
    failed = [w for w in writes if w[2] != 302]
    ms = lambda t: f"{t * 1000:.0f} ms"
    summary = (f"{len(writes)} edits on B during the {duration:.1f} s import ({len(saving)} while it saved, saving seen "
               f"{ended - saving_seen:.1f} s)" if saving_seen else f"{len(writes)} edits on B during the {duration:.1f} s import (saving not seen in the job)")
    if times:
        summary += f": {len(writes) - len(failed)} answered 302, median {ms(statistics.median(times))}, max {ms(max(times))}"
    summary += f"; before the import: median {ms(statistics.median(before))}; stages seen {stages}"
    if failed:
        summary += f"; failed: {[(w[0], w[2], round(w[1], 1)) for w in failed]}"
    limit = min(1.0, duration / 5)
    if postgresql:
        check("edits on B while A imports neither fail nor wait for the import", bool(saving) and not failed and max(times) < limit and duration >= 3,
              summary + f"; each must take under {ms(limit)}, with the import 3 s or longer")
    else:
        print(f"note SQLite, not checked (the import holds the only write lock while it checks and saves; the job's stage"
              f" lags, as its progress cannot be written meanwhile): {summary}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(usage=__doc__)
    for name in ("url_a", "url_b", "database", "key_file", "api_limit", "redis_port"):
        parser.add_argument(name)
    parser.add_argument("--import-file")
    parser.add_argument("--logs")
    parser.add_argument("--instances", nargs=2, metavar=("PID_A", "PID_B"))
    parser.add_argument("--standby")
    arguments = parser.parse_args()
    if arguments.import_file and not (arguments.logs and arguments.instances):
        parser.error("--import-file needs --logs and --instances")
    sys.exit(main(**vars(arguments)))

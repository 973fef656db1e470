#!/usr/bin/env python3
"""The two-instance check (bench/scaleout/run.sh): two portals over one database and one Redis.

    check.py URL_A URL_B DATABASE KEY_FILE API_LIMIT REDIS_PORT

Prints each check and exits 1 when any fails:
  1. signed in on A, the sign-in cookie works on B (data-protection keys in the database);
  2. a form read on B is accepted on A (antiforgery tokens from the shared keys), and the edit it makes on A
     shows at once on B's public page, which B had served from the cache (the eviction reaches Redis);
  3. the API's per-address limit counts the calls made to both instances together (rate limits in Redis).
"""
import html.parser
import os
import socket
import sqlite3
import sys

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


def redis_keys(port):
    """How many keys Redis holds (DBSIZE, spoken in RESP over a socket)."""
    with socket.create_connection(("127.0.0.1", int(port)), timeout=5) as s:
        s.sendall(b"*1\r\n$6\r\nDBSIZE\r\n")
        return int(s.recv(64).decode().strip().lstrip(":"))


def main(url_a, url_b, database, key_file, api_limit, redis_port):
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
    member_id = sqlite3.connect(f"file:{database}?mode=ro", uri=True).execute("SELECT Id FROM Members WHERE Code = 'PH'").fetchone()[0]
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

    print(f"{len(failures)} check(s) failed" if failures else "all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 7:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))

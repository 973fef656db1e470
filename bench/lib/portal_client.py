#!/usr/bin/env python3
"""A small HTTP client for the portal's benchmarks (python3 standard library only).

    portal_client.py signin BASE EMAIL PASSWORD [--key-file F]
                                                        prints the Cookie header of a signed-in session
    portal_client.py crawl BASE OUT START... [--cookie C] [--prefix P]... [--exclude P]... [--max N]
                                                        writes GET URLs (paths) answering 200 to OUT
    portal_client.py comments BASE PLAN_ID SECONDS PER_SECOND OUT_JSON
                                                        posts public consultation comments at a steady rate

Sign-in goes through the real forms, as a person signs in: the password, then for an account with
two-factor sign-in the authenticator's code (TOTP, RFC 6238, computed here from the key in --key-file),
or, at the first sign-in of a Support Unit account, the authenticator's set-up: the key is read off the
set-up page, its code entered, and the key written to --key-file for the next sign-in.
"""
import base64
import hashlib
import hmac
import html.parser
import json
import os
import re
import struct
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class Session:
    """Cookies kept by hand (http.cookiejar is fussy about IP-address hosts); redirects not followed."""

    def __init__(self, base, cookie=None):
        self.base = base.rstrip("/")
        self.cookies = {}
        if cookie:
            for part in cookie.split(";"):
                name, _, value = part.strip().partition("=")
                if name:
                    self.cookies[name] = value
        self.opener = urllib.request.build_opener(NoRedirect)

    def cookie_header(self):
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def request(self, path, data=None, timeout=30, files=None):
        """GET, or POST of data (a dict of fields): url-encoded, or multipart/form-data when files maps field
        names to (file name, bytes)."""
        content_type = "application/x-www-form-urlencoded"
        if files:
            boundary = f"----ogp-bench-{os.urandom(8).hex()}"
            content_type = f"multipart/form-data; boundary={boundary}"
            parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
                     for name, value in (data or {}).items()]
            for name, (file_name, content) in files.items():
                parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{file_name}"\r\n'
                             f"Content-Type: text/csv\r\n\r\n".encode() + content + b"\r\n")
            body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        else:
            body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body, method="POST" if body is not None else "GET")
        if self.cookies:
            req.add_header("Cookie", self.cookie_header())
        if body is not None:
            req.add_header("Content-Type", content_type)
        try:
            resp = self.opener.open(req, timeout=timeout)
        except urllib.error.HTTPError as e:
            resp = e
        for header in resp.headers.get_all("Set-Cookie") or []:
            pair = header.split(";", 1)[0]
            name, _, value = pair.partition("=")
            expired = re.search(r"expires=Thu, 01 Jan 1970", header, re.I)
            if value and not expired:
                self.cookies[name.strip()] = value
            else:
                self.cookies.pop(name.strip(), None)
        content = resp.read()
        return resp.status if hasattr(resp, "status") else resp.code, resp.headers, content.decode("utf-8", "replace")

    def get(self, path):
        return self.request(path)

    def post_form(self, path, fields, token_from):
        """Posts fields with the antiforgery token of the first form on token_from (a path or HTML)."""
        page = token_from if token_from.lstrip().startswith("<") else self.get(token_from)[2]
        match = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', page)
        if not match:
            raise RuntimeError("no antiforgery token on the page")
        return self.request(path, dict(fields, __RequestVerificationToken=match.group(1)))


def totp(key, at=None):
    """RFC 6238: HMAC-SHA1, 30-second steps, six digits."""
    clean = key.replace(" ", "").upper()
    secret = base64.b32decode(clean + "=" * (-len(clean) % 8))
    counter = struct.pack(">Q", int((at or time.time()) // 30))
    digest = hmac.new(secret, counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = (struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{value:06d}"


def sign_in(base, email, password, totp_key=None):
    """Returns (session, totp key or None). Fails loudly when the portal does not let the account in."""
    s = Session(base)
    status, headers, body = s.post_form("/account/login", {"Email": email, "Password": password}, "/account/login")
    if status != 302:
        raise RuntimeError(f"signing in as {email}: {status}, expected a redirect")
    location = headers["Location"]
    if location.startswith("/account/two-factor"):
        if not totp_key:
            raise RuntimeError(f"{email} asks for a two-factor code and no key was given")
        page = s.get(location)[2]
        status, headers, _ = s.post_form(location, {"Code": totp(totp_key)}, page)
        if status != 302:
            raise RuntimeError(f"two-factor code of {email} refused: {status}")
        location = headers["Location"]
    status, headers, _ = s.get(location)
    if status == 302 and headers["Location"] == "/account/two-factor/setup":
        page = s.get("/account/two-factor/setup")[2]
        match = re.search(r'id="shared-key"[^>]*>([^<]+)<', page)
        if not match:
            raise RuntimeError("no authenticator key on the set-up page")
        totp_key = match.group(1).strip()
        status, headers, _ = s.post_form("/account/two-factor/setup", {"Form.Code": totp(totp_key)}, page)
        if status != 302:
            raise RuntimeError(f"setting up two-factor sign-in for {email}: {status}")
    if "ogp.auth" not in s.cookie_header():
        raise RuntimeError(f"no sign-in cookie for {email}")
    return s, totp_key


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def crawl(base, starts, cookie=None, prefixes=("/",), excludes=(), limit=40):
    """Breadth-first over same-site links from starts; keeps paths that answer 200 (redirects followed
    only in the sense that their target is not kept). Returns (good, bad) where bad lists (path, status)."""
    s = Session(base, cookie)
    seen, good, bad = set(), [], []
    queue = list(starts)
    while queue and len(good) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        status, headers, body = s.get(path)
        if status != 200:
            bad.append((path, status))
            continue
        good.append(path)
        if "html" not in headers.get("Content-Type", ""):
            continue
        parser = Links()
        parser.feed(body)
        for href in parser.hrefs:
            href = html.unescape(href).split("#", 1)[0]
            if href.startswith(base):
                href = href[len(base):]
            if not href.startswith("/") or href.startswith("//"):
                continue
            if any(href.startswith(p) for p in excludes) or not any(href.startswith(p) for p in prefixes):
                continue
            if href not in seen:
                queue.append(href)
    return good, bad


def comments(base, plan_id, seconds, per_second, out):
    """Posts a public comment per_second times a second for seconds; writes counts and latencies."""
    s = Session(base)
    page = f"/consultations/{plan_id}"
    interval = 1.0 / per_second
    end = time.monotonic() + seconds
    latencies, statuses, n = [], {}, 0
    next_at = time.monotonic()
    while time.monotonic() < end:
        n += 1
        started = time.monotonic()
        try:
            status, headers, _ = s.post_form(f"/consultations/{plan_id}/comments", {
                "Form.Text": f"Soak test comment {n}: please publish the budget data monthly.",
                "Form.CommitmentId": "",
                "Form.AuthorName": "Soak Test",
                "Form.Organisation": "",
                "Form.Email": "",
                "Form.Website": "",
            }, page)
            ok = status == 302 and headers.get("Location", "").startswith(page)
            key = str(status) if ok or status != 302 else "302-elsewhere"
        except Exception as e:  # a refused connection or timeout is an error to count, not a crash
            ok, key = False, type(e).__name__
        latencies.append((time.monotonic() - started) * 1000)
        statuses[key] = statuses.get(key, 0) + 1
        if not ok:
            print(f"comment {n}: {key}", file=sys.stderr)
        next_at += interval
        time.sleep(max(0.0, next_at - time.monotonic()))
    latencies.sort()
    pick = lambda q: round(latencies[min(len(latencies) - 1, int(q * len(latencies)))], 1) if latencies else None
    errors = sum(v for k, v in statuses.items() if k not in ("302",))
    # Each comment is two requests: the page (for its antiforgery token) and the post.
    with open(out, "w") as f:
        json.dump({"class": "writer", "requests": 2 * n, "posts": n, "errors": errors, "statuses": statuses,
                   "seconds": seconds, "p50": pick(0.5), "p90": pick(0.9), "p99": pick(0.99), "max": pick(1.0)}, f)


def main(argv):
    command = argv[1] if len(argv) > 1 else ""
    if command == "signin":
        key_file = argv[argv.index("--key-file") + 1] if "--key-file" in argv else None
        key = None
        if key_file and os.path.exists(key_file):
            with open(key_file) as f:
                key = f.read().strip()
        session, key = sign_in(argv[2], argv[3], argv[4], key)
        if key and key_file:
            with open(key_file, "w") as f:
                f.write(key)
        print(session.cookie_header())
    elif command == "crawl":
        base, out, rest = argv[2], argv[3], argv[4:]
        starts, cookie, prefixes, excludes, limit = [], None, [], [], 40
        i = 0
        while i < len(rest):
            arg = rest[i]
            if arg in ("--cookie", "--prefix", "--exclude", "--max"):
                value = rest[i + 1]
                i += 2
                if arg == "--cookie":
                    cookie = value
                elif arg == "--prefix":
                    prefixes.append(value)
                elif arg == "--exclude":
                    excludes.append(value)
                else:
                    limit = int(value)
            else:
                starts.append(arg)
                i += 1
        good, bad = crawl(base, starts, cookie, prefixes or ["/"], excludes, limit)
        with open(out, "w") as f:
            f.write("".join(p + "\n" for p in good))
        for path, status in bad:
            print(f"crawl: {path} answered {status}", file=sys.stderr)
        print(len(good))
    elif command == "comments":
        comments(argv[2], int(argv[3]), float(argv[4]), float(argv[5]), argv[6])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

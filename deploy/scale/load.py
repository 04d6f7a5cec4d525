#!/usr/bin/env python3
"""Signed-in HTTP clients for deploy/scale/two-nodes.sh (standard library only).

Each client signs in through nginx as its own demo user, then loops: GET one of a few pages, and every WRITE_EVERY-th
request one write (a register import upload, multipart with the page's antiforgery token). Every answer is counted
by the node that served it (nginx adds X-Ltc-Node in the test configuration). A request that fails, answers >= 400 or
is sent back to sign-in counts as an error. Writes a JSON summary to stdout.
usage: load.py BASE_URL SECONDS USER[,USER...] [NODE_URL,NODE_URL...]
Afterwards each client's cookies are sent straight to each NODE_URL (no nginx): signed in on every node or not.
"""
import collections, http.cookiejar, json, re, sys, threading, time, urllib.error, urllib.parse, urllib.request, uuid

PASSWORD = "Ltc@2026demo"
PAGES = ["/", "/people", "/billing/bills", "/billing", "/billing/receivables"]  # pages every clerk and admin may open
WRITE_EVERY = 10
SIGNED_IN = 'action="/account/logout"'  # the user menu's sign-out form: only on a signed-in page
TOKEN = re.compile(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    def __init__(self, base, user):
        self.base, self.user = base, user
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def request(self, path, data=None, headers=None):
        req = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        try:
            with self.opener.open(req, timeout=60) as resp:
                return resp.status, resp.headers, resp.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:  # 3xx (no redirects followed) and 4xx/5xx
            return e.code, e.headers, e.read().decode("utf-8", "replace")

    def sign_in(self):
        _, _, html = self.request("/account/login")
        token = TOKEN.search(html).group(1)
        form = urllib.parse.urlencode({"_handler": "login", "__RequestVerificationToken": token,
                                       "Input.UserName": self.user, "Input.Password": PASSWORD}).encode()
        status, headers, _ = self.request("/account/login", form, {"Content-Type": "application/x-www-form-urlencoded"})
        if status != 302 or "login" in (headers.get("Location") or ""):
            raise RuntimeError(f"{self.user}: sign-in answered {status} {headers.get('Location')}")

    def upload(self, html):
        token = TOKEN.search(html).group(1)
        boundary = uuid.uuid4().hex
        csv = "\ufeff身份证号码,姓名\r\n".encode("utf-8")
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n"
                f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scale-{self.user}.csv\"\r\n"
                f"Content-Type: text/csv\r\n\r\n").encode() + csv + f"\r\n--{boundary}--\r\n".encode()
        return self.request("/register/import", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})


def run(base, seconds, users):
    stats = collections.Counter()
    by_node = collections.Counter()
    errors = []
    lock = threading.Lock()
    deadline = time.time() + seconds

    def worker(user):
        client = Client(base, user)
        try:
            client.sign_in()
        except Exception as e:
            with lock:
                stats["errors"] += 1
                errors.append(f"{user} sign-in failed: {e}")
            return client
        i, html = 0, ""
        while time.time() < deadline:
            i += 1
            write = i % WRITE_EVERY == 0 and html
            try:
                if write:
                    status, headers, _ = client.upload(html)
                    ok = status == 302 and "job=" in (headers.get("Location") or "")
                else:
                    status, headers, html = client.request(PAGES[i % len(PAGES)])
                    ok = status == 200 and SIGNED_IN in html
                node = headers.get("X-Ltc-Node", "?")
            except Exception as e:  # connection reset, timeout
                ok, status, node = False, type(e).__name__, "-"
            with lock:
                stats["writes" if write else "reads"] += 1
                if ok:
                    stats["writes_ok" if write else "reads_ok"] += 1
                    by_node[node] += 1
                else:
                    stats["errors"] += 1
                    errors.append(f"{time.strftime('%H:%M:%S')} {user} {'POST' if write else 'GET'} -> {status} via {node}")
            time.sleep(0.2)
        return client

    clients = {}
    threads = [threading.Thread(target=lambda u=u: clients.__setitem__(u, worker(u))) for u in users]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return stats, by_node, errors, clients


if __name__ == "__main__":
    base, seconds, users = sys.argv[1], float(sys.argv[2]), sys.argv[3].split(",")
    direct = sys.argv[4].split(",") if len(sys.argv) > 4 else []
    stats, by_node, errors, clients = run(base, seconds, users)
    valid = collections.Counter()
    for node_url in direct:  # wait for a node still restarting (up to 10 minutes)
        for _ in range(600):
            try:
                if urllib.request.urlopen(node_url + "/health", timeout=5).status == 200:
                    break
            except Exception:
                time.sleep(1)
    for user, client in clients.items():
        for node_url in direct:
            c = Client(node_url, user)
            c.jar = client.jar
            c.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(c.jar), NoRedirect())
            try:
                status, _, html = c.request("/people")
            except Exception as e:
                status, html = type(e).__name__, ""
            signed_in = status == 200 and SIGNED_IN in html
            valid[f"{node_url} {'signed-in' if signed_in else status}"] += 1
    print(json.dumps({"requests": dict(stats), "served_by_node": dict(by_node), "errors": errors[:20],
                      "sessions_checked_directly": dict(valid)}, ensure_ascii=False, indent=1))

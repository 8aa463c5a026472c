"""Sign-in answer times: unknown e-mail vs real account (wrong password) vs locked account, each from a fresh client
(X-Forwarded-For, believed from loopback). Usage: measure.py BASE_URL N"""
import http.cookiejar, re, statistics, sys, time, urllib.parse, urllib.request

base, n = sys.argv[1], int(sys.argv[2])
counter = [0]

def attempt(email, password):
    counter[0] += 1
    client = f"198.18.{counter[0] // 250}.{counter[0] % 250 + 1}"
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    headers = {"X-Forwarded-For": client}
    html = opener.open(urllib.request.Request(base + "/Account/SignIn?culture=en", headers=headers)).read().decode()
    token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html).group(1)
    body = urllib.parse.urlencode({"Email": email, "Password": password, "__RequestVerificationToken": token}).encode()
    start = time.perf_counter()
    try:
        r = opener.open(urllib.request.Request(base + "/Account/SignIn?culture=en", data=body, headers=headers))
        status, text = r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read().decode()
    ms = (time.perf_counter() - start) * 1000
    return status, "Incorrect e-mail address or password." in text, ms

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None

admin, victim, password = "admin@demo.mismes.ma", "advisor@demo.mismes.ma", "olive-tree-harbour-2026"
# Lock the victim the only way left: 50 failures from 10 clients (5 each).
for c in range(10):
    for i in range(5):
        attempt(victim, f"guess-{c}-{i}")
cases = {
    "unknown e-mail": lambda i: attempt(f"nobody-{i}@demo.mismes.ma", "Wrong-Password-2026"),
    "real, wrong password": lambda i: attempt(admin, f"Wrong-Password-{i}"),
    "locked, right password": lambda i: attempt(victim, password),
    "locked, wrong password": lambda i: attempt(victim, f"Wrong-Password-{i}"),
}
for name, run in cases.items():
    run(-1)  # warm-up
    results = [run(i) for i in range(n)]
    times = sorted(r[2] for r in results)
    statuses = {r[0] for r in results}
    same = all(r[1] for r in results)
    print(f"{name:24} status {sorted(statuses)} same-message {same} median {statistics.median(times):6.1f} ms "
          f"min {times[0]:6.1f} p90 {times[int(len(times) * 0.9) - 1]:6.1f} max {times[-1]:6.1f}")

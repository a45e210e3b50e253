"""Posts comments to a running Minbar at a steady rate, as readers do: a form token fetched
first (the site wants a pause between token and post), one post per tick, each from its own
address (X-Forwarded-For; the server runs with --behind-proxy), half from commenters whose
first comment was approved (so they show at once and refresh the cached article page).

    python3 bench/comment-poster.py BASE ARTICLE_ID RATE SECONDS OUT.json
"""
import http.client
import json
import sys
import threading
import time
import urllib.parse

base, article, rate, seconds, out = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
host = urllib.parse.urlparse(base)
total = int(rate * seconds)


def connection():
    return http.client.HTTPConnection(host.hostname, host.port, timeout=30)


# Tokens first, then the pause the site asks for (comment_minimum_seconds is 1 in the bench).
tokens = []
c = connection()
for _ in range(total):
    c.request("GET", f"/comments/token?article={article}")
    tokens.append(json.loads(c.getresponse().read())["token"])
time.sleep(1.5)

salt = f"{time.time():.3f}"  # rounds never repeat a comment (that would be a duplicate)
statuses = {}
latencies = []
start = time.time()
c = connection()
for n in range(total):
    due = start + n / rate
    delay = due - time.time()
    if delay > 0:
        time.sleep(delay)
    body = urllib.parse.urlencode({
        "article_id": article, "comment_parent": "", "token": tokens[n], "phone": "",
        "author": f"قارئ {n}", "email": "reader0@bench.example" if n % 2 == 0 else f"new{n}-{salt}@bench.example",
        "url": "", "comment": f"تعليق رقم {n} ({salt}) أثناء القياس، وهو نص عادي بطول معقول.",
    })
    began = time.time()
    c.request("POST", "/comments/", body=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"})
    response = c.getresponse()
    response.read()
    latencies.append(time.time() - began)
    statuses[response.status] = statuses.get(response.status, 0) + 1
elapsed = time.time() - start
latencies.sort()
json.dump({
    "posted": total, "seconds": round(elapsed, 2), "rate": round(total / elapsed, 2), "statuses": statuses,
    "p50_ms": round(latencies[len(latencies) // 2] * 1000, 2), "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 2),
}, open(out, "w"))

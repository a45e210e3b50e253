#!/usr/bin/env python3
"""Prints every page URL of a Minbar site reachable from its home page (same host, no assets)."""
import re, sys, urllib.parse, urllib.request

base = sys.argv[1].rstrip("/")
seen, queue = set(), ["/"]
while queue and len(seen) < 2000:
    path = queue.pop()
    if path in seen:
        continue
    seen.add(path)
    try:
        html = urllib.request.urlopen(base + urllib.parse.quote(path, safe="/?=&%")).read().decode()
    except Exception:
        continue
    for href in re.findall(r'href="(/[^"#]*)"', html):
        href = urllib.parse.unquote(href)
        if not href.startswith("/assets/") and href not in seen:
            queue.append(href)
for path in sorted(seen):
    print(base + urllib.parse.quote(path, safe="/?=&"))

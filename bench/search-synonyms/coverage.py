#!/usr/bin/env python3
"""Coverage of synonym pairs by a Minbar site (see bench/search-synonyms/coverage): an article
per phrase; does the search for each phrase find the articles of its group's other phrases?
usage: coverage.py build PAIRS OUT.jsonl | coverage.py check PAIRS URL"""
import json, sys, urllib.request, urllib.parse
mode, path = sys.argv[1], sys.argv[2]
groups = [l.strip().split('|') for l in open(path, encoding='utf-8') if l.strip()]
filler = ["قال مصدر مطلع إن الأمر شهد تطورات جديدة خلال الأسبوع الماضي.",
          "وأضاف المصدر أن الجهات المعنية تتابع الوضع عن كثب وستعلن التفاصيل لاحقا."]
if mode == 'build':
    with open(sys.argv[3], 'w', encoding='utf-8') as f:
        for gi, g in enumerate(groups):
            for ti, t in enumerate(g):
                f.write(json.dumps({"slug": f"g{gi}-t{ti}", "title": f"تقرير رقم {gi*10+ti} عن {t}",
                    "body": f"{filler[0]} وتناول التقرير {t} بالتفصيل. {filler[1]}",
                    "category": "منوعات", "tags": [], "published": "2025-01-01"}, ensure_ascii=False) + "\n")
else:
    url = sys.argv[3]; found = total = 0; missing = []
    gfull = 0
    for gi, g in enumerate(groups):
        allok = True
        for ai, a in enumerate(g):
            r = json.load(urllib.request.urlopen(f"{url}/api/search?limit=50&q=" + urllib.parse.quote(a)))
            slugs = {x["slug"] for x in r["results"]}
            for bi, b in enumerate(g):
                if bi == ai: continue
                total += 1
                if f"g{gi}-t{bi}" in slugs: found += 1
                else: missing.append(f"{a} -> {b}"); allok = False
        gfull += allok
    print(f"pairs found {found}/{total} = {found/total:.3f}; groups fully joined {gfull}/{len(groups)}")
    for m in missing: print("  missing:", m)

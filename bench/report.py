#!/usr/bin/env python3
"""Reads bench/run's measurements, appends a dated entry to bench/RESULTS.md and redraws
bench/results.svg (throughput of every recorded run, Minbar beside its baseline)."""
import datetime, json, os, pathlib, platform, re, subprocess, sys, textwrap

bench = pathlib.Path(__file__).resolve().parent


def draw_chart(history, connections):
    # Grouped bar chart, one group per run: baseline, Minbar cached, Minbar cold.
    runs = history[-8:]
    width, height, left, bottom, top = 760, 320, 70, 60, 40
    peak = max(max(r["baseline"], r["minbar"]) for r in runs) * 1.15
    group = (width - left - 20) / len(runs)
    bar = min(40, group / 4)
    colors = {"baseline": "#9aa5b1", "minbar": "#0b5cad", "cold": "#c8102e"}
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" font-family="system-ui, sans-serif" font-size="12">',
             f'<text x="{left}" y="20" font-size="14" font-weight="bold">Seed article page, requests/s ({connections} connections; cold: page cache off, 1 connection)</text>']
    for i in range(5):
        value = peak * i / 4; y = height - bottom - (height - bottom - top) * i / 4
        parts.append(f'<line x1="{left}" x2="{width - 20}" y1="{y:.0f}" y2="{y:.0f}" stroke="#e3e6ea"/><text x="{left - 6}" y="{y + 4:.0f}" text-anchor="end">{value:,.0f}</text>')
    for n, run in enumerate(runs):
        x0 = left + n * group + (group - 3 * bar - 8) / 2
        for k, key in enumerate(["baseline", "minbar", "cold"]):
            h = (height - bottom - top) * run[key] / peak
            x = x0 + k * (bar + 4)
            parts.append(f'<rect x="{x:.0f}" y="{height - bottom - h:.0f}" width="{bar:.0f}" height="{h:.0f}" fill="{colors[key]}"><title>{key}: {run[key]:,} req/s</title></rect>')
            parts.append(f'<text x="{x + bar / 2:.0f}" y="{height - bottom - h - 4:.0f}" text-anchor="middle" font-size="10">{run[key] / 1000:.1f}k</text>')
        parts.append(f'<text x="{x0 + 1.5 * bar + 4:.0f}" y="{height - bottom + 16}" text-anchor="middle">{run["commit"]} ({run["ratio"]:.2f}×)</text>')
        parts.append(f'<text x="{x0 + 1.5 * bar + 4:.0f}" y="{height - bottom + 30}" text-anchor="middle" fill="#5b6470">{run["when"][:10]} · cold p50 {run["cold_p50_ms"]} ms</text>')
    for k, (key, label) in enumerate([("baseline", "same-bytes baseline"), ("minbar", "Minbar (page cache)"), ("cold", "Minbar cold render")]):
        parts.append(f'<rect x="{left + k * 190}" y="{height - 16}" width="12" height="12" fill="{colors[key]}"/><text x="{left + k * 190 + 16}" y="{height - 6}">{label}</text>')
    parts.append("</svg>")
    (bench / "results.svg").write_text("\n".join(parts) + "\n")


def main():
    if sys.argv[1] == "--chart":
        draw_chart(json.loads((bench / "history.json").read_text()), "32")
        return
    out = pathlib.Path(sys.argv[1]); connections = sys.argv[2]; duration = sys.argv[3]

    def wrk(name):
        text = (out / f"{name}.wrk").read_text()
        def latency(p):
            m = re.search(rf"^\s*{p}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
            value, unit = float(m.group(1)), m.group(2)
            return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]
        requests = int(re.search(r"(\d+) requests in", text).group(1))
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
        return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)), "p50": latency(50), "p99": latency(99),
                "requests": requests, "errors": int(errors.group(1)) if errors else 0}
    
    base = [wrk("baseline-1"), wrk("baseline-2")]
    mine = [wrk("minbar-1"), wrk("minbar-2")]
    cold, site = wrk("cold"), wrk("site")
    avg = lambda runs, key: sum(r[key] for r in runs) / len(runs)
    ratio = avg(mine, "rps") / avg(base, "rps")
    rss_kb = int(re.search(r"(\d+)", (out / "rss.txt").read_text()).group(1))
    served = sum(r["requests"] for r in mine) + site["requests"]
    weights = [int(x) for x in (out / "weight.txt").read_text().split()]
    revisit = (out / "revisit.txt").read_text().strip()
    pages = len((out / "urls.txt").read_text().split())
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip() or "?"
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    cpus = os.cpu_count()
    
    ok = lambda good: "✅" if good else "❌"
    entry = textwrap.dedent(f"""
    ## {now} — commit {commit}
    
    `bench/run` (DURATION={duration}, CONNECTIONS={connections}) on {platform.system()} {platform.machine()}, {cpus} cores shared by wrk and the servers.
    
    | measurement | baseline (same bytes) | Minbar | ratio / target |
    | --- | ---: | ---: | --- |
    | seed article page, req/s at {connections} connections (mean of 2 runs) | {avg(base, "rps"):,.0f} | {avg(mine, "rps"):,.0f} | {ratio:.2f}× (≥ 0.80×) {ok(ratio >= 0.8)} |
    | latency p50 / p99 | {avg(base, "p50"):.2f} / {avg(base, "p99"):.2f} ms | {avg(mine, "p50"):.2f} / {avg(mine, "p99"):.2f} ms | |
    | cold render (page cache off, 1 connection) p50 / p99 | | {cold["p50"]:.2f} / {cold["p99"]:.2f} ms ({cold["rps"]:,.0f} req/s) | p50 < 2 ms {ok(cold["p50"] < 2)} |
    | resident memory after {served:,} requests over {pages} pages | | {rss_kb / 1024:.1f} MB | < 100 MB {ok(rss_kb < 100 * 1024 and served >= 100_000)} |
    | seed page weight, gzip: HTML + CSS + JS | | {" + ".join(f"{w / 1024:.1f}" for w in weights)} = {sum(weights) / 1024:.1f} KB | < 50 KB {ok(sum(weights) < 50 * 1024)} |
    | repeat visit with If-None-Match | | HTTP {revisit} | 304 {ok(revisit == "304")} |
    | non-2xx/3xx answers during the runs | {sum(r["errors"] for r in base)} | {sum(r["errors"] for r in mine) + site["errors"]} | |
    """)
    results = bench / "RESULTS.md"
    if not results.exists():
        results.write_text("# Benchmark results\n\nEach entry is appended by `bench/run`; the chart shows every entry's throughput.\n\n![throughput](results.svg)\n")
    with results.open("a") as f:
        f.write(entry)
    
    # History for the chart.
    history_file = bench / "history.json"
    history = json.loads(history_file.read_text()) if history_file.exists() else []
    history.append({"when": now, "commit": commit, "baseline": round(avg(base, "rps")), "minbar": round(avg(mine, "rps")),
                    "cold": round(cold["rps"]), "ratio": round(ratio, 3), "cold_p50_ms": round(cold["p50"], 3),
                    "rss_mb": round(rss_kb / 1024, 1), "weight_kb": round(sum(weights) / 1024, 1)})
    history_file.write_text(json.dumps(history, indent=1) + "\n")
    draw_chart(history, connections)
    print(entry)


main()

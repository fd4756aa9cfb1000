"""A real browser (headless Debian Chromium through selenium) reads an article and follows a span to its row.

Skipped with a message where Chromium or chromedriver is absent; required when
CI=true (.ci/run installs them). With USIRAQ_SCREENSHOT_DIR set, it also saves
the README's screenshot of the reader there:

    USIRAQ_SCREENSHOT_DIR=docs/img .venv/bin/python -m pytest tests/web/test_web_browser.py
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from webserver import Server

import usiraq

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
SCREENSHOT_ARTICLE = "004_da6def8141b84164"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--window-size=1280,900",
)
SPAN_TEXTS = """
const texts = {};
for (const mark of document.querySelectorAll("#article mark.span")) {
  texts[mark.dataset.span] = (texts[mark.dataset.span] || "") + mark.textContent;
}
return texts;
"""


def chromium_missing() -> str | None:
    for path in (CHROMIUM, CHROMEDRIVER):
        if not (Path(path).is_file() or shutil.which(path)):
            return f"{path} is not installed (apt-get install chromium chromium-driver)"
    return None


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    missing = chromium_missing()
    if missing and os.environ.get("CI") == "true":
        pytest.fail(f"the browser test is required in CI: {missing}")
    if missing:
        pytest.skip(missing)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(120)
    yield driver
    driver.quit()


def quotes_by_anchor(source_id: str) -> dict[str, str]:
    """Every evidence row of an article, by the anchor the reader gives it, with its quote."""
    from usiraq.schema import TABLES

    quotes = {}
    for model in TABLES:
        if "quote" not in model.model_fields or "source_id" not in model.model_fields:
            continue
        frame = usiraq.load(model.table_name)
        for _, row in frame[frame["source_id"] == source_id].iterrows():
            quotes[f"{model.table_name}-" + ",".join(str(row[pk]) for pk in model.primary_key)] = row["quote"]
    return quotes


def test_every_highlighted_span_is_its_rows_quote(browser, server: Server) -> None:
    for source_id in usiraq.load("sources")["source_id"]:
        browser.get(f"{server.url}-/articles/{source_id}")
        assert browser.execute_script(SPAN_TEXTS) == quotes_by_anchor(source_id), source_id


def test_clicking_a_span_lands_on_its_row(browser, server: Server) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{server.url}-/articles/{SCREENSHOT_ARTICLE}")
    leaves = [  # a span that holds no other: a click on its middle is a click on it
        mark
        for mark in browser.find_elements(By.CSS_SELECTOR, "#article mark.span[id]")
        if not mark.find_elements(By.CSS_SELECTOR, "mark")
    ]
    target = next((mark for mark in leaves if mark.get_attribute("data-kind") == "force_figures"), leaves[0])
    href, anchor = target.get_attribute("data-href"), target.get_attribute("id")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", target)
    target.click()
    WebDriverWait(browser, 30).until(expected_conditions.url_to_be(server.url.rstrip("/") + href))
    assert browser.find_elements(By.CSS_SELECTOR, f'a.usiraq-quote[href$="#{anchor}"]')
    back = browser.find_element(By.CSS_SELECTOR, "a.usiraq-quote")
    back.click()
    WebDriverWait(browser, 30).until(expected_conditions.url_contains(f"#{anchor}"))
    assert browser.execute_script("return document.querySelector(':target').id") == anchor


def test_the_legend_hides_a_kind(browser, server: Server) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{server.url}-/articles/{SCREENSHOT_ARTICLE}")
    box = browser.find_element(By.CSS_SELECTOR, '#legend input[value="actor_mentions"]')
    mention = browser.find_element(By.CSS_SELECTOR, "#article mark.k-actor_mentions")
    shown = mention.value_of_css_property("border-bottom-color")
    box.click()
    assert "hide-actor_mentions" in browser.find_element(By.ID, "article").get_attribute("class")
    assert mention.value_of_css_property("border-bottom-color") != shown
    box.click()
    assert mention.value_of_css_property("border-bottom-color") == shown


def test_screenshot_of_the_reader(browser, server: Server, tmp_path: Path) -> None:
    browser.get(f"{server.url}-/articles/{SCREENSHOT_ARTICLE}")
    browser.execute_script("document.querySelector('h1').scrollIntoView()")
    shot = tmp_path / "reader.png"
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("USIRAQ_SCREENSHOT_DIR"):
        target = Path(os.environ["USIRAQ_SCREENSHOT_DIR"]) / "reader.png"
        shutil.copyfile(shot, target)

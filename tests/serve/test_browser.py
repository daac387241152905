"""The web UI in a real headless Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.conftest import SEEDS

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def test_web_ui_briefs_pasted_articles(base_url: str, tmp_path: Path) -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed: `make setup` installs it (apt package chromium)")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page()
            page.goto(base_url + "/")
            boxes = page.locator("textarea[name=article]")
            boxes.nth(0).fill(texts[0])
            boxes.nth(1).fill(texts[1])
            page.click("#brief-button")
            page.wait_for_url("**/briefings/*", timeout=60_000)
            summary = page.locator("ul.summary li")
            assert summary.count() >= 2
            assert page.locator("ol.sources li").count() == 2
            markers = page.locator("ul.summary .src a").all_inner_texts()
            assert "[1]" in markers and "[2]" in markers
            body = page.inner_text("body")
            assert "Related news" not in body and "an error occurred" not in body
            shot = tmp_path / "briefing.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
            page.goto(base_url + "/")
            assert page.locator("#briefings li a").count() >= 1
        finally:
            browser.close()


def test_web_ui_reports_unusable_input(base_url: str) -> None:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page()
            page.goto(base_url + "/")
            page.locator("textarea[name=article]").nth(0).fill("Related news")
            page.click("#brief-button")
            page.wait_for_function(
                "document.getElementById('status').textContent.startsWith('Could not')"
            )
            assert "after cleaning" in page.inner_text("#status")
        finally:
            browser.close()

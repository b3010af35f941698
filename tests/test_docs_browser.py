"""The API reference as a reader sees it: built from the docstrings, opened in headless
Chromium at 1280 px. Every page of the reference fits the window, every link inside it
has its target (a page and, where it names one, an anchor), and the pages show what the
docstrings promise: each public function's arguments, result, release and example, and
the data dictionary's tables. Screenshots go to screenshots/ (gitignored):
docs-api.png, docs-dictionary.png."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

import careerstats as cs
from careerstats import api, paths
from careerstats.tables.resources import RESOURCES
from conftest import SHOTS, launch_chromium, require_chromium

pytestmark = [pytest.mark.browser, pytest.mark.slow]
require_chromium()

WIDTH = 1280


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The reference, built as ``make docs`` builds it (warnings fail it), into a
    temporary folder; the generated sources are those ``make docs`` writes."""
    out = tmp_path_factory.mktemp("docs") / "html"
    build = ["-q", "-n", "-W", "--keep-going", "-E", "-b", "html"]
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", *build, str(paths.ROOT / "docs"), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return out


def test_a_page_for_every_public_module(site):
    pages = {p.stem for p in (site / "reference").glob("*.html")} - {"index"}
    assert pages == set(api.REFERENCE_MODULES)


def test_every_page_fits_and_every_link_has_its_target(site):
    from playwright.sync_api import sync_playwright

    pages = sorted(site.rglob("*.html"))
    pages = [p for p in pages if p.name not in ("genindex.html", "search.html")]
    broken = []
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        page = browser.new_page(viewport={"width": WIDTH, "height": 900})
        anchors: dict[Path, set[str]] = {}
        links: list[tuple[Path, str]] = []
        for html in pages:
            page.goto(html.as_uri())
            scroll = page.evaluate("() => document.documentElement.scrollWidth")
            assert scroll <= WIDTH, f"{html.name}: horizontal scroll, {scroll} px"
            anchors[html] = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
            hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.href)")
            links += [(html, h) for h in hrefs if h.startswith("file://")]
        browser.close()
    for source, href in links:
        url = urlparse(href)
        target = Path(unquote(url.path))
        if not target.exists():
            broken.append(f"{source.name} -> {href}")
        elif url.fragment and target in anchors and url.fragment not in anchors[target]:
            broken.append(f"{source.name} -> {href} (no #{url.fragment})")
    assert not broken, "\n".join(broken[:20])
    assert len(links) > 500


def test_the_api_page_shows_each_function_documented(site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        page = browser.new_page(viewport={"width": WIDTH, "height": 1000})
        page.goto((site / "reference" / "careerstats.api.html").as_uri())
        for name in ("compare", "history", "rank", "return_on_training", "price_parity"):
            entry = page.locator(f"dt[id='careerstats.api.{name}'] + dd")
            text = entry.inner_text()
            for part in ("Parameters", "Returns", "Reads", "Example", ">>>"):
                assert part in text, f"{name}: no {part}"
        page.screenshot(path=str(SHOTS / "docs-api.png"))
        page.goto((site / "reference" / "careerstats.html").as_uri())
        listed = page.inner_text("table")
        for name in cs.__all__:
            assert f"cs.{name}" in listed
        page.goto((site / "dictionary.html").as_uri())
        text = page.inner_text("body")
        for table in RESOURCES:
            assert RESOURCES[table]["title"] in text
        assert "Median pay, per year" in text  # a title from the dictionary
        page.screenshot(path=str(SHOTS / "docs-dictionary.png"))
        browser.close()

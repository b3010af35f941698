"""The report as a reader sees it: opened in headless Chromium at 1280 px wide, it fits
the window (no horizontal scroll), shows its key figures formatted, gives every chart alt
text, and prints. The full report for a pair outside healthcare, in a metro area, has
every section, in order, and no figure or word of the article's pair. Screenshots go to
screenshots/ (gitignored): report-after.png, report-other-pair-metro.png."""

from __future__ import annotations

import pytest

from careerstats.measures import REPORT_SECTIONS
from careerstats.present.report import write_report
from conftest import SHOTS, launch_chromium, require_chromium
from test_notebook_outputs import RAW_FLOAT, RAW_NAME

pytestmark = [pytest.mark.browser, pytest.mark.slow]
require_chromium()

WIDTH = 1280


def read_as_a_reader(page, report, shot: str) -> str:
    """Open ``report`` at 1280 px and check what every report must do: no horizontal
    scroll on screen or in print, no raw column name or float, alt text on every chart.
    Saves a screenshot; returns the page's text."""
    page.goto(report.as_uri())
    scroll = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll[0] <= scroll[1], f"horizontal scroll: {scroll[0]} px in {scroll[1]}"
    text = page.inner_text("body")
    assert not RAW_NAME.search(text) and not RAW_FLOAT.search(text)
    alts = page.eval_on_selector_all("img", "imgs => imgs.map(i => i.alt)")
    assert alts and all(a.startswith("Chart: ") for a in alts), alts
    page.screenshot(path=str(SHOTS / shot), full_page=False)
    page.emulate_media(media="print")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= WIDTH
    page.emulate_media(media="screen")
    return text


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.html"
    write_report("31-9092", "29-2010", out, area="CA")
    return out


def test_report_fits_1280_px_and_shows_formatted_figures(report):
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": WIDTH, "height": 900})
            text = read_as_a_reader(page, report, "report-after.png")
            # BLS, May 2025, California: medical assistants' median $49,660 ($23.88/h);
            # national projections 2024-34: 811,000 jobs in 2024, +12.5%
            for figure in ("$49,660", "$23.88/h", "811,000 jobs", "12.5%", "117,060"):
                assert figure in text, figure
            for raw in ("<NA>", "How to use it", "soc_a = "):
                assert raw not in text, raw
            assert "careerstats report" in text and "Built " in text
            assert "https://download.bls.gov/pub/time.series/oe/" in text  # sources in full
        finally:
            browser.close()


#: The article's pair, as a reader would spot it: its occupations' words, codes and
#: figures (BLS, May 2025: the pair's national medians and gap; EP 2024-34: their
#: employment), and the parts about the article's pair alone.
ARTICLE_TRACES = (
    "Medical",
    "medical",
    "Laborator",
    "laborator",
    "lab staff",
    "31-9092",
    "29-2010",
    "45,690",
    "62,930",
    "17,240",
    "811,000",
    "licensure",  # ORS's own categories name a license for any occupation
    "29-2011",
    "29-2012",
    "IPEDS lists",
)
#: Each section's title, as its notebook heads it.
SECTION_TITLES = {
    "compare": "Compare any two occupations",
    "pay": "How big is the pay gap, and where?",
    "growth": "Growth: what BLS projected, and what happened",
    "industries": "Where they work, and who pays best",
    "training": "Return on training: when does the longer path pay off?",
    "requirements": "What the job requires",
}


@pytest.fixture(scope="module")
def other_report(tmp_path_factory):
    """Electricians against HVAC mechanics, in the Houston metro area, no costs given."""
    out = tmp_path_factory.mktemp("report") / "report.html"
    info = write_report("47-2111", "49-9021", out, area="Houston")
    print(f"report 47-2111 49-9021 --area Houston: {info}")
    return out


def test_the_full_report_for_another_pair_in_a_metro(other_report):
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": WIDTH, "height": 900})
            text = read_as_a_reader(page, other_report, "report-other-pair-metro.png")
            # every section, in the report's order, each listed in the contents
            order = page.eval_on_selector_all("main > section", "s => s.map(x => x.id)")
            assert order == [f"section-{k}" for k in REPORT_SECTIONS]
            for key, title in SECTION_TITLES.items():
                assert title in page.inner_text(f"#section-{key}")
            contents = page.inner_text("nav.contents")
            assert all(title in contents for title in SECTION_TITLES.values())
            unlinked = page.evaluate(
                """() => [...document.querySelectorAll('nav.contents a')]
                    .map(a => a.getAttribute('href').slice(1))
                    .filter(id => !document.getElementById(id)
                                  && !document.getElementById(decodeURIComponent(id)))"""
            )
            assert unlinked == [], unlinked
            # the pair, the place and the assumption said first in the return on training
            assert "Electricians vs Heating, Air Conditioning" in text
            assert "Houston-Pasadena-The Woodlands, TX" in text
            assert "No training costs were given, so both paths are priced at USD 0" in text
            assert "Not drawn for this pair" not in text
            found = [t for t in ARTICLE_TRACES if t in text]
            assert found == [], f"the article's pair shows through: {found}"
            assert page.locator("img").count() >= 15  # every section's charts
            header = page.inner_text("header")
            for release in (
                "OEWS national estimates, May 2015 to May 2025",
                "Employment Projections, cycles 2014-24 to 2024-34",
            ):
                assert release in header
        finally:
            browser.close()

"""The report as a reader sees it: opened in headless Chromium at 1280 px wide, it fits
the window (no horizontal scroll), shows its key figures formatted, gives every chart alt
text, and prints. Screenshots go to screenshots/ (gitignored)."""

from __future__ import annotations

import pytest

from careerstats.present.report import write_report
from conftest import SHOTS, launch_chromium, require_chromium

pytestmark = [pytest.mark.browser, pytest.mark.slow]
require_chromium()

WIDTH = 1280


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
            page.goto(report.as_uri())
            scroll = page.evaluate(
                "() => [document.documentElement.scrollWidth, window.innerWidth]"
            )
            assert scroll[0] <= scroll[1], f"horizontal scroll: {scroll[0]} px in {scroll[1]}"
            text = page.inner_text("body")
            # BLS, May 2025, California: medical assistants' median $49,660 ($23.88/h);
            # national projections 2024-34: 811,000 jobs in 2024, +12.5%
            for figure in ("$49,660", "$23.88/h", "811,000 jobs", "12.5%", "117,060"):
                assert figure in text, figure
            for raw in ("<NA>", "gap_usd", "49660.0", "How to use it", "soc_a"):
                assert raw not in text, raw
            assert "careerstats report" in text and "Built " in text
            assert "https://download.bls.gov/pub/time.series/oe/" in text  # sources in full
            alts = page.eval_on_selector_all("img", "imgs => imgs.map(i => i.alt)")
            assert alts and all(a.startswith("Chart: ") for a in alts), alts
            page.screenshot(path=str(SHOTS / "report-after.png"), full_page=False)
            page.emulate_media(media="print")
            printed = page.evaluate("() => document.documentElement.scrollWidth")
            assert printed <= WIDTH
        finally:
            browser.close()

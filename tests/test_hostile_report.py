"""An escaped report: strings from data and arguments never become active HTML."""

from __future__ import annotations

import html.parser

import pandas as pd
import pytest

# --- an escaped report -------------------------------------------------------------------------

HOSTILE_TITLE = (
    'Phlebotomists <script>alert(1)</script> "onerror=alert(2) '
    "<img src=x onerror=alert(3)> *bold* _it_ [link](javascript:alert(4)) # | ~"
)


class _Active(html.parser.HTMLParser):
    """Collects what would run or load in a browser: script tags, on* attributes,
    javascript: links, and remote sources (links to the sources' pages load nothing)."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed"):
            self.found.append(tag)
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.found.append(f"{tag} {name}")
            if value and value.strip().lower().startswith("javascript:"):
                self.found.append(f"{tag} {name}={value}")
            remote = value and value.startswith(("http:", "https:"))
            if name in ("src", "href") and remote and tag != "a":  # a link loads nothing
                self.found.append(f"{tag} {name}={value}")


@pytest.mark.slow
def test_a_hostile_title_is_escaped_everywhere(tmp_path, data_copy, monkeypatch):
    from careerstats.present.report import write_report

    for name in ("oews_national", "occupations", "projections"):
        path = data_copy / f"{name}.csv"
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        table.loc[table["soc_code"] == "31-9097", "occupation_title"] = HOSTILE_TITLE
        table.to_csv(path, index=False, lineterminator="\n")
    areas = pd.read_csv(data_copy / "areas.csv", dtype=str, keep_default_na=False)
    areas.loc[areas["area_code"] == "0000000", "area_title"] = "U.S. <b onmouseover=x>&"
    areas.to_csv(data_copy / "areas.csv", index=False, lineterminator="\n")

    monkeypatch.setenv("CAREERSTATS_ALLOW_EDITED_DATA", "1")  # the copy is edited on purpose
    info = write_report("31-9097", "29-2052", tmp_path / "r.html", data_dir=data_copy)
    page = (tmp_path / "r.html").read_text()
    active = _Active()
    active.feed(page)
    assert active.found == [], active.found
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown, as text
    assert "<title>Phlebotomists &lt;script&gt;" in page
    assert info["bytes"] > 0


def test_the_rerun_command_is_shell_quoted():
    from careerstats.present.report import rerun_command

    assert rerun_command("31-9097", "29-2052", "Los Angeles; rm -rf ~") == (
        "careerstats report 31-9097 29-2052 --area 'Los Angeles; rm -rf ~'"
    )

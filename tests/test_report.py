"""careerstats report: validated before running, self-contained, nothing half-written."""

import re

import nbformat
import pytest

from careerstats import UnknownCodeError, cli, paths
from careerstats.measures import REPORT_SECTIONS
from careerstats.present.report import (
    NOTEBOOK,
    check_sections,
    check_training,
    rerun_command,
    write_report,
)


@pytest.mark.parametrize(
    ("section", "names"),
    [
        ("compare", ["soc_a", "soc_b", "area"]),
        ("pay", ["soc_a", "soc_b"]),
        ("growth", ["soc_a", "soc_b"]),
        ("industries", ["soc_a", "soc_b"]),
        ("training", ["soc_a", "soc_b", "cost_a", "cost_b", "years_a", "years_b"]),
        ("requirements", ["soc_a", "soc_b"]),
    ],
)
def test_each_section_has_papermill_parameters(section, names):
    nb = nbformat.read(paths.NOTEBOOKS_DIR / REPORT_SECTIONS[section], as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    assert re.findall(r"^(\w+) = ", tagged[0].source, re.M) == names


def test_sections_and_training_options_are_checked():
    assert check_sections(None) == list(REPORT_SECTIONS)
    assert check_sections(["training", "pay", "pay"]) == ["pay", "training"]  # report order
    with pytest.raises(Exception, match="report sections nope: expected any of compare"):
        check_sections(["nope"])
    assert check_training({"cost_a": 9000, "years_b": None}) == {"cost_a": 9000.0, "years_b": None}
    with pytest.raises(Exception, match="years_a 25: expected a number from 0 to 20"):
        check_training({"years_a": 25})
    assert rerun_command("47-2111", "49-9021", "Houston", ["pay"], {"cost_a": 9000.0}) == (
        "careerstats report 47-2111 49-9021 --area Houston --sections pay --cost-a 9000"
    )


@pytest.mark.parametrize(
    "args, match",
    [
        (["31-9098", "29-2052", "--area", "TX"], "unknown SOC code '31-9098'; close matches"),
        (["31-9097", "29-2052", "--area", "Texsa"], "unknown area 'Texsa'; close matches: Texas"),
    ],
)
def test_bad_input_writes_nothing(tmp_path, capsys, args, match):
    out = tmp_path / "report.html"
    assert cli.main(["report", *args, "--out", str(out)]) == 2
    assert match in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_validation_happens_before_any_kernel(monkeypatch, tmp_path):
    import nbclient

    def boom(*a, **k):
        raise AssertionError("the notebook ran before the codes were checked")

    monkeypatch.setattr(nbclient.NotebookClient, "execute", boom)
    with pytest.raises(UnknownCodeError):
        write_report("99-9999", "29-2052", tmp_path / "r.html")


@pytest.mark.slow
def test_report_for_another_pair_is_self_contained(tmp_path):
    notebook_before = NOTEBOOK.read_bytes()
    info = write_report("31-9097", "29-2052", tmp_path / "report.html", area="TX")
    html = (tmp_path / "report.html").read_text()
    assert info["bytes"] == len(html.encode())
    assert "Phlebotomists vs Pharmacy Technicians: Texas" in html
    assert html.count("data:image/png;base64,") >= 4  # charts embedded
    # nothing fetched: no image, script, style sheet or frame from the network (links to
    # the sources are plain anchors)
    assert not re.search(r"""<(img|script|link|iframe)\b[^>]*(src|href)=["']https?://""", html)
    assert "<script" not in html
    assert "import careerstats" not in html  # code hidden
    assert "download.bls.gov" in html and "Employment Projections 2024-34" in html
    assert "12,820" in html  # BLS: Texas phlebotomists employed, May 2025 (oews_state.csv)
    assert "Where they work (national)" in html and "Largest 4-digit industries" in html
    assert list(tmp_path.iterdir()) == [tmp_path / "report.html"]
    assert NOTEBOOK.read_bytes() == notebook_before, "the report must not edit notebook 05"


@pytest.mark.slow
def test_a_part_that_cannot_be_drawn_says_why_and_the_rest_is_drawn(tmp_path):
    """Supervisors of food preparation and serving workers (35-1010): BLS publishes them
    in OEWS nationally, in no state, and in no projections cycle. The report draws what
    it can, and says in one line per part what it cannot and why; no cell fails."""
    out = tmp_path / "report.html"
    write_report("35-1010", "35-2014", out, sections=["compare", "growth", "training"])
    html = out.read_text()
    lines = re.findall(r"Not drawn for this pair: ([^<]*)", html)
    assert len(lines) == 4, lines
    assert sum("no projection in BLS's Employment Projections here" in x for x in lines) == 3
    assert any("publishes no estimate for it in any state or territory" in x for x in lines)
    assert "Traceback" not in html and "Error" not in html
    assert "The pay distribution" in html and "Two paths, year by year" in html  # drawn
    assert "How big is the pay gap" not in html  # not asked for


@pytest.mark.slow
def test_the_same_inputs_give_the_same_bytes(tmp_path, monkeypatch):
    """Reproducible: two reports for the same pair, area, sections and date are the same
    file, byte for byte (charts, contents, header and footer included)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764633600")
    pages = []
    for name in ("one.html", "two.html"):
        write_report("47-2111", "49-9021", tmp_path / name, sections=["growth", "training"])
        pages.append((tmp_path / name).read_bytes())
    assert pages[0] == pages[1]
    assert b"Built 2025-12-02" in pages[0]

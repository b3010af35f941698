"""careerstats report: validated before running, self-contained, nothing half-written."""

import re

import nbformat
import pytest

from careerstats import UnknownCodeError, cli
from careerstats.present.report import NOTEBOOK, write_report


def test_notebook_05_has_papermill_parameters():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    names = re.findall(r"^(\w+) = ", tagged[0].source, re.M)
    assert names == ["soc_a", "soc_b", "area"]


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

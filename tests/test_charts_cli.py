import subprocess
import sys

import matplotlib
import pytest

from careerstats import charts, cli, comparison, load_table

matplotlib.use("Agg")


def test_charts_are_byte_stable(tmp_path):
    first = charts.render_all(tmp_path / "a")
    second = charts.render_all(tmp_path / "b")
    assert len(first) == 2 * len(charts.REGISTRY)
    for p, q in zip(first, second, strict=True):
        assert p.read_bytes() == q.read_bytes(), p.name
    svg = first[1].read_text()
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg


def test_titles_state_the_finding_and_axes_have_units():
    wide = comparison.claims_wide(load_table("article_claims"))
    fig = charts.article_pay(wide)
    ax = fig.axes[0]
    title = ax.get_title(loc="left")
    assert "$18,720" in title and "49%" in title
    assert "US dollars per year" in ax.get_xlabel()
    assert any("Source:" in t.get_text() for t in fig.texts)


def test_colours_are_fixed_per_occupation():
    assert charts.color("31-9092") == charts.color("319092") == "#0072B2"
    assert charts.color("29-2052") == charts.color("29-2052")


@pytest.mark.parametrize("sub", [None, *cli.parser()._subparsers._group_actions[0].choices])
def test_help_works_on_every_subcommand(sub):
    args = [sub, "--help"] if sub else ["--help"]
    run = subprocess.run([sys.executable, "-m", "careerstats.cli", *args],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert "usage: careerstats" in run.stdout


def test_cli_charts_writes_files(tmp_path, capsys):
    assert cli.main(["charts", "--out", str(tmp_path), "--only", "01-article-pay"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["01-article-pay.png",
                                                           "01-article-pay.svg"]


def test_cli_unknown_chart_is_a_clear_error(tmp_path, capsys):
    assert cli.main(["charts", "--out", str(tmp_path), "--only", "01-article-pai"]) == 2
    assert "close matches: 01-article-pay" in capsys.readouterr().err

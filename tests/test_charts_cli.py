import subprocess
import sys

import matplotlib
import pytest

from careerstats import cli, load_table, paths
from careerstats.analysis.claims import claims_wide
from careerstats.present import style
from careerstats.present.charts import plot_article_pay
from careerstats.present.registry import REGISTRY, render_all

matplotlib.use("Agg")


def test_charts_folder_holds_exactly_the_registered_charts():
    """Each chart's fresh render is compared with charts/ byte for byte where its layout is
    checked (tests/test_chart_layout.py, one render per chart); here: nothing else."""
    expected = sorted(f"{name}.{ext}" for name in REGISTRY for ext in ("png", "svg"))
    assert sorted(p.name for p in paths.CHARTS_DIR.iterdir()) == expected, (
        "charts/ holds files no chart writes, or misses one: run make charts"
    )


def test_twice_in_one_process_is_identical(tmp_path):
    name = "04-recertification-timeline"
    a = render_all(tmp_path / "a", names=[name])
    b = render_all(tmp_path / "b", names=[name])
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]


def test_titles_state_the_finding_and_axes_have_units():
    wide = claims_wide(load_table("article_claims"))
    fig = plot_article_pay(wide)
    ax = fig.axes[0]
    title = ax.get_title(loc="left")
    assert "$18,720" in title and "49%" in title
    assert "US dollars per year" in ax.get_xlabel()
    assert any("Source:" in t.get_text() for t in fig.texts)


def test_colours_are_fixed_per_occupation():
    assert style.color("31-9092") == style.color("319092") == "#0072B2"
    assert style.color("29-2010") == "#E69F00"
    # any other code: a colour of the cycle, none of the article pair's or the total's
    others = ["29-2052", "31-9097", "29-1141", "29-2034", "25-2021", "27-2042"]
    fixed = set(style.COLORS.values())
    assert all(style.color(s) not in fixed for s in others)
    # drawn together, codes that would share a colour get distinct ones
    pal = style.palette(others[:5])
    assert len(set(pal.values())) == 5
    assert style.palette(["31-9092", "29-2010"]) == {"31-9092": "#0072B2", "29-2010": "#E69F00"}


@pytest.mark.parametrize("sub", [None, *cli.parser()._subparsers._group_actions[0].choices])
def test_help_works_on_every_subcommand(sub, capsys):
    args = [sub, "--help"] if sub else ["--help"]
    with pytest.raises(SystemExit) as done:
        cli.main(args)
    assert done.value.code == 0
    assert "usage: careerstats" in capsys.readouterr().out


def test_the_console_script_runs():
    run = subprocess.run(
        [sys.executable, "-m", "careerstats.cli", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0 and "usage: careerstats" in run.stdout


def test_cli_charts_writes_files(tmp_path, capsys):
    assert cli.main(["charts", "--out", str(tmp_path), "--only", "01-article-pay"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "01-article-pay.png",
        "01-article-pay.svg",
    ]


def test_cli_unknown_chart_is_a_clear_error(tmp_path, capsys):
    assert cli.main(["charts", "--out", str(tmp_path), "--only", "01-article-pai"]) == 2
    assert "close matches: 01-article-pay" in capsys.readouterr().err

"""One grammar for every command: positional occupations, --top, --out a file (a folder for
charts alone), every choice listed in --help, --version, and the old spellings for one
more version."""

from __future__ import annotations

import argparse

import pytest

from careerstats import cli, paths
from conftest import run_cli


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in cli.parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


COMMANDS = sorted(_subparsers())


def test_version(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"careerstats {paths.careerstats_version()}"


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_every_option_and_every_choice(command):
    sub = _subparsers()[command]
    text = sub.format_help()
    assert "%%" not in text, "a literal %% in the help"
    for action in sub._actions:
        assert action.help != argparse.SUPPRESS, f"{command}: {action.dest} is hidden"
        if action.option_strings and action.nargs != 0:
            assert action.help, f"{command} {action.option_strings[0]}: no help"
        for choice in action.choices or ():
            assert str(choice) in (action.help or ""), f"{command}: {choice} not in the help"


@pytest.mark.parametrize("command", COMMANDS)
def test_occupations_are_positional_and_rows_are_limited_by_top(command):
    sub = _subparsers()[command]
    options = {o for a in sub._actions for o in a.option_strings}
    positionals = [a.dest for a in sub._actions if not a.option_strings]
    if command in ("compare", "history", "report"):
        assert positionals == ["a", "b"]
    if command == "industries":
        assert positionals == ["soc"]
    limits = {"--top", "--limit"} & options
    assert limits in (set(), {"--top"}, {"--top", "--limit"})


@pytest.mark.parametrize("command", COMMANDS)
def test_out_is_a_file_except_for_charts(command):
    sub = _subparsers()[command]
    out = next((a for a in sub._actions if "--out" in a.option_strings), None)
    if out is None or isinstance(out, cli._Deprecated):
        return
    if command == "charts":
        assert out.metavar == "DIR" and "folder" in out.help
    else:
        assert out.metavar == "FILE" and "file" in out.help


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (["trace", "38190", "--soc", "31-9092", "--limit", "1"], "--top"),
    ],
)
def test_an_old_spelling_works_and_says_it_is_deprecated(capsys, old, new):
    code, out, err = run_cli(capsys, *old)
    assert code == 0 and out.strip()
    assert err.strip() == (
        f"careerstats: warning: {old[-2]} is deprecated and will be removed in the next "
        f"version; use {new}"
    )
    code, same, err = run_cli(capsys, *old[:-2], new, old[-1])
    assert (code, same, err) == (0, out, "")


def test_build_data_out_is_the_old_spelling_of_data_dir():
    args = cli.parser().parse_args(["build-data", "--out", "somewhere"])
    assert str(args.out) == "somewhere"
    args = cli.parser().parse_args(["build-data", "--data-dir", "elsewhere"])
    assert str(args.out) == "elsewhere"

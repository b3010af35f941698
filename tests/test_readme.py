"""Every ``console`` example in README.md, run as the reader would run it, and its output
compared with the text shown.

A line ``...`` stands for any number of lines the README leaves out; ``...`` inside a line
stands for any text there (a size, a time). The examples run from a temporary folder, so a
file one writes lands there; ``.venv/bin/careerstats`` is this environment's command.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
COMMAND = Path(sys.executable).parent / "careerstats"
PROMPT = "$ "


def examples(text: str) -> list[tuple[str, list[str]]]:
    """(command, expected output lines) of every ``$`` line of every console block."""
    found: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        for line in block.splitlines():
            if line.startswith(PROMPT):
                found.append((line[len(PROMPT) :], []))
            elif found:
                found[-1][1].append(line)
    return found


def pattern(expected: list[str]) -> re.Pattern[str]:
    """The expected lines as one regular expression: ``...`` lines and ``...`` in a line
    are wildcards, everything else literal."""
    parts = []
    for line in expected:
        if line.strip() == "...":
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            literal = ".*?".join(re.escape(p) for p in line.rstrip().split("..."))
            parts.append(rf"{literal}[ \t]*\n")
    return re.compile("".join(parts))


def normalised(text: str) -> str:
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


EXAMPLES = examples(README.read_text())


def test_the_readme_has_its_examples():
    assert len(EXAMPLES) >= 7


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        pytest.param(c, e, marks=[pytest.mark.slow] if " report " in c else [], id=c[:60])
        for c, e in EXAMPLES
    ],
)
def test_a_readme_example_prints_what_the_readme_shows(tmp_path, command, expected):
    args = shlex.split(command)
    assert args[0] == ".venv/bin/careerstats", f"{command}: expected the project's command"
    run = subprocess.run(
        [str(COMMAND), *args[1:]],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={**__import__("os").environ, "COLUMNS": "200"},
    )
    shown = normalised(run.stdout + run.stderr)
    assert pattern(expected).fullmatch(shown), (
        f"README shows for `{command}`:\n" + "\n".join(expected) + f"\n\nit printed:\n{shown}"
    )


def test_the_matcher_honours_cut_lines_and_wildcards():
    assert pattern(["a", "...", "d"]).fullmatch("a\nb\nc\nd\n")
    assert pattern(["a", "...", "d"]).fullmatch("a\nd\n")
    assert not pattern(["a", "d"]).fullmatch("a\nb\nd\n")
    assert pattern(["took ... s"]).fullmatch("took 5.9 s\n")
    assert not pattern(["took 1 s"]).fullmatch("took 5.9 s\n")

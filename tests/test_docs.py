"""The public API and its reference: every public name documented where the reference
looks, every function's docstring with its arguments, result, release and an example,
every example run as a doctest, and a reference build that fails on a missing docstring or
a broken cross-reference (``make docs``, which ``make test`` runs first)."""

from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

import careerstats as cs
from careerstats import api, paths

#: Every module of the package but ``__main__`` (importing it runs the command line).
MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(cs.__path__, "careerstats.")
    if not m.name.endswith("__main__")
)
DOCTESTS = [
    test
    for name in ["careerstats", *MODULES]
    for test in doctest.DocTestFinder().find(importlib.import_module(name))
    if test.examples
]
#: The functions of ``careerstats.__all__``.
FUNCTIONS = [n for n in cs.__all__ if inspect.isfunction(getattr(cs, n))]


def _home(name: str) -> str:
    obj = getattr(cs, name)
    return obj.__name__ if isinstance(obj, types.ModuleType) else obj.__module__


@pytest.mark.parametrize(
    "name",
    [n for n in cs.__all__ if callable(getattr(cs, n)) or inspect.ismodule(getattr(cs, n))],
)
def test_every_public_name_has_a_page_in_the_reference(name):
    assert _home(name) in api.REFERENCE_MODULES


def test_every_analysis_the_api_calls_has_a_page():
    called = {v.__name__ for v in vars(api).values() if isinstance(v, types.ModuleType)}
    assert called <= set(api.REFERENCE_MODULES) | {"pandas"}


@pytest.mark.parametrize("name", FUNCTIONS)
def test_every_public_function_says_its_arguments_result_release_and_example(name):
    doc = inspect.getdoc(getattr(cs, name)) or ""
    for section in ("Args:", "Returns:", "Reads:", "Example:"):
        assert f"\n{section}\n" in f"\n{doc}", f"{name}: no {section} section"
    assert ">>> " in doc, f"{name}: no example"


def test_the_api_is_all_there():
    """What the commands offer, one import away, and still loaded lazily."""
    for name in (
        "compare",
        "history",
        "industries",
        "rank",
        "requirements",
        "trace",
        "interval",
        "difference_interval",
        "price_parity",
        "cost_adjusted",
        "return_on_training",
    ):
        assert name in cs.__all__
    code = (
        "import sys, careerstats; "
        "print(sorted(m for m in ('pandas', 'matplotlib') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_wheel_says_it_is_typed():
    assert (Path(cs.__file__).parent / "py.typed").exists()


def test_there_are_examples_for_every_function():
    with_examples = {t.name.rsplit(".", 1)[-1] for t in DOCTESTS}
    assert set(FUNCTIONS) <= with_examples


@pytest.mark.parametrize("test", DOCTESTS, ids=[t.name for t in DOCTESTS])
def test_every_example_runs(test):
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    out: list[str] = []
    result = runner.run(test, out=out.append)
    assert result.failed == 0, "".join(out)


BROKEN_MODULE = '''"""A module of the test project."""


def documented() -> int:
    """Returns one; see :func:`nowhere_at_all`."""
    return 1


def undocumented() -> int:
    return 2
'''


def test_the_reference_build_fails_on_a_missing_docstring_and_a_broken_reference(tmp_path):
    (tmp_path / "brokenmod.py").write_text(BROKEN_MODULE)
    (tmp_path / "conf.py").write_text(
        "import sys\n"
        f"sys.path[:0] = [{str(tmp_path)!r}, {str(paths.ROOT / 'docs' / '_ext')!r}]\n"
        "extensions = ['sphinx.ext.autodoc', 'careerstats_docs']\n"
        "careerstats_reference = False\n"
        "nitpicky = True\n"
    )
    (tmp_path / "index.rst").write_text(
        "Test\n====\n\n.. automodule:: brokenmod\n   :members:\n   :undoc-members:\n"
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-q",
            "-n",
            "-W",
            "--keep-going",
            "-b",
            "html",
            str(tmp_path),
            str(tmp_path / "_build"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "brokenmod.undocumented: a public function without a docstring" in done.stderr
    assert "reference target not found: nowhere_at_all" in done.stderr

"""The layers of ARCHITECTURE.md, enforced: imports never point upward, each public name
has one meaning, one module of the presentation layer loads data, and importing
careerstats changes nothing global."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "careerstats"

#: Layer of each module, bottom (0) to top: the foundation is every module at the top of
#: the package but the command line and the facade, and no module of a layer's folder is an
#: exception (ARCHITECTURE.md).
FOUNDATION = {
    "careerstats.arguments",
    "careerstats.errors",
    "careerstats.extras",
    "careerstats.measures",
    "careerstats.paths",
    "careerstats.occupations",
    "careerstats.progress",
    "careerstats.sources",
    "careerstats.staging",
}
LAYERS = {"ingest": 1, "tables": 2, "analysis": 3, "present": 4}
LAYER_NAMES = {
    0: "foundation",
    1: "ingest",
    2: "tables",
    3: "analysis",
    4: "present",
    5: "the entry points (api, cli)",
    6: "the careerstats facade",
}


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def layer(module: str) -> int:
    if module in FOUNDATION:
        return 0
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in LAYERS:
        return LAYERS[parts[1]]
    if module in ("careerstats.api", "careerstats.cli") or module.startswith("careerstats.cli."):
        return 5
    if module == "careerstats":
        return 6  # the facade: re-exports from every layer, lazily
    raise AssertionError(f"{module}: not placed in a layer; add it to ARCHITECTURE.md")


def imports(module: str) -> set[str]:
    """Every careerstats module ``module`` imports, at any depth of its code."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            # "from pkg import mod" imports pkg.mod; "from mod import name" imports mod
            names = [
                f"{stem}.{a.name}" if f"{stem}.{a.name}" in MODULES else stem for a in node.names
            ]
        else:
            continue
        for name in names:
            # the longest prefix that is a module: "careerstats.analysis.pay.gap" -> ...pay
            while name and name not in MODULES:
                name = name.rpartition(".")[0]
            if name.startswith("careerstats") and name != module:
                found.add(name)
    return found


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_module_has_a_layer(module):
    layer(module)


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m != "careerstats"))
def test_imports_never_point_upward(module):
    here = layer(module)
    upward = sorted(
        m for m in imports(module) if layer(m) > here and not m.startswith(module + ".")
    )
    assert not upward, f"{module} ({LAYER_NAMES[here]}) imports " + ", ".join(
        f"{m} ({LAYER_NAMES[layer(m)]})" for m in upward
    )


def test_the_import_checker_sees_upward_imports(tmp_path):
    """The checker itself: a function-level relative import is found and resolved."""
    fake = SRC / "ingest" / "oews_flat.py"
    assert "careerstats.measures" in imports(module_name(fake))
    assert "careerstats.analysis.compare" in imports("careerstats.present.report")


#: The loader: everything above tables/ loads through the facade over it, tables.store.
LOADER = "careerstats.tables.load"
STORE = "careerstats.tables.store"


def test_no_analysis_loads_data():
    """Analyses take their tables as arguments (or a ``Data``): none imports a loader."""
    loading = sorted(
        m for m in MODULES if m.startswith("careerstats.analysis") and imports(m) & {LOADER, STORE}
    )
    assert not loading, f"{loading} load data themselves: take the tables as arguments"


def test_one_module_loads_for_everything_above_tables():
    """Above tables/, only tables.store's Tables calls the loader."""
    direct = sorted(
        m
        for m in MODULES
        if layer(m) > LAYERS["tables"] and m != "careerstats" and LOADER in imports(m)
    )
    assert not direct, f"{direct} call the loader directly: load through Tables"
    assert LOADER in imports(STORE)


def test_no_layer_folder_holds_a_foundation_module():
    """The foundation is the package's top level: no module of a layer's folder is an
    exception to its layer."""
    assert all(m.count(".") == 1 for m in FOUNDATION)


def test_the_dictionary_gives_every_field_a_title_and_a_unit():
    from careerstats.measures import UNITS
    from careerstats.tables.dictionary import FIELDS

    assert all(f.get("title") and f.get("unit_code") in UNITS for f in FIELDS.values()), [
        n for n, f in FIELDS.items() if not f.get("title") or f.get("unit_code") not in UNITS
    ]


def test_no_module_is_over_600_lines():
    long = {m: n for m, p in MODULES.items() if (n := len(p.read_text().splitlines())) > 600}
    assert not long, f"modules over 600 lines: {long}"


def public_definitions(module: str) -> dict[str, str]:
    """Names a module defines at its top level (functions, classes, constants), not the
    names it imports."""
    tree = ast.parse(MODULES[module].read_text())
    names = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names[node.name] = type(node).__name__
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                for n in ast.walk(t):
                    if isinstance(n, ast.Name):
                        names[n.id] = "constant"
    return {n: k for n, k in names.items() if not n.startswith("_") and n != "__all__"}


def test_no_public_name_has_two_meanings():
    """careerstats.api re-states analyses with their tables loaded: the same names, the
    same meanings, so it is left out."""
    where = defaultdict(list)
    for module in (m for m in MODULES if m != "careerstats.api"):
        for name in public_definitions(module):
            where[name].append(module)
    clashes = {n: ms for n, ms in where.items() if len(ms) > 1}
    assert not clashes, "one name, several definitions: " + "; ".join(
        f"{n} in {', '.join(ms)}" for n, ms in sorted(clashes.items())
    )


def test_import_changes_no_global_option():
    """Importing careerstats and comparing sets no pandas option and loads no plotting."""
    code = (
        "import sys, pandas as pd\n"
        "before = pd.get_option('display.html.use_mathjax')\n"
        "import careerstats as cs\n"
        "cs.compare('31-9092', '29-2010')\n"
        "assert pd.get_option('display.html.use_mathjax') == before, 'option changed'\n"
        "assert 'matplotlib' not in sys.modules, 'compare loaded matplotlib'\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr


def test_charts_leave_matplotlib_settings_as_they_were():
    import matplotlib as mpl

    from careerstats.present.registry import REGISTRY

    mpl.use("Agg")
    before = {k: v for k, v in mpl.rcParams.items() if k != "backend"}
    fig = REGISTRY["04-recertification-timeline"](None)
    after = {k: v for k, v in mpl.rcParams.items() if k != "backend"}
    mpl.pyplot.close(fig)
    assert before == after


def test_every_public_name_of_careerstats_resolves():
    import careerstats as cs

    for name in cs.__all__:
        assert getattr(cs, name) is not None, name
    import careerstats.api

    assert cs.compare is careerstats.api.compare
    assert cs.compare.__name__ == cs.comparison.compare.__name__ == "compare"
    assert cs.pay.gap_values(10.0, 15.0) == (5.0, 50.0, 1.5)
    assert callable(cs.charts.plot_pay_history) and callable(cs.analysis.pay_history)


#: The most functions over :data:`LONG_LINES` lines (ruff's C901, PLR0912 and PLR0915 keep
#: the rest small); each says why in a ``# long function:`` comment above it.
LONG_LINES, MOST_LONG = 60, 8


def test_long_functions_are_few_and_say_why():
    long, unexplained = [], []
    for module, path in MODULES.items():
        lines = path.read_text().splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            if (node.end_lineno or node.lineno) - node.lineno + 1 <= LONG_LINES:
                continue
            long.append(f"{module}.{node.name}")
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            if not lines[first - 2].startswith("# long function: "):
                unexplained.append(f"{module}.{node.name}")
    assert len(long) <= MOST_LONG, f"{len(long)} functions over {LONG_LINES} lines: {long}"
    assert not unexplained, f"long functions without a reason: {unexplained}"

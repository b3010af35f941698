"""Sphinx extension for careerstats' API reference.

- Writes one page per module of :data:`careerstats.api.REFERENCE_MODULES` and the page of
  the package's public names (``careerstats.__all__``) before the build reads anything,
  into ``reference/`` (generated, not committed).
- ``.. careerstats-dictionary::`` renders the data dictionary from code: every table of
  ``careerstats.tables.resources.RESOURCES`` with its columns (type, title, unit,
  description, constraints), and the columns the analyses compute
  (``careerstats.tables.derived_columns.DERIVED``).
- Warns on a public function, class, method, property or module without a docstring
  (the build runs with ``-W``, so the warning fails it).
"""

from __future__ import annotations

import inspect
import json
import re
import types
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.ext.napoleon import Config
from sphinx.ext.napoleon.docstring import GoogleDocstring
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

logger = logging.getLogger(__name__)

#: What must have a docstring (autodoc's ``what``).
NEEDS_DOCSTRING = {"module", "class", "exception", "function", "method", "property"}

#: napoleon's settings: Google style, and careerstats' own section "Reads" (the release a
#: function reads).
NAPOLEON = Config(
    napoleon_google_docstring=True,
    napoleon_numpy_docstring=False,
    napoleon_custom_sections=[("Reads", "notes_style")],
    napoleon_use_rtype=False,
)


def _heading(text: str, mark: str) -> list[str]:
    return [text, mark * len(text), ""]


def _summary(obj: object) -> str:
    """The first paragraph of ``obj``'s docstring, its cross-references as plain code."""
    doc = inspect.getdoc(obj) or ""
    first = " ".join(doc.split("\n\n")[0].split())
    return re.sub(r":\w+:`~?([^`]+)`", r"``\1``", first)


def _module_page(name: str) -> list[str]:
    return [
        *_heading(f"``{name}``", "="),
        f".. automodule:: {name}",
        "   :members:",
        "   :undoc-members:",
        "   :show-inheritance:",
        "",
    ]


def _api_page() -> list[str]:
    """The package's page: its docstring, and its public names, each with where it is
    defined and its first line."""
    import careerstats as cs

    lines = [
        *_heading("``careerstats``", "="),
        ".. automodule:: careerstats",
        "",
        *_heading("The public names: ``careerstats.__all__``", "-"),
        "Everything below is one import away (``import careerstats as cs``), loaded on first "
        "use. Each links to the page that documents it.",
        "",
        ".. list-table::",
        "   :header-rows: 1",
        "   :widths: 25 75",
        "",
        "   * - name",
        "     - what it is",
    ]
    for name in cs.__all__:
        obj = getattr(cs, name)
        if isinstance(obj, types.ModuleType):
            ref, text = f":mod:`cs.{name} <{obj.__name__}>`", _summary(obj)
        elif inspect.isclass(obj):
            role = "exc" if issubclass(obj, BaseException) else "class"
            ref = f":{role}:`cs.{name} <{obj.__module__}.{obj.__qualname__}>`"
            text = _summary(obj)
        elif callable(obj):
            ref = f":func:`cs.{name} <{obj.__module__}.{obj.__qualname__}>`"
            text = _summary(obj)
        else:
            ref = f":data:`cs.{name} <careerstats.occupations.{name}>`"
            text = f"``{obj!r}``"
        lines += [f"   * - {ref}", f"     - {text}"]
    return [*lines, ""]


def write_pages(app: Sphinx) -> None:
    """The reference's pages, written into ``reference/`` unless the project turns it off
    (``careerstats_reference = False``, as the test of this extension does)."""
    if not app.config.careerstats_reference:
        return
    from careerstats.api import REFERENCE_MODULES

    out = Path(app.srcdir) / "reference"
    out.mkdir(exist_ok=True)
    pages = {"careerstats": _api_page()}
    pages |= {name: _module_page(name) for name in REFERENCE_MODULES if name != "careerstats"}
    for stale in set(out.glob("*.rst")) - {out / f"{p}.rst" for p in [*pages, "index"]}:
        stale.unlink()
    for page, lines in pages.items():
        text = "\n".join(lines)
        path = out / f"{page}.rst"
        if not path.exists() or path.read_text() != text:  # unchanged pages stay cached
            path.write_text(text)
    toc = [*_heading("API reference", "="), ".. toctree::", "   :maxdepth: 1", ""]
    toc += [f"   {page}" for page in pages]
    index = out / "index.rst"
    text = "\n".join([*toc, ""])
    if not index.exists() or index.read_text() != text:
        index.write_text(text)


def _own(name: str, obj: object) -> bool:
    """Whether ``obj`` (documented as ``name``) is defined where it is documented, not
    imported there from elsewhere."""
    module = getattr(obj, "__module__", None)
    return not isinstance(module, str) or name.startswith(module)


def google_style(app, what, name, obj, options, lines) -> None:
    """Google-style sections (Args, Returns, Example, careerstats' Reads) of functions,
    classes and modules, by napoleon's parser; a constant's ``#:`` comment and a
    property's docstring stay prose
    (napoleon would read "text: more" as a type)."""
    if what in NEEDS_DOCSTRING - {"property"}:  # a property's doc reads as a constant's
        lines[:] = GoogleDocstring(lines, NAPOLEON, app, what, name, obj, options).lines()


def check_docstring(app, what, name, obj, options, lines) -> None:
    """Warn on a public name without a docstring (the build fails on warnings)."""
    if what in NEEDS_DOCSTRING and _own(name, obj) and not any(line.strip() for line in lines):
        logger.warning(f"{name}: a public {what} without a docstring", type="careerstats")


def _text(text: str) -> str:
    """``text`` as reST shows it, character for character."""
    return re.sub(r"([\\`*_|])", r"\\\1", text)


def _constraints(field: dict) -> str:
    found = field.get("constraints") or {}
    return "; ".join(
        f"{k}: ``{v if isinstance(v, str) else json.dumps(v)}``" for k, v in found.items()
    )


class DictionaryDirective(SphinxDirective):
    """The data dictionary, from ``careerstats.tables.resources`` and
    ``careerstats.tables.derived_columns``."""

    def run(self) -> list[nodes.Node]:
        from careerstats.tables.derived_columns import DERIVED
        from careerstats.tables.resources import RESOURCES, table_file

        lines: list[str] = []
        for name, table in RESOURCES.items():
            lines += _heading(f"``{name}``: {table['title']}", "-")
            lines += [_text(table["description"]), ""]
            key = table.get("primaryKey")
            keys = ", ".join(key) if isinstance(key, list) else (key or "none")
            lines += [f"File ``data/{table_file(name)}``; key: {keys}.", ""]
            lines += [
                ".. list-table::",
                "   :header-rows: 1",
                "   :widths: 20 10 20 10 40",
                "",
                "   * - column",
                "     - type",
                "     - title",
                "     - unit",
                "     - description",
            ]
            for field in table["fields"]:
                about = _text(field.get("description", ""))
                rules = _constraints(field)
                lines += [
                    f"   * - ``{field['name']}``",
                    f"     - {field['type']}",
                    f"     - {_text(field.get('title', ''))}",
                    f"     - {field.get('unit_code', '')}",
                    f"     - {about}" + (f" ({rules})" if rules else ""),
                ]
            lines.append("")
        lines += _heading("Columns the analyses compute", "-")
        lines += [
            "In no table of ``data/``: the title and unit a result's column is shown with.",
            "",
            ".. list-table::",
            "   :header-rows: 1",
            "",
            "   * - column",
            "     - title",
            "     - unit",
        ]
        for column, (title, unit) in DERIVED.items():
            lines += [f"   * - ``{column}``", f"     - {_text(title)}", f"     - {unit}"]
        node = nodes.section()
        node.document = self.state.document
        nested_parse_with_titles(self.state, StringList(lines, source="careerstats-dictionary"), node)
        return node.children


def setup(app: Sphinx) -> dict:
    app.add_config_value("careerstats_reference", True, "env")
    app.connect("builder-inited", write_pages)
    app.connect("autodoc-process-docstring", google_style, priority=400)
    app.connect("autodoc-process-docstring", check_docstring)
    app.add_directive("careerstats-dictionary", DictionaryDirective)
    return {"parallel_read_safe": True, "version": "1"}

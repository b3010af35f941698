"""careerstats' optional extras, and the one check that a command's extra is installed.

``pip install careerstats`` installs what loading, comparing, ranking and charting need
(pandas, pyarrow, matplotlib, us). The rest comes in extras, named in ``pyproject.toml``
and here, once each (``tests/test_extras.py`` holds the two lists together):

- ``report``: ``careerstats report`` runs notebooks and exports HTML;
- ``lab``: JupyterLab and the live picker of notebook 05;
- ``build``: ``careerstats build-data`` reads BLS's workbooks and the CPI-U database.

A command whose extra is missing stops before it writes anything, with one line that names
the extra and the command that installs it (:class:`~careerstats.errors.MissingExtraError`).
"""

from __future__ import annotations

import importlib.util

from .errors import MissingExtraError

#: Each extra's distributions (as ``pyproject.toml`` names them), and the module each
#: installs that careerstats imports.
EXTRAS: dict[str, dict[str, str]] = {
    "report": {
        "nbformat": "nbformat",
        "nbclient": "nbclient",
        "nbconvert": "nbconvert",
        "ipykernel": "ipykernel",
    },
    "lab": {"jupyterlab": "jupyterlab", "ipywidgets": "ipywidgets"},
    "build": {"cpi": "cpi", "openpyxl": "openpyxl"},
}

#: What needs which extra, as the error names it.
NEEDS = {
    "report": "careerstats report",
    "lab": "the live picker",
    "build": "careerstats build-data",
}


def installed(module: str) -> bool:
    """Whether ``module`` can be imported here, found without importing it.

    >>> installed("pandas"), installed("no_such_module")
    (True, False)
    """
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # a parent that fails to import; a module set to None
        return False


def require(extra: str, what: str | None = None) -> None:
    """Raise :class:`~careerstats.errors.MissingExtraError` unless every module of
    ``extra`` is installed; ``what`` names what needs it (the extra's command by default).
    Call it before anything is written."""
    for module in EXTRAS[extra].values():
        if not installed(module):
            raise MissingExtraError(what or NEEDS[extra], extra, module)

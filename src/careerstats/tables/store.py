"""The data a computation needs, in one object: the one home of loading above ``tables/``.

Analyses take the tables they use as arguments, or a :class:`Tables` when they use many
(PUDL's pattern: the data are passed in, never fetched from inside). Every table a
:class:`Tables` serves comes from :func:`~careerstats.tables.load.load_table`, so it is
verified on every load (its recorded SHA-256, careerstats' own dictionary, the whole-table
checks) and remembered by content.

>>> from careerstats.tables.store import Tables
>>> Tables().oews("national", "latest")["release"].iloc[0]
'May 2025'
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..arguments import checked
from .datapackage import load_descriptor
from .load import Edit, data_dir_of, edits, load_oews, load_projections, load_table


class Tables:
    """The tables of one data package (``data_dir``; default: the package's own ``data/``),
    each loaded and verified on first use: what the analyses in
    :mod:`careerstats.analysis` take as ``data``.

    >>> data = Tables()
    >>> data.projections("2024-34")["cycle"].iloc[0]
    '2024-34'
    """

    @checked
    def __init__(self, data_dir: Path | str | None = None) -> None:
        self.data_dir = None if data_dir is None else Path(data_dir)

    def __repr__(self) -> str:
        return f"Tables({str(data_dir_of(self.data_dir))!r})"

    def table(self, name: str, where: dict | None = None) -> pd.DataFrame:
        """Table ``name``, or only the rows ``where`` names ({column: values})."""
        return load_table(name, self.data_dir, where=where)

    def oews(
        self,
        area_type: str = "national",
        year: int | str | None = None,
        where: dict | None = None,
    ) -> pd.DataFrame:
        """OEWS estimates of one kind of area (national, state or metro), for ``year``, the
        newest release (``"latest"``) or every year the data hold (``None``, as
        :func:`~careerstats.tables.load.load_oews`); only the rows ``where`` names."""
        return load_oews(area_type, year, self.data_dir, where=where)

    def projections(self, cycle: str | None = None) -> pd.DataFrame:
        """Employment Projections, every cycle or one (``"2024-34"``)."""
        return load_projections(cycle, data_dir=self.data_dir)

    def descriptor(self) -> dict:
        """``datapackage.json``, read and checked."""
        return load_descriptor(data_dir_of(self.data_dir) / "datapackage.json")

    def edits(self) -> list[Edit]:
        """The tables served from an edited copy (``allow_edited``), each with its note."""
        return edits(self.data_dir)

"""Side-by-side tables shaped like the article's, for the article's pair or any other."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from .errors import CareerStatsError, UnknownCodeError
from .occupations import normalize_soc

MEASURES = ("employment", "annual_wage_median", "hourly_wage_median",
            "employment_change_pct", "employment_change")


def _money(v: float, decimals: int = 0) -> str:
    return f"${v:,.{decimals}f}"


def _fmt_pay(row: pd.Series) -> str:
    return (f"{_money(row['annual_wage_median'])} per year, or "
            f"{_money(row['hourly_wage_median'], 2)} per hour (median pay)")


#: The figure rows of the article's table: label -> how a wide row is written there.
FIGURE_ROWS: dict[str, Callable[[pd.Series], str]] = {
    "Number practicing in the United States": lambda r: f"{r['employment']:,.0f}",
    "Pay": _fmt_pay,
    "Expected job growth": lambda r: f"{r['employment_change_pct']:g} percent",
    "Anticipated number of new positions": lambda r: f"{r['employment_change']:,.0f}",
}


def claims_wide(claims: pd.DataFrame) -> pd.DataFrame:
    """The article's claims as one row per occupation, one column per measure."""
    wide = claims.pivot(index=["soc_code", "article_occupation"], columns="claimed_measure",
                        values="value")
    wide.columns.name = None
    return wide.reset_index()[["soc_code", "article_occupation", *MEASURES]]


def side_by_side(wide: pd.DataFrame, soc_a: str, soc_b: str,
                 names: tuple[str, str] | None = None) -> pd.DataFrame:
    """The article's figure rows for any two occupations in ``wide`` (a row per
    ``soc_code`` with the columns of :data:`MEASURES`), in argument order."""
    soc_a, soc_b = normalize_soc(soc_a), normalize_soc(soc_b)
    missing = [m for m in MEASURES if m not in wide.columns]
    if missing:
        raise CareerStatsError(f"side_by_side: table lacks {', '.join(missing)}")
    rows = wide.set_index("soc_code")
    for soc in (soc_a, soc_b):
        if soc not in rows.index:
            raise UnknownCodeError("SOC code", soc, rows.index.astype(str))
    if names is None:
        title_col = next((c for c in ("article_occupation", "occupation_title")
                          if c in rows.columns), None)
        names = tuple(rows.at[s, title_col] if title_col else s for s in (soc_a, soc_b))
    table = pd.DataFrame(
        {name: [fmt(rows.loc[soc]) for fmt in FIGURE_ROWS.values()]
         for name, soc in zip(names, (soc_a, soc_b), strict=True)},
        index=pd.Index(list(FIGURE_ROWS), name=""),
    )
    return table


def article_table(cells: pd.DataFrame) -> pd.DataFrame:
    """The article's whole side-by-side table from ``article_table.csv``, cell by cell."""
    table = cells.pivot(index=["row_order", "section", "row_label"],
                        columns="article_occupation", values="cell_text")
    table.columns.name = None
    table = table.reset_index(level="row_order", drop=True)
    return table[["Certified Medical Assistant", "Medical Lab Technician"]]


def _rows(wide: pd.DataFrame, socs: tuple[str, ...] | None) -> pd.DataFrame:
    rows = wide.set_index("soc_code")
    return rows.loc[[normalize_soc(s) for s in socs]] if socs else rows


def pay_consistency(wide: pd.DataFrame, socs: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Hourly × 2,080 against the annual figure, per occupation (see
    :func:`careerstats.pay.check_annual_hourly` for the rounding allowance)."""
    from .pay import check_annual_hourly

    out = {soc: vars(check_annual_hourly(r["annual_wage_median"], r["hourly_wage_median"]))
           for soc, r in _rows(wide, socs).iterrows()}
    return pd.DataFrame.from_dict(out, orient="index").rename_axis("soc_code")


def growth_consistency(wide: pd.DataFrame, socs: tuple[str, ...] | None = None,
                       percent_decimals: int = 0) -> pd.DataFrame:
    """Stated percent against stated change and base, per occupation (see
    :func:`careerstats.growth.check_change`)."""
    from .growth import check_change

    out = {soc: vars(check_change(r["employment"], r["employment_change_pct"],
                                  r["employment_change"], percent_decimals))
           for soc, r in _rows(wide, socs).iterrows()}
    frame = pd.DataFrame.from_dict(out, orient="index").rename_axis("soc_code")
    return frame.drop(columns="percent_decimals")


def projection_summary(wide: pd.DataFrame, start: int, end: int,
                       socs: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Base, change and projected employment, with the percent and the compound annual
    rate they imply, per occupation. The projection is base + stated change (BLS's
    figure); the stated percent is rounded."""
    from .growth import cagr, percent_change

    rows = _rows(wide, socs)
    projected = rows["employment"] + rows["employment_change"]
    return pd.DataFrame({
        "base_year": start, "employment_base": rows["employment"],
        "employment_change": rows["employment_change"], "target_year": end,
        "employment_projected": projected,
        "employment_change_pct": [percent_change(b, c) for b, c in
                                  zip(rows["employment"], rows["employment_change"],
                                      strict=True)],
        "cagr_pct": [cagr(b, p, end - start) for b, p in
                     zip(rows["employment"], projected, strict=True)],
    })


def projection_paths(wide: pd.DataFrame, start: int, end: int,
                     socs: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Year-by-year employment from base to base + change, one column per occupation."""
    from .growth import path_between

    rows = _rows(wide, socs)
    paths = {soc: path_between(r["employment"], r["employment"] + r["employment_change"],
                               start, end).set_index("year")["employment"]
             for soc, r in rows.iterrows()}
    return pd.DataFrame(paths).rename_axis(index="year", columns="soc_code")


# --- any two occupations, any area, from BLS's own tables ----------------------------------

WAGE_FIELDS = [f"{kind}_wage_{stat}" for kind in ("hourly", "annual")
               for stat in ("mean", "p10", "p25", "median", "p75", "p90")]
ENTRY_FIELDS = ["employment", *WAGE_FIELDS]
GAP_FIELDS = ["annual_wage_median", "hourly_wage_median", "annual_wage_mean"]


def _plain(value: object) -> object:
    """NaN/NA -> None; NumPy scalars -> int/float; integral employment -> int."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        value = value.item()
    return value


def _source(source_id: str) -> dict:
    from .sources import SOURCES

    spec = SOURCES[source_id]
    return {"title": spec["title"], "url": spec["path"], "release": spec["release"]}


def compare(a: str, b: str, area: str = "US", year: int | None = None,
            data_dir=None) -> dict:
    """Compare occupations ``a`` and ``b`` in ``area`` from the newest (or ``year``'s) OEWS
    release and the newest national Employment Projections cycle.

    Returns one JSON-ready dict: ``release``, ``area`` {code, name}, ``occupations`` (in
    argument order, each with employment, hourly and annual wages, ``topcoded`` fields and
    ``projection``), ``gap`` (second minus first) and ``sources``. Values BLS does not
    publish are None; a top-coded value is its lower bound and is named in ``topcoded``.
    """
    from .areas import resolve
    from .load import load_oews, load_projections, load_table

    place = resolve(area, load_table("areas", data_dir))
    table = load_oews(place.area_type, year, data_dir)
    year = int(year or table["year"].max())
    table = table[table["year"] == year]
    if place.area_type != "national":
        table = table[table["area_code"] == place.code]
    rows = table.set_index("soc_code")
    release = f"May {year}"
    codes = [normalize_soc(c) for c in (a, b)]
    titles = load_table("occupations", data_dir).set_index("soc_code")["occupation_title"]
    for code in codes:
        if code not in rows.index:
            known = list(rows.index)
            hint = (f"{release} publishes {len(known)} occupations for {place.name}"
                    + (f"; BLS knows {code} as {titles[code]!r} but publishes no estimate "
                       "for it here" if code in titles.index else ""))
            raise UnknownCodeError("SOC code", code, known, hint,
                                   labels=titles.to_dict())
    projections = load_projections(data_dir=data_dir)
    newest = projections["base_year"].max()
    cycle = projections[projections["base_year"] == newest].set_index("soc_code")
    entries = []
    for code in codes:
        r = rows.loc[code]
        top = [] if pd.isna(r["topcoded_fields"]) else r["topcoded_fields"].split(";")
        entry = {"soc_code": code, "title": r["occupation_title"]}
        entry |= {f: _plain(r[f]) for f in ENTRY_FIELDS}
        entry["topcoded"] = top
        entry["projection"] = None
        if code in cycle.index:
            p = cycle.loc[code]
            entry["projection"] = {
                "cycle": p["cycle"], "employment_base": _plain(p["employment_base"]),
                "employment_projected": _plain(p["employment_projected"]),
                "change": _plain(p["employment_change"]),
                "change_pct": _plain(p["employment_change_pct"]),
                "openings_annual": _plain(p["openings_annual"]),
            }
        entries.append(entry)
    first, second = entries
    gap: dict = {}
    for f in GAP_FIELDS:
        x, y = first[f], second[f]
        gap[f] = None if x is None or y is None else round(y - x, 2)
    x, y = first["annual_wage_median"], second["annual_wage_median"]
    gap["annual_wage_median_pct"] = None if x is None or y is None else (y - x) / x * 100
    gap["topcoded"] = [f for f in GAP_FIELDS if f in first["topcoded"] + second["topcoded"]]
    oews_source = "oews_flat_2025" if year == 2025 else f"oews_national_{year}"
    return {
        "release": release,
        "area": {"code": place.code, "name": place.name},
        "occupations": entries,
        "gap": gap,
        "sources": [_source(oews_source), _source(f"ep_{cycle['cycle'].iloc[0]}")],
    }


def comparison_frame(result: dict) -> pd.DataFrame:
    """A :func:`compare` result as a table: one row per measure, one column per occupation,
    plus the gap (second minus first)."""
    a, b = result["occupations"]
    measures = [*ENTRY_FIELDS, "projection_cycle", "employment_base",
                "employment_projected", "employment_change", "employment_change_pct",
                "openings_annual"]

    def value(entry: dict, m: str):
        if m in entry:
            return entry[m]
        p = entry["projection"] or {}
        key = {"projection_cycle": "cycle", "employment_change": "change",
               "employment_change_pct": "change_pct"}.get(m, m)
        return p.get(key)
    frame = pd.DataFrame({
        f"{a['soc_code']} {a['title']}": [value(a, m) for m in measures],
        f"{b['soc_code']} {b['title']}": [value(b, m) for m in measures],
        "gap": [result["gap"].get(m) for m in measures],
    }, index=pd.Index(measures, name="measure"), dtype=object)
    return frame


# --- the article's table for any pair, from BLS ---------------------------------------------


def _money_or_bound(value, topcoded: bool, decimals: int = 0) -> str:
    if value is None:
        return "not published"
    return ("at least " if topcoded else "") + _money(value, decimals)


def bls_side_by_side(result: dict, requirements: pd.DataFrame | None = None) -> pd.DataFrame:
    """The article's table rows for a :func:`compare` result, from BLS's own figures:
    employment, median pay, growth, new positions, openings and (with ``requirements``,
    from :func:`careerstats.analysis.entry_requirements`) typical entry education."""
    a, b = result["occupations"]
    place, release = result["area"]["name"], result["release"]
    proj = a["projection"] or b["projection"] or {}
    cycle = proj.get("cycle", "n/a")
    rows: dict[str, list[str]] = {}
    for e in (a, b):
        p = e["projection"] or {}
        top = set(e["topcoded"])
        annual = _money_or_bound(e["annual_wage_median"], "annual_wage_median" in top)
        hourly = _money_or_bound(e["hourly_wage_median"], "hourly_wage_median" in top, 2)
        cells = {
            f"Number employed ({place}, OEWS {release})":
                "not published" if e["employment"] is None else f"{e['employment']:,}",
            f"Median pay ({place}, {release})": f"{annual} per year, or {hourly} per hour",
            f"Expected job growth ({cycle}, national)":
                "n/a" if not p else f"{p['change_pct']:g} percent",
            f"New positions by 20{cycle[-2:]} (national)" if p or proj else "New positions":
                "n/a" if not p else f"{p['change']:,}",
            "Openings per year (national)":
                "n/a" if not p or p["openings_annual"] is None else
                f"{p['openings_annual']:,}",
        }
        if requirements is not None and e["soc_code"] in requirements.index:
            cells["Typical entry education (BLS)"] = str(
                requirements.at[e["soc_code"], "typical_education"])
        for k, v in cells.items():
            rows.setdefault(k, []).append(v)
    return pd.DataFrame(rows, index=[a["title"], b["title"]]).T.rename_axis("")


def gap_table(result: dict) -> pd.DataFrame:
    """Both occupations' pay and the gap (second minus first), in dollars and percent."""
    a, b = result["occupations"]
    rows = {}
    for field in ("annual_wage_median", "hourly_wage_median", "annual_wage_mean",
                  "hourly_wage_mean"):
        x, y = a[field], b[field]
        gap = None if x is None or y is None else round(y - x, 2)
        rows[field] = {a["soc_code"]: x, b["soc_code"]: y, "gap_usd": gap,
                       "gap_pct": None if gap is None else gap / x * 100,
                       "topcoded": field in a["topcoded"] or field in b["topcoded"]}
    return pd.DataFrame.from_dict(rows, orient="index")


def sources_table(result: dict) -> pd.DataFrame:
    """The sources a :func:`compare` result rests on."""
    return pd.DataFrame(result["sources"])[["title", "release", "url"]]

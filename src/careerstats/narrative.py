"""Sentences that state a result in words, for notebooks run with any pair of occupations.

Amounts are written "USD 18,720", not "$18,720": JupyterLab reads any two dollar signs in
a Markdown paragraph as mathematics, and no escape works in JupyterLab and nbconvert alike.

Each function takes a library result and returns Markdown text, so a parameterised
notebook (and the HTML report made from it) reads the same for every pair.
"""

from __future__ import annotations

import pandas as pd


def _names(result: dict) -> tuple[str, str]:
    a, b = result["occupations"]
    return a["title"], b["title"]


def headline(result: dict) -> str:
    a, b = _names(result)
    return (f"# {a} vs {b}: {result['area']['name']}\n\nOEWS {result['release']}; "
            f"projections {(result['occupations'][0]['projection'] or {}).get('cycle', 'n/a')}"
            " (national).")


def pay(result: dict) -> str:
    """Who earns more at the median, by how much."""
    a, b = result["occupations"]
    x, y = a["annual_wage_median"], b["annual_wage_median"]
    place = result["area"]["name"]
    if x is None or y is None:
        return (f"BLS publishes no median annual wage for "
                f"{a['title'] if x is None else b['title']} in {place}, so no gap is shown.")
    gap = y - x
    hi, lo = (b, a) if gap >= 0 else (a, b)
    pct = abs(gap) / lo["annual_wage_median"] * 100
    bound = " (a top-coded value: a lower bound)" if result["gap"]["topcoded"] else ""
    return (f"In {place}, {b['title']} earn a median **USD {y:,.0f}** a year and "
            f"{a['title']} **USD {x:,.0f}**: {hi['title']} earn **USD {abs(gap):,.0f} "
            f"({pct:.0f}%) more**{bound}.")


def history(table: pd.DataFrame) -> str:
    """How the national gap moved from the first to the last release."""
    first, last = table.index.min(), table.index.max()
    g0, g1 = table.at[first, "gap_pct"], table.at[last, "gap_pct"]
    if pd.isna(g0) or pd.isna(g1):
        return "BLS does not publish both occupations in every release, so the series has gaps."
    verb = "narrowed" if abs(g1) < abs(g0) else "widened"
    return (f"Nationally the median gap {verb} from {g0:.0f}% (May {first}) to {g1:.0f}% "
            f"(May {last}), USD {table.at[last, 'gap_usd']:,.0f} a year in May {last}.")


def outlook(table: pd.DataFrame, titles: dict[str, str]) -> str:
    """The newest cycle's growth and openings for each occupation."""
    newest = table.index.get_level_values("cycle").max()
    rows = table.xs(newest, level="cycle")
    parts = [f"{titles.get(soc, soc)} {r['employment_change_pct']:+.1f}% "
             f"({r['employment_change']:+,} jobs, {r['openings_annual']:,} openings a year)"
             for soc, r in rows.iterrows()]
    return f"BLS's {newest} projections (national): " + "; ".join(parts) + "."

"""Sentences that state a result in words, for notebooks run with any pair of occupations.

Amounts are written "USD 18,720", not "$18,720": JupyterLab reads any two dollar signs in
a Markdown paragraph as mathematics, and no escape works in JupyterLab and nbconvert alike.

Each function takes a library result and returns Markdown text, so a parameterised
notebook (and the HTML report made from it) reads the same for every pair. Every string
that comes from data (titles, area names, releases) passes through :func:`md_text`, so it
is shown as text and never read as Markdown or HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from ...analysis.industries import industry_label
from ...analysis.pay import gap_values
from ..display import percent

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#|~>])")


def md_text(value: object) -> str:
    """``value`` as literal text inside Markdown: HTML's special characters become
    entities and Markdown's are backslash-escaped, so no title can add a tag, a link or
    emphasis to a page."""
    text = html.escape(str(value), quote=False)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text) if _MARKDOWN_SPECIAL.search(text) else text


def _title(entry: dict) -> str:
    return md_text(entry["occupation_title"])


def headline_sentence(result: Mapping[str, Any]) -> str:
    """The title of a comparison: the pair, the area and the releases."""
    a, b = (_title(o) for o in result["occupations"])
    cycle = (result["occupations"][0]["projection"] or {}).get("cycle", "n/a")
    return (
        f"# {a} vs {b}: {md_text(result['area']['area_title'])}\n\nOEWS "
        f"{md_text(result['release'])}; projections {md_text(cycle)} (national)."
    )


def pay_sentence(result: Mapping[str, Any]) -> str:
    """Who earns more at the median, by how much."""
    a, b = result["occupations"]
    x, y = a["annual_wage_median"], b["annual_wage_median"]
    place = md_text(result["area"]["area_title"])
    if x is None or y is None:
        return (
            f"BLS publishes no median annual wage for {_title(a) if x is None else _title(b)} "
            f"in {place}, so no gap is shown."
        )
    hi, lo = (b, a) if y >= x else (a, b)
    gap, pct, _ = gap_values(lo["annual_wage_median"], hi["annual_wage_median"])
    bound = " (a top-coded value: a lower bound)" if result["gap"]["topcoded_fields"] else ""
    return (
        f"In {place}, {_title(b)} earn a median **USD {y:,.0f}** a year and "
        f"{_title(a)} **USD {x:,.0f}**: {_title(hi)} earn "
        f"**USD {gap:,.0f} ({pct:.0f}%) more**{bound}."
    )


def history_sentence(table: pd.DataFrame) -> str:
    """How the national gap moved from the first to the last release."""
    first, last = table.index.min(), table.index.max()
    g0, g1 = float(table.at[first, "gap_pct"]), float(table.at[last, "gap_pct"])
    if pd.isna(g0) or pd.isna(g1):
        return "BLS does not publish both occupations in every release, so the series has gaps."
    verb = "narrowed" if abs(g1) < abs(g0) else "widened"
    return (
        f"Nationally the median gap {verb} from {g0:.0f}% (May {first}) to {g1:.0f}% "
        f"(May {last}), USD {float(table.at[last, 'gap_usd']):,.0f} a year in May {last}."
    )


def outlook_sentence(table: pd.DataFrame, titles: dict[str, str]) -> str:
    """The newest cycle's growth and openings for each occupation."""
    newest = table.index.get_level_values("cycle").max()
    rows = table.xs(newest, level="cycle")
    parts = [
        f"{md_text(titles.get(str(soc), str(soc)))} {r['employment_change_pct']:+.1f}% "
        f"({r['employment_change']:+,} jobs, {r['openings_annual']:,} openings a year)"
        for soc, r in rows.iterrows()
    ]
    return f"BLS's {newest} projections (national): " + "; ".join(parts) + "."


def real_change_sentence(change: pd.DataFrame) -> str:
    """Each median's change in real dollars (from
    :func:`careerstats.analysis.wages.real_change`)."""
    titles = change.attrs.get("titles", {})
    if change.empty:
        return "BLS publishes no history for these occupations here."
    first = change.iloc[0]
    parts = [
        f"{md_text(titles.get(str(soc), str(soc)))} "
        f"{'rose' if r['real_change_pct'] >= 0 else 'fell'} "
        f"{abs(r['real_change_pct']):.1f}% (nominal {r['nominal_change_pct']:+.1f}%)"
        for soc, r in change.iterrows()
    ]
    return (
        f"In {md_text(first['dollars_of'])} dollars (CPI-U), from "
        f"{md_text(first['from'])} to {md_text(first['to'])} the median of "
        + "; of ".join(parts)
        + "."
    )


def _share(value: object) -> str:
    return "not released" if pd.isna(value) else percent(float(value))  # type: ignore[arg-type]


def _per_occupation(
    frame: pd.DataFrame, describe: Callable[[pd.DataFrame], str], sep: str = ": "
) -> str:
    """For each occupation of ``frame``, in order: its title, ``sep`` and what ``describe``
    says of its rows; joined by "; "."""
    titles = frame.attrs.get("titles", {})
    return "; ".join(
        f"{md_text(titles.get(soc, soc))}{sep}{describe(frame[frame['soc_code'] == soc])}"
        for soc in dict.fromkeys(frame["soc_code"])
    )


def industries_sentence(found: pd.DataFrame, n: int = 3) -> str:
    """Each occupation's largest industries, with shares and medians (from
    :func:`careerstats.analysis.industries.industries`)."""

    def largest(mine: pd.DataFrame) -> str:
        return ", ".join(
            f"{md_text(industry_label(r['industry_code'], r['industry_title']))} "
            f"{_share(r['employment_share_pct'])}"
            + (
                ""
                if pd.isna(r["annual_wage_median"])
                else f" (median USD {float(r['annual_wage_median']):,.0f})"
            )
            for _, r in mine.head(n).iterrows()
        )

    level = md_text(found.attrs.get("naics_level", ""))
    return (
        f"Largest {level} industries, share of national jobs: "
        + _per_occupation(found, largest)
        + "."
    )


def settings_sentence(settings: pd.DataFrame) -> str:
    """The article's practice settings, each with its share and verdict (from
    :func:`careerstats.analysis.industries.practice_settings`)."""

    def listed(mine: pd.DataFrame) -> str:
        return ", ".join(
            f"'{md_text(r['setting'])}' "
            + (
                md_text(r["verdict"])
                if pd.isna(r["employment_share_pct"])
                else f"{_share(r['employment_share_pct'])} ({md_text(r['verdict'])})"
            )
            for _, r in mine.iterrows()
        )

    return (
        "The article's practice settings, share of national jobs: "
        + _per_occupation(settings, listed)
        + "."
    )


def left_out_sentence(missing: pd.DataFrame) -> str:
    """Industries the article's settings leave out (from
    :func:`careerstats.analysis.industries.left_out`)."""
    if missing.empty:
        return "The article's settings cover every industry holding a sizeable share of jobs."

    def listed(mine: pd.DataFrame) -> str:
        each = ", ".join(
            f"{md_text(r['industry_title'])} {_share(r['employment_share_pct'])}"
            for _, r in mine.iterrows()
        )
        return f"{float(mine['employment_share_pct'].sum()):.1f}% in all ({each})"

    return "Left out by the article: " + _per_occupation(missing, listed, sep=" ") + "."


def workplaces_sentence(pay: pd.DataFrame) -> str:
    """What the same job pays in each workplace, against the national median (from
    :func:`careerstats.analysis.industries.pay_in`)."""

    def listed(mine: pd.DataFrame) -> str:
        return ", ".join(
            f"{md_text(r['industry_title'])} USD {float(r['annual_wage_median']):,.0f} "
            f"({float(r['median_minus_national_usd']):+,.0f})"
            for _, r in mine.dropna(subset=["annual_wage_median"]).iterrows()
        )

    return "Median annual wage, against the national median: " + _per_occupation(pay, listed) + "."


def sources_list(result: Mapping[str, Any]) -> str:
    """Every source a comparison rests on, in full, as a Markdown list: title, release and
    address."""
    return "\n".join(
        f"- {md_text(s['title'])} ({md_text(s['release'])}): <{s['path']}>"
        for s in result["sources"]
    )


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 22nd."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _kind(result: Mapping[str, Any]) -> str:
    return "states and territories" if result["by"] == "state" else "metro and nonmetro areas"


def _amount(value: float, measure: str) -> str:
    if "_wage_" in measure:
        decimals = 2 if measure.startswith("hourly") else 0
        return f"USD {value:,.{decimals}f}"
    return f"{value:,.0f}"


def ranking_sentence(result: Mapping[str, Any], area_code: str | None = None) -> str:
    """What a ranking establishes: the calls against the nation with and without the
    correction, where ``area_code`` (if given) ranks with its joint interval, and what the
    rank intervals can and cannot tell."""
    kind, measure = _kind(result), result["measure"]
    what = md_text(result["measure_title"].lower())
    if len(result["soc_codes"]) == 2:
        a, b = (md_text(result["titles"][c]) for c in result["soc_codes"])
        what = f"gap in {what} ({b} minus {a})"
    prices = " at U.S. prices" if result["cost_adjusted"] else ""
    ranked = [r for r in result["rows"] if r["rank"] is not None]
    text = [f"Ranked by the {what}{prices}: {len(ranked)} {kind}."]
    place = next((r for r in result["rows"] if r["area_code"] == area_code), None)
    if place is not None and place["rank"] is not None:
        text.append(_place_sentence(place, len(ranked)))
    if result["rank_intervals"]["method"] is None:
        text.append(
            "BLS publishes no standard error for this measure, so these ranks are point "
            "estimates: the sample's uncertainty about them is unknown, and neighbouring "
            "ranks may well be in the other order."
        )
        return " ".join(text)
    vs = result["vs_national"]
    c, u = vs["counts"], vs["uncorrected_counts"]
    chance = vs["tests"] * vs["family_wise_alpha"]
    text.append(
        f"Against the national {_amount(result['national_value'], measure)}, {c['above']} are "
        f"above it, {c['below']} below and {c['cannot tell']} cannot be told apart from it, "
        f"with the chance of even one wrong call held to {vs['family_wise_alpha']:.0%} "
        f"(Holm's correction). Tested one at a time at {vs['family_wise_alpha']:.0%} each, "
        f"the counts would be {u['above']}, {u['below']} and {u['cannot tell']}, but "
        f"{vs['tests']} such tests would call about {chance:.0f} areas different by chance "
        "alone."
    )
    text.append(_what_ranks_tell(ranked))
    return " ".join(text)


def _place_sentence(place: dict, n: int) -> str:
    name = md_text(place["area_title"])
    if place["rank_ci90"] is None:
        return f"{name} ranks {ordinal(place['rank'])} of {n}, with no interval."
    best, worst = place["rank_ci90"]
    span = (
        f"exactly {ordinal(best)}"
        if best == worst
        else f"between {ordinal(best)} and {ordinal(worst)}"
    )
    return (
        f"{name} ranks {ordinal(place['rank'])} of {n} by its point estimate; with 90% "
        f"confidence, jointly with every other area, its true rank is {span}."
    )


def _what_ranks_tell(ranked: list[dict]) -> str:
    spans = [r["rank_ci90"] for r in ranked if r["rank_ci90"] is not None]
    if not spans:
        return ""
    exact = sum(1 for b, w in spans if b == w)
    narrow = sum(1 for b, w in spans if w - b < 10)
    widest = max(w - b + 1 for b, w in spans)
    return (
        f"The joint rank intervals say which orderings the sample supports: {exact} of "
        f"{len(spans)} ranks {'is' if exact == 1 else 'are'} pinned down exactly, {narrow} to "
        "fewer than ten places, and "
        f"the widest spans {widest} places. A rank quoted as a single number says more than "
        "the survey can; a difference between two areas whose intervals overlap is not "
        "established."
    )


def rank_moves_sentence(moves: pd.DataFrame, n: int = 3) -> str:
    """The largest moves between two rankings, and whether the sample supports them."""
    head = moves.head(n)
    parts = [
        f"{md_text(r['area_title'])} from {ordinal(int(r['rank_before']))} to "
        f"{ordinal(int(r['rank_after']))}"
        for _, r in head.iterrows()
    ]
    overlap = [v for v in moves["intervals_overlap"] if v is not None]
    kept = sum(overlap)
    return (
        "The largest moves: "
        + "; ".join(parts)
        + ". "
        + (
            f"Every one of the {len(overlap)} areas' intervals before and after overlap, so "
            "no move is established by the sample: the price levels reorder point estimates "
            "that were never firmly ordered."
            if kept == len(overlap)
            else f"{len(overlap) - kept} of {len(overlap)} areas move by more than their "
            "intervals allow."
        )
    )

"""Sentences of notebook 02 (the pay gap), for any pair: every figure comes from a result,
and every comparison word ("more", "narrowed", "overlap") is chosen from the numbers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ...measures import PERCENTILE_LABELS
from .compare import md_text


def usd_text(value: float, measure: str = "annual_wage_median") -> str:
    """``USD 45,690`` (a year) or ``USD 21.97 an hour`` for an hourly measure."""
    if measure.startswith("hourly"):
        return f"USD {value:,.2f} an hour"
    return f"USD {value:,.0f}"


def _titles(frame: pd.DataFrame) -> dict[str, str]:
    return {code: md_text(name) for code, name in frame.attrs.get("titles", {}).items()}


def pair_heading(oews: pd.DataFrame, soc_a: str, soc_b: str) -> str:
    """The pair a notebook is about, by BLS's titles, and the newest release it reads."""
    rows = oews.set_index("soc_code")
    names = [
        f"**{md_text(rows.at[s, 'occupation_title'])}** ({md_text(s)})"
        if s in rows.index
        else f"**{md_text(s)}** (not in this release)"
        for s in (soc_a, soc_b)
    ]
    release = md_text(oews["release"].iloc[-1]) if len(oews) else "no release"
    return f"The first occupation: {names[0]}; the second: {names[1]}. OEWS {release}."


def article_only(what: str) -> str:
    """The line shown in place of a part that belongs to the article's pair."""
    return (
        f"*{what} is about the article's pair (medical assistants and clinical laboratory "
        "technologists and technicians), so it is not shown for this pair.*"
    )


def _more(difference: float) -> str:
    return "more" if difference > 0 else "less" if difference < 0 else "the same"


def distribution_sentence(dist: pd.DataFrame, a: str, b: str) -> str:
    """The medians of ``a``, ``b`` (and any third row, all occupations), and which of the
    two has the wider range (from :func:`~careerstats.analysis.wages.wage_distribution`)."""
    titles, measure = _titles(dist), dist.attrs.get("measure", "annual_wage_median")
    missing = [c for c in (a, b) if pd.isna(dist.at[c, "median"])]
    if missing:
        return f"BLS publishes no median for {titles.get(missing[0], missing[0])} here."
    others = [c for c in dist.index if c not in (a, b) and not pd.isna(dist.at[c, "median"])]
    medians = ", ".join(
        f"{titles.get(c, c)} {usd_text(float(dist.at[c, 'median']), measure)}"
        for c in (b, a, *others)
    )
    text = f"At the median: {medians}."
    spans = {c: dist.at[c, "p90"] - dist.at[c, "p10"] for c in (a, b)}
    if any(pd.isna(v) for v in spans.values()):
        return text
    wide, narrow = (b, a) if spans[b] >= spans[a] else (a, b)
    top_gap = float(dist.at[wide, "p90"] - dist.at[narrow, "p90"])
    return (
        f"{text} {titles.get(wide, wide)} have the wider range from the 10th to the 90th "
        f"percentile; their 90th percentile ({usd_text(float(dist.at[wide, 'p90']), measure)})"
        f" is {usd_text(abs(top_gap), measure)} {'above' if top_gap >= 0 else 'below'} that "
        f"of {titles.get(narrow, narrow)} ({usd_text(float(dist.at[narrow, 'p90']), measure)})."
    )


def gap_sentence(gap: pd.DataFrame) -> str:
    """The pay gap a year and an hour (from :meth:`~careerstats.analysis.pay.PayGap.to_frame`):
    who earns more, by how much, and as a multiple."""
    titles = {code: md_text(name) for code, name in gap.attrs.get("titles", {}).items()}
    a, b = (c for c in gap.columns[:2])
    annual, hourly = gap.iloc[0], gap.iloc[1]
    statistic = str(gap.index[0]).split("_wage_")[1]
    same = round(float(annual["gap_pct"])) == round(float(hourly["gap_pct"]))
    return (
        f"At the {PERCENTILE_LABELS.get(statistic, statistic)}, {titles.get(b, b)} earn "
        f"**{usd_text(abs(float(annual['gap_usd'])))} a year {_more(annual['gap_usd'])}** than "
        f"{titles.get(a, a)} ({abs(float(annual['gap_pct'])):.0f}% {_more(annual['gap_pct'])}, "
        f"{float(annual['ratio']):.2f} times as much), or "
        f"{usd_text(abs(float(hourly['gap_usd'])), 'hourly')} {_more(hourly['gap_usd'])}"
        + (
            f": the same {abs(float(hourly['gap_pct'])):.0f}% by the hour, as BLS's annual "
            "wages are hourly wages × 2,080."
            if same
            else f" ({abs(float(hourly['gap_pct'])):.0f}% by the hour)."
        )
    )


def overlap_sentence(dist: pd.DataFrame, a: str, b: str) -> str:
    """Whether the middle halves of two wage distributions overlap: the lower-paid
    occupation's 75th percentile against the higher-paid one's 25th."""
    titles, measure = _titles(dist), dist.attrs.get("measure", "annual_wage_median")
    if dist.loc[[a, b], ["p25", "median", "p75"]].isna().to_numpy().any():
        return "BLS does not publish both middle halves here, so their overlap is not shown."
    high, low = (b, a) if dist.at[b, "median"] >= dist.at[a, "median"] else (a, b)
    top_of_low, bottom_of_high = float(dist.at[low, "p75"]), float(dist.at[high, "p25"])
    overlap = top_of_low > bottom_of_high
    return (
        f"{titles.get(low, low)} at their 75th percentile "
        f"({usd_text(top_of_low, measure)}) earn {_more(top_of_low - bottom_of_high)} than "
        f"{titles.get(high, high)} at their 25th ({usd_text(bottom_of_high, measure)}): the "
        f"middle halves of the two distributions {'overlap' if overlap else 'do not overlap'}."
    )


def prices_sentence(ratio: float, first: int, last: int) -> str:
    """How much prices rose between two Mays (CPI-U)."""
    verb = "rose" if ratio >= 1 else "fell"
    return (
        f"Prices (CPI-U, May) {verb} by a factor of {ratio:.2f} from May {first} to May "
        f"{last}: one May {first} dollar bought what {ratio:.2f} May {last} dollars buy."
    )


def area_gaps_sentence(gaps: pd.DataFrame) -> str:
    """Where the second occupation earns more, and the widest and narrowest gaps (from
    :func:`~careerstats.analysis.wages.area_gaps`)."""
    titles = _titles(gaps)
    a, b = (c for c in gaps.columns if c in gaps.attrs.get("titles", {}))
    both = gaps.dropna(subset=["gap_pct"]).sort_values("gap_pct", ascending=False)
    if both.empty:
        return "BLS publishes both wages in no state or territory."
    more = int((both["gap_usd"] > 0).sum())
    ahead = both[both["gap_usd"] > 0] if more else both
    widest, narrowest = ahead.iloc[0], ahead.iloc[-1]

    def place(row: Any) -> str:
        return (
            f"{md_text(row['area_title'])} ({float(row['gap_pct']):+.0f}%: "
            f"{usd_text(float(row[b]))} against {usd_text(float(row[a]))})"
        )

    text = (
        f"{titles[b]} out-earn {titles[a]} at the median in {more} of the {len(both)} "
        f"states and territories where BLS publishes both. The gap is widest in "
        f"{place(widest)} and narrowest in {place(narrowest)}."
    )
    behind = both[both["gap_usd"] < 0]
    if more and 0 < len(behind) <= 5:
        names = ", ".join(place(r) for _, r in behind.iterrows())
        text += f" {titles[a]} earn more in {names}."
    missing = len(gaps) - len(both)
    if missing:
        text += f" In {missing} more, BLS publishes only one of the two wages."
    return text


def cost_adjusted_sentence(adjusted: pd.DataFrame) -> str:
    """Which gaps are widest and narrowest at U.S. prices (from
    :func:`~careerstats.analysis.wages.cost_adjusted_gaps`)."""
    have = adjusted.dropna(subset=["gap_usd_cost_adjusted"]).sort_values(
        "gap_usd_cost_adjusted", ascending=False
    )
    if have.empty:
        return "No area here has a price parity."
    first, last = have.iloc[0], have.iloc[-1]
    left_out = len(adjusted) - len(have)
    return (
        f"At U.S. prices ({md_text(adjusted.attrs.get('parities', 'price parities'))}) the "
        f"dollar gap is widest in {md_text(first['area_title'])} "
        f"({usd_text(float(first['gap_usd_cost_adjusted']))}) and narrowest in "
        f"{md_text(last['area_title'])} ({usd_text(float(last['gap_usd_cost_adjusted']))})"
        + (f"; {left_out} areas have no parity and are left out." if left_out else ".")
    )


def licensure_sentence(summary: pd.DataFrame) -> str:
    """The pay of one occupation in each licensure group of states (from
    :func:`~careerstats.analysis.wages.licensure_summary`): a description, not an effect."""
    measure = summary.attrs.get("measure", "annual_wage_median")
    kind = "mean" if measure.endswith("_mean") else "median"
    parts = [
        f"where {md_text(group)}: {int(r['states'])} jurisdictions, a median state {kind} of "
        f"{usd_text(float(r['median_of_state_medians']))} (from "
        f"{usd_text(float(r['lowest']))} to {usd_text(float(r['highest']))})"
        for group, r in summary.iterrows()
    ]
    return (
        "By the licensure sources, "
        + "; ".join(parts)
        + ". The groups differ in many ways besides licensure, so no difference here is an "
        "effect of licensure."
    )


def findings(sentences: Mapping[str, str]) -> str:
    """A notebook's findings as a Markdown list: each computed sentence, in order."""
    return "\n".join(f"- {text}" for text in sentences.values() if text)

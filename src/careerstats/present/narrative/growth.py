"""Sentences of notebook 03 (growth): how each projection cycle saw the pair, what openings
they expect, and how past projections turned out, for any pair."""

from __future__ import annotations

import pandas as pd

from .compare import md_text


def _cycles(outlook: pd.DataFrame) -> list[str]:
    return sorted(dict.fromkeys(outlook.index.get_level_values("cycle")))


def _name(outlook: pd.DataFrame, soc: str) -> str:
    return md_text(outlook.attrs.get("titles", {}).get(soc, soc))


def cycles_sentence(outlook: pd.DataFrame, cycle: str | None = None) -> str:
    """Projected growth of each occupation in ``cycle`` (the article's, say) against the
    newest cycle, and whether every cycle since projected less (from
    :func:`~careerstats.analysis.growth.outlook`)."""
    cycles = _cycles(outlook)
    newest = cycles[-1]
    first = cycle if cycle in cycles else cycles[0]
    parts = []
    for soc in dict.fromkeys(outlook.index.get_level_values("soc_code")):
        mine = outlook.xs(soc, level="soc_code")["employment_change_pct"].astype(float)
        start, end = float(mine.get(first, float("nan"))), float(mine[newest])
        later = mine[[c for c in mine.index if c > first]]
        trend = (
            "every later cycle projected less"
            if len(later) and (later < start).all()
            else "later cycles did not all project less"
        )
        change = outlook.at[(newest, soc), "employment_change"]
        parts.append(
            f"{_name(outlook, soc)}: {start:+.1f}% in {first}, {end:+.1f}% "
            f"({int(change):+,} jobs) in {newest}; {trend}"
        )
    return f"Projected growth over ten years, {first} against {newest}: " + "; ".join(parts) + "."


def base_sentence(outlook: pd.DataFrame) -> str:
    """Each occupation's base-year employment in the first and newest cycles."""
    cycles = _cycles(outlook)
    parts = []
    for soc in dict.fromkeys(outlook.index.get_level_values("soc_code")):
        mine = outlook.xs(soc, level="soc_code")
        lo, hi = int(mine["employment_base"].min()), int(mine["employment_base"].max())
        first, last = mine.loc[cycles[0]], mine.loc[cycles[-1]]
        verb = "rose" if last["employment_base"] > first["employment_base"] else "fell"
        parts.append(
            f"{_name(outlook, soc)} {verb} from {int(first['employment_base']):,} "
            f"({int(first['base_year'])}) to {int(last['employment_base']):,} "
            f"({int(last['base_year'])}), between {lo:,} and {hi:,} in all"
        )
    return "Employment at the start of each cycle: " + "; ".join(parts) + "."


def openings_sentence(outlook: pd.DataFrame) -> str:
    """Openings a year in the newest cycle, against the growth itself."""
    newest = _cycles(outlook)[-1]
    rows = outlook.xs(newest, level="cycle")
    published = rows.dropna(subset=["openings_annual"])
    if published.empty:
        return f"BLS publishes no openings a year for these occupations in {newest}."
    parts = [
        f"{_name(outlook, str(soc))} about {int(r['openings_annual']):,} a year, against "
        f"growth of {int(r['employment_change']):+,} over the decade"
        for soc, r in published.iterrows()
    ]
    text = f"Openings, from growth and from workers leaving, in {newest}: " + "; ".join(parts)
    if len(published) == 2:
        a, b = (float(v) for v in published["openings_annual"])
        hi, lo = max(a, b), min(a, b)
        if lo > 0:
            text += f". One occupation offers {hi / lo:.1f} times as many openings as the other"
    return text + "."


def track_sentence(track: pd.DataFrame) -> str:
    """How the cycles that reached their target year did (from
    :func:`~careerstats.analysis.growth.track_record`)."""
    done = track[track["is_target_year"]]
    if done.empty:
        return "No cycle here has reached its target year yet, so no projection can be judged."
    titles = track.attrs.get("titles", {})
    parts = []
    for _, r in done.iterrows():
        word = "above" if r["error"] > 0 else "below"
        parts.append(
            f"{md_text(titles.get(r['soc_code'], r['soc_code']))} ({md_text(r['cycle'])}): "
            f"{int(r['employment_observed']):,} observed against "
            f"{round(float(r['employment_projected'])):,} projected, "
            f"{abs(float(r['error_pct'])):.1f}% {word}"
        )
    return "Where a cycle has reached its target year: " + "; ".join(parts) + "."

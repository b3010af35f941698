"""The article's claims about what each career requires, set beside BLS's Occupational
Requirements Survey: a verdict for each, from the 90% interval, with its reason.

Which ORS estimate bears on each claim is careerstats' reading of the claim
(:data:`EVIDENCE`), stated beside every verdict. The medical lab technician of the article
is ORS's 29-2012 (technicians); 29-2011 (technologists) is shown beside it, never averaged
in. Verdicts, per release and then over both:

- "supported" or "contradicted" when the 90% interval settles the claim's test;
- "cannot tell at 90%" when it does not, or when the two releases settle it opposite ways;
- "unmeasured" when ORS measures nothing the claim is about (attention to detail).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from ..measures import ORS_RELEASES
from .intervals import z_value
from .requirements import estimate, requirements

SUPPORTED, CONTRADICTED, CANNOT_TELL, UNMEASURED = (
    "supported",
    "contradicted",
    "cannot tell at 90%",
    "unmeasured",
)
#: The ORS code of the article's medical lab technician, and the part shown beside it.
LAB_TECHNICIANS, LAB_TECHNOLOGISTS = "29-2012", "29-2011"


@dataclass(frozen=True)
class Evidence:
    """The ORS estimate that bears on a claim, and the claim's test of it.

    ``test``: "all" (the claim holds if every job requires it: the interval reaches 100%),
    "none" (no job does: the interval reaches 0%), "most" (more than half: the interval
    lies above 50%), "few" (less than half: below 50%), or "less than" (the share is below
    the same estimate for ``than``: the interval of the difference lies below 0).
    """

    ors_soc_code: str
    estimate_code: str
    test: str
    meaning: str
    caveat: str
    than: str | None = None
    beside: str | None = None


#: claim id -> the evidence, or, for a claim ORS does not measure, why not.
EVIDENCE: dict[str, Evidence | str] = {
    "ma_degree": Evidence(
        "31-9092",
        "00076",
        "none",
        "if a degree were required, no job would ask for only a high school diploma",
        "ORS measures the least education employers require for the job; the article's "
        "degree is its route to AAMA certification.",
    ),
    "lab_associate_degree": Evidence(
        LAB_TECHNICIANS,
        "00077",
        "most",
        "'typically' read as more than half of jobs",
        "ORS measures the least education employers require, not the degree workers hold.",
        beside=LAB_TECHNOLOGISTS,
    ),
    "ma_certification": Evidence(
        "31-9092",
        "01084",
        "all",
        "'must' read as every job",
        "The article's Certified Medical Assistant holds a certification by its title; ORS "
        "measures what medical assistant jobs require.",
    ),
    "ma_licensing": Evidence(
        "31-9092",
        "01088",
        "few",
        "'will likely need' read as most jobs needing a licence, so fewer than half not "
        "needing one",
        "ORS publishes only the share of jobs that do not require a licence, nationally; "
        "it says nothing of which states license.",
    ),
    "lab_less_interpersonal": Evidence(
        LAB_TECHNICIANS,
        "01197",
        "less than",
        "less interaction with the general public than medical assistants",
        "ORS measures whether the job requires interaction with the public, not its amount.",
        than="31-9092",
        beside=LAB_TECHNOLOGISTS,
    ),
    "lab_attention_to_detail": "ORS measures no attention to detail.",
    "lab_routine_tasks": "ORS measures how often problem solving is required and the pace "
    "of work, not whether tasks are routine.",
    "lab_supervision": Evidence(
        LAB_TECHNICIANS,
        "01154",
        "most",
        "'most often' read as more than half of jobs having their work reviewed by a "
        "supervisor more than once a day",
        "ORS measures how often a supervisor reviews the work, not who the supervisor is.",
        beside=LAB_TECHNOLOGISTS,
    ),
}


def _pct(x: float) -> str:
    return f"{x:.1f}%"


def _verdict(test: str, lower: float, upper: float) -> str:
    if test == "all":
        return SUPPORTED if upper >= 100 else CONTRADICTED
    if test == "none":
        return SUPPORTED if lower <= 0 else CONTRADICTED
    if test == "most":
        return SUPPORTED if lower > 50 else CONTRADICTED if upper < 50 else CANNOT_TELL
    if test in ("few", "less than"):
        threshold = 50.0 if test == "few" else 0.0
        return (
            SUPPORTED if upper < threshold else CONTRADICTED if lower > threshold else CANNOT_TELL
        )
    raise ValueError(test)


def _spread(row: pd.Series) -> float:
    """The standard error of a row, or the bound its footnote gives; NaN without either."""
    se = float(row["standard_error"])
    return se if not math.isnan(se) else float(row["standard_error_below"])


def _one_release(req: pd.DataFrame, ev: Evidence, release: str) -> dict:
    """The claim's estimate in ``release`` and its verdict there (None: not published)."""
    socs = [ev.ors_soc_code, *([ev.than] if ev.than else []), *([ev.beside] if ev.beside else [])]
    found = requirements(req, socs, release=release)
    row = estimate(found, ev.ors_soc_code, ev.estimate_code)
    beside = estimate(found, ev.beside, ev.estimate_code) if ev.beside else None
    measured = bool(
        ((req["ors_release"] == release) & (req["ors_estimate_code"] == ev.estimate_code)).any()
    )
    out: dict = {
        "release": release,
        "row": row,
        "beside": beside,
        "verdict": None,
        "measured": measured,
    }
    if row is None or math.isnan(row["lower"]) or math.isnan(row["value"]):
        return out
    lower, upper = float(row["lower"]), float(row["upper"])
    if ev.than:
        other = estimate(found, ev.than, ev.estimate_code)
        if other is None or math.isnan(other["value"]) or math.isnan(_spread(other)):
            return out
        diff = float(row["value"]) - float(other["value"])
        se = math.hypot(_spread(row), _spread(other))
        lower, upper = diff - z_value() * se, diff + z_value() * se
        out |= {"other": other, "diff": (diff, lower, upper)}
    out["verdict"] = _verdict(ev.test, lower, upper)
    return out


def _said(one: dict, ev: Evidence, titles: dict[str, str]) -> str:
    """What ORS says in one release, as a clause."""
    row = one["row"]
    name = titles.get(ev.ors_soc_code, ev.ors_soc_code)
    if row is None and not one["measured"]:
        return f"ORS {one['release']} did not measure this for any occupation"
    if row is None:
        return f"ORS {one['release']} publishes no such estimate for {name}"
    if math.isnan(row["value"]):
        shown = f"less than {_pct(row['value_below'])}"
    else:
        shown = f"{_pct(row['value'])} of jobs ({_pct(row['lower'])} to {_pct(row['upper'])})"
    text = f"ORS {one['release']}, {name}: {shown}, {row['estimate']}"
    if "diff" in one:
        other = one["other"]
        diff, lo, hi = one["diff"]
        text += (
            f"; {titles.get(ev.than or '', ev.than)}: {_pct(other['value'])}; the difference "
            f"{diff:+.1f} points ({lo:+.1f} to {hi:+.1f})"
        )
    return text


def _overall(verdicts: list[str | None]) -> tuple[str, str]:
    decided = {v for v in verdicts if v in (SUPPORTED, CONTRADICTED)}
    if len(decided) == 1:
        return decided.pop(), ""
    if len(decided) == 2:
        return CANNOT_TELL, "The releases disagree. "
    if any(v == CANNOT_TELL for v in verdicts):
        return CANNOT_TELL, "The 90% interval does not settle it. "
    return CANNOT_TELL, "ORS publishes no such estimate in either release. "


# long function: one row per claim, every column from the releases
def judge_claims(
    claims: pd.DataFrame, req: pd.DataFrame, projections: pd.DataFrame
) -> pd.DataFrame:
    """One row per claim of ``claims`` (the ``article_requirement_claims`` table): its
    words, the ORS estimate that bears on it in each release (value and 90% interval),
    the same estimate for the part shown beside it, EP's typical entry education, the
    verdict and its reason."""
    newest = projections[projections["base_year"] == projections["base_year"].max()]
    education = dict(zip(newest["soc_code"], newest["typical_education"], strict=False))
    cycle = str(newest["cycle"].iloc[0]) if len(newest) else ""
    names = req[["ors_soc_code", "ors_occupation"]].drop_duplicates("ors_soc_code")
    titles = dict(zip(names["ors_soc_code"], names["ors_occupation"], strict=True))
    rows = []
    for claim in claims.itertuples(index=False):
        ev = EVIDENCE[claim.claim_id]
        base = {
            "claim_id": claim.claim_id,
            "article_occupation": claim.article_occupation,
            "quote": claim.quote,
            "typical_education": education.get(claim.soc_code),
        }
        if isinstance(ev, str):
            rows.append({**base, "ors_soc_code": None, "verdict": UNMEASURED, "reason": ev})
            continue
        found = [_one_release(req, ev, r) for r in ORS_RELEASES]
        verdict, lead = _overall([f["verdict"] for f in found])
        said = "; ".join(_said(f, ev, titles) for f in found)
        row = {**base, "ors_soc_code": ev.ors_soc_code, "verdict": verdict}
        for f in found:
            key = f["release"].split()[0]
            r, b = f["row"], f["beside"]
            for name, src in (("value", r), ("beside", b)):
                row[f"{name}_{key}"] = None if src is None else src["value"]
                row[f"{name}_{key}_lower"] = None if src is None else src["lower"]
                row[f"{name}_{key}_upper"] = None if src is None else src["upper"]
        row["measure"] = next((f["row"]["estimate"] for f in found if f["row"] is not None), "")
        row["beside_soc_code"] = ev.beside
        row["reason"] = f"{lead}{said}. Test: {ev.meaning}. {ev.caveat}"
        rows.append(row)
    out = pd.DataFrame(rows)
    out.attrs["release"] = f"ORS {' and '.join(ORS_RELEASES)}; Employment Projections {cycle}"
    out.attrs["titles"] = {
        c: titles[c] for c in (LAB_TECHNICIANS, LAB_TECHNOLOGISTS) if c in titles
    }
    return out

"""What employers require: BLS's Occupational Requirements Survey (ORS) for any occupation.

:func:`requirements` gives each ORS estimate of the occupations asked for, in one release,
with a 90% interval from BLS's standard error. ORS's codes are not OEWS's, and nothing is
invented to join them:

- a code ORS publishes is shown as it is;
- a broad OEWS code ORS publishes only by its detailed codes (OEWS's 29-2010 is ORS's
  29-2011 and 29-2012) is shown as those parts, each labelled, never averaged;
- a code ORS does not publish raises :class:`~careerstats.errors.NotPublishedError` naming
  the nearest codes it does publish.

Intervals: estimate ± z × SE (z = 1.645 for 90%), clipped to 0-100 for a percentage and
at 0 for hours, days and pounds. Where BLS publishes no standard error but a footnote
"Standard error is less than X", X is used (the interval is at most that wide); where it
publishes no estimate but "Estimate is less than X", the interval is 0 to X.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from ..errors import CareerStatsError, NotPublishedError, shown
from ..measures import ORS_GROUPS, ORS_RELEASE_NAMES, ORS_RELEASES
from ..occupations import normalize_soc
from .intervals import z_value

#: The release a requirement is read from unless another is asked for: the newest here.
NEWEST = ORS_RELEASES[0]

#: How each interval was found (``interval_basis``).
BASIS_SE = "standard error"
BASIS_SE_BOUND = "standard error less than its footnote's bound"
BASIS_UPPER = "estimate less than its footnote's bound"
BASIS_NONE = "no standard error published"

#: What a result says of each estimate, after the occupation columns (``soc_code``,
#: ``ors_soc_code``, ``part``, ``ors_release``) and before its interval (``lower``,
#: ``upper``, ``interval_basis``): the keys ``compare``'s JSON and the CSV both carry.
ESTIMATE_KEYS = (
    "ors_group",
    "ors_category",
    "ors_estimate_code",
    "estimate",
    "ors_data_type",
    "value",
    "value_below",
    "standard_error",
    "standard_error_below",
)

_GROUP_TITLES = {
    "education": "education",
    "credentials": "credentials",
    "experience": "experience and training",
    "cognitive": "cognitive and mental requirements",
    "physical": "physical demands",
    "environment": "environmental conditions",
}


def ors_release_of(release: str | None) -> str:
    """The ORS release a user names ('2020', '2018'; None for the newest)."""
    if release is None:
        return NEWEST
    if not isinstance(release, str) or release not in ORS_RELEASE_NAMES:
        raise CareerStatsError(
            f"ORS release {shown(release)}: expected one of "
            f"{', '.join(sorted(set(ORS_RELEASE_NAMES) - set(ORS_RELEASES)))}"
        )
    return ORS_RELEASE_NAMES[release]


def groups_of(groups: Iterable[str] | str | None) -> list[str]:
    """The groups asked for (all when None), each checked."""
    if groups is None:
        return list(ORS_GROUPS)
    asked = [groups] if isinstance(groups, str) else list(groups)
    for g in asked:
        if g not in ORS_GROUPS:
            raise CareerStatsError(
                f"ORS category {shown(g)}: expected one of {', '.join(ORS_GROUPS)}"
            )
    return [g for g in ORS_GROUPS if g in asked]


def _rows(req: pd.DataFrame, release: str) -> pd.DataFrame:
    """``release``'s rows, with ``ors_code``: the SOC code of a row, or, for an O*NET-SOC
    2010 code other than NN-NNNN.00 (the 2018 release), the code with its suffix
    (11-3071.01), so that two O*NET occupations under one SOC code stay apart."""
    rows = req[req["ors_release"] == release]
    suffix = rows["ors_occupation_code"].str[6:]
    code = rows["ors_soc_code"].where(suffix.isin(["", "00"]), rows["ors_soc_code"] + "." + suffix)
    return rows.assign(ors_code=code)


def _published(req: pd.DataFrame, release: str) -> dict[str, str]:
    """The codes ``release`` publishes (``ors_code``) -> ORS's title."""
    return _code_titles(_rows(req, release))


def _code_titles(rows: pd.DataFrame) -> dict[str, str]:
    """``ors_code`` -> ORS's title, one pair per code."""
    pairs = rows[["ors_code", "ors_occupation"]].drop_duplicates("ors_code")
    return dict(zip(pairs["ors_code"], pairs["ors_occupation"], strict=True))


def _nearest(code: str, published: dict[str, str], n: int = 4) -> list[str]:
    """Up to ``n`` published detailed codes nearest ``code``: the same minor group first,
    then the same major group, by distance of the code's digits."""
    digits = int(code.replace("-", ""))

    def key(c: str) -> tuple[int, int]:
        shared = next((k for k in (5, 4, 2) if c[:k] == code[:k]), 0)
        return (-shared, abs(int(c[:7].replace("-", "")) - digits))

    detailed = [c for c in published if not c.endswith("0000") and c != "00-0000"]
    return sorted(detailed, key=key)[:n]


def parts(req: pd.DataFrame, soc: str, release: str = NEWEST) -> list[str]:
    """The ORS codes that stand for ``soc`` in ``release``: the code itself where ORS
    publishes it; for a broad code (``NN-NNN0``) ORS publishes only in detail, its detailed
    codes; else :class:`~careerstats.errors.NotPublishedError` naming the nearest codes
    ORS publishes (and the other release, where that one publishes the code)."""
    code = normalize_soc(soc)
    release = ors_release_of(release)
    published = _published(req, release)
    if code in published:
        return [code]
    onet = sorted(c for c in published if c.startswith(f"{code}."))
    if onet:
        return onet
    if code.endswith("0") and not code.endswith("000"):
        detailed = sorted(c for c in published if c[:6] == code[:6] and c != code)
        if detailed:
            return detailed
    near = ", ".join(f"{c} {published[c]}" for c in _nearest(code, published))
    other = [r for r in ORS_RELEASES if r != release and code in _published(req, r)]
    also = f"; ORS {other[0]} does (--release {other[0].split()[0]})" if other else ""
    raise NotPublishedError(
        code,
        code,
        f"BLS's ORS publishes no estimates for {code} in its {release} release{also}. "
        f"Nearest codes it publishes: {near}",
    )


def ors_interval(
    estimate: float,
    se: float,
    se_bound: float,
    upper_bound: float,
    data_type: str,
    level: float = 0.90,
) -> tuple[float, float, str]:
    """The ``level`` interval of one ORS estimate, and how it was found (see the module
    text); NaN ends where there is none."""
    top = 100.0 if data_type == "percent" else math.inf
    if math.isnan(estimate):
        if not math.isnan(upper_bound):
            return 0.0, float(upper_bound), BASIS_UPPER
        return math.nan, math.nan, BASIS_NONE
    if not math.isnan(se):
        spread, basis = se, BASIS_SE
    elif not math.isnan(se_bound):
        spread, basis = se_bound, BASIS_SE_BOUND
    else:
        return math.nan, math.nan, BASIS_NONE
    z = z_value(level)
    return max(0.0, estimate - z * spread), min(top, estimate + z * spread), basis


def short_text(text: str) -> str:
    """An estimate's text without the 2020 release's "Percent of workers, " lead, so the
    two releases read alike."""
    return text.removeprefix("Percent of workers, ")


def requirements(
    req: pd.DataFrame,
    socs: Iterable[str],
    release: str | None = None,
    groups: Iterable[str] | str | None = None,
    level: float = 0.90,
) -> pd.DataFrame:
    """Every ORS estimate of the occupations ``socs`` in ``release`` (newest when None),
    in ``groups`` (all when None), each with its ``level`` interval.

    One row per estimate and ORS code: ``soc_code`` (the code asked for), ``ors_soc_code``
    (the part it is published as: a SOC code, or in the 2018 release an O*NET-SOC code
    with its suffix, 11-3071.01, where one SOC code has several), ``part`` (code and title), the
    group, category, ``estimate`` text, ``data_type``, ``value``, ``standard_error``,
    ``lower``, ``upper``, ``interval_basis`` and ``notes`` (BLS's footnotes). A group a part
    has no estimates in is listed in ``attrs["not_published"]``, with the reason.
    """
    rel = ors_release_of(release)
    wanted = groups_of(groups)
    codes = [normalize_soc(s) for s in socs]
    if not codes:
        raise CareerStatsError("requirements: expected at least one SOC code")
    asked = {c: parts(req, c, rel) for c in codes}
    rows = _rows(req, rel)
    frames, missing = _collect(rows, asked, wanted, rel)
    found_rows = pd.concat(frames, ignore_index=True) if frames else rows.iloc[:0]
    order = {g: i for i, g in enumerate(ORS_GROUPS)}
    out = _frame(found_rows, level)
    out = (
        out.assign(_g=out["ors_group"].map(order), _c=[codes.index(c) for c in out["soc_code"]])
        .sort_values(["_c", "ors_soc_code", "_g", "ors_category", "ors_estimate_code"])
        .drop(columns=["_g", "_c"])
        .reset_index(drop=True)
    )
    out.attrs["titles"] = {p: t for found in asked.values() for p, t in _titles(rows, found)}
    out.attrs["release"] = f"ORS {rel}"
    out.attrs["parts"] = asked
    out.attrs["not_published"] = list(dict.fromkeys(missing))
    out.attrs["level"] = level
    return out


def _frame(found_rows: pd.DataFrame, level: float) -> pd.DataFrame:
    """The result's columns from the table's rows, with intervals and notes."""
    bounds, notes = _intervals(found_rows, level)
    return pd.DataFrame(
        {
            "soc_code": found_rows["soc_code"],
            "ors_soc_code": found_rows["ors_code"],
            "part": found_rows["part"],
            "ors_release": found_rows["ors_release"],
            "ors_group": found_rows["ors_group"],
            "ors_category": found_rows["ors_category"],
            "ors_estimate_code": found_rows["ors_estimate_code"],
            "estimate": found_rows["ors_estimate_text"].map(short_text),
            "ors_data_type": found_rows["ors_data_type"],
            "value": found_rows["ors_estimate"].astype(float),
            "value_below": found_rows["ors_estimate_upper_bound"].astype(float),
            "standard_error": found_rows["ors_standard_error"].astype(float),
            "standard_error_below": found_rows["ors_standard_error_upper_bound"].astype(float),
            "lower": [b[0] for b in bounds],
            "upper": [b[1] for b in bounds],
            "interval_basis": [b[2] for b in bounds],
            "notes": notes,
            "ors_series_id": found_rows["ors_series_id"],
        }
    )


def _collect(
    rows: pd.DataFrame, asked: dict[str, list[str]], wanted: list[str], rel: str
) -> tuple[list[pd.DataFrame], list[str]]:
    """Each part's rows in the groups ``wanted``, and each group a part lacks, said."""
    frames = []
    missing: list[str] = []
    release_groups = set(rows["ors_group"])
    for code, found in asked.items():
        for part in found:
            mine = rows[(rows["ors_code"] == part) & rows["ors_group"].isin(wanted)]
            title = str(rows.loc[rows["ors_code"] == part, "ors_occupation"].iloc[0])
            for g in wanted:
                if g not in release_groups:
                    missing.append(f"ORS {rel} measured no {_GROUP_TITLES[g]} (for any occupation)")
                elif not (mine["ors_group"] == g).any():
                    missing.append(
                        f"ORS {rel} publishes no {_GROUP_TITLES[g]} estimates for {part} {title}"
                    )
            frames.append(mine.assign(soc_code=code, part=f"{part} {title}"))
    return frames, missing


def _intervals(
    found_rows: pd.DataFrame, level: float
) -> tuple[list[tuple[float, float, str]], list[str]]:
    """Each row's interval (:func:`ors_interval`) and its footnotes in one text."""
    bounds = [
        ors_interval(e, s, sb, ub, t, level)
        for e, s, sb, ub, t in zip(
            found_rows["ors_estimate"].astype(float),
            found_rows["ors_standard_error"].astype(float),
            found_rows["ors_standard_error_upper_bound"].astype(float),
            found_rows["ors_estimate_upper_bound"].astype(float),
            found_rows["ors_data_type"],
            strict=True,
        )
    ]
    notes = [
        " ".join(n for n in (a, b) if isinstance(n, str) and n)
        for a, b in zip(
            found_rows["ors_estimate_note"], found_rows["ors_standard_error_note"], strict=True
        )
    ]
    return bounds, notes


def _titles(rows: pd.DataFrame, codes: list[str]) -> list[tuple[str, str]]:
    titles = _code_titles(rows)
    return [(c, titles[c]) for c in codes]


def estimate(found: pd.DataFrame, ors_soc: str, code: str) -> pd.Series | None:
    """The row of ``found`` (a :func:`requirements` result) for ORS code ``ors_soc`` and
    estimate code ``code``; None where ORS publishes none."""
    rows = found[(found["ors_soc_code"] == ors_soc) & (found["ors_estimate_code"] == code)]
    return None if rows.empty else rows.iloc[0]

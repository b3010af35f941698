"""Where an occupation works: its employment and pay by industry, nationally.

BLS publishes OEWS industry estimates for the nation only (``oews_industry``, May 2025):
every occupation in every NAICS sector and 3-, 4-, 5- and 6-digit industry it surveys.
:func:`industries` lists an occupation's industries at one level by their share of its
jobs, with the median and mean wage there and the mean's 90% interval from BLS's RSE.

What "share" can and cannot say. Within one level the industries do not overlap, so the
shares add to at most 100%; they fall short where BLS publishes no row for a small
industry, or withholds its employment (footnote 8), and BLS rounds each employment
figure, so a complete level can land a few hundredths above or below 100. Self-employed
workers are outside OEWS altogether.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ..errors import CareerStatsError, UnknownCodeError, shown
from ..measures import NAICS_LEVEL_NAMES
from ..occupations import normalize_soc
from ._common import BLS_REASONS, Data, labelled, plain
from .absence import no_industry_estimates
from .intervals import interval, reliable

#: What a user types for a level -> the table's ``naics_level``.
#: The level the comparison and the report use: specific enough to name a workplace.
DEFAULT_LEVEL = "4"
#: The columns of :func:`industries`' result, in order.
COLUMNS = (
    "soc_code",
    "occupation_title",
    "industry_code",
    "industry_title",
    "naics_level",
    "employment",
    "employment_rse_pct",
    "employment_share_pct",
    "annual_wage_median",
    "annual_wage_mean",
    "wage_rse_pct",
    "annual_wage_mean_low",
    "annual_wage_mean_high",
    "reliable",
    "topcoded_fields",
    "not_released_fields",
    "unpublished_note",
)


_SECTOR_TITLE = re.compile(r"^Sectors? (?P<codes>[\d, and]+?) - (?P<name>.+)$")


def naics_display(code: object, title: object) -> tuple[str, str]:
    """NAICS's own code and name for an OEWS industry, as a reader knows them: BLS's
    ``62--63`` "Sector 62 - Health Care and Social Assistance" is ("62", "Health Care and
    Social Assistance"); ``31--34`` is "31-33"; ``621100`` is "6211"; an ownership
    aggregate (``000001``) has no NAICS code ("")."""
    code, title = str(code), str(title)
    sector = _SECTOR_TITLE.match(title)
    if sector:
        numbers = re.findall(r"\d+", sector["codes"])
        shown_code = numbers[0] if len(numbers) == 1 else f"{numbers[0]}-{numbers[-1]}"
        return shown_code, sector["name"]
    if not code.isdigit() or code.startswith("0") or len(code) != 6:
        return "", title
    trimmed = code.rstrip("0")
    return code[: max(3, len(trimmed))], title


def industry_label(code: object, title: object) -> str:
    """ "62 Health Care and Social Assistance", "6211 Offices of Physicians": an OEWS
    industry as NAICS names it (:func:`naics_display`)."""
    shown_code, name = naics_display(code, title)
    return f"{shown_code} {name}".strip()


def naics_level_of(level: str | int) -> str:
    """The table's ``naics_level`` for what a user typed (``4``, ``"sector"``, ...)."""
    chosen = NAICS_LEVEL_NAMES.get(str(level).strip().lower())
    if chosen is None:
        raise UnknownCodeError(
            "industry level",
            str(level),
            list(NAICS_LEVEL_NAMES),
            "sector, 3, 4 or 5 (5- and 6-digit), or ownership",
        )
    return chosen


def _note(row: Any) -> str | None:
    parts = []
    if isinstance(row["not_released_fields"], str):
        fields = row["not_released_fields"].replace(";", ", ")
        parts.append(f"{fields} not published ({BLS_REASONS['not_released']})")
    if row["is_hourly_only"]:
        parts.append(f"annual wages not published ({BLS_REASONS['hourly_only']})")
    if row["is_annual_only"]:
        parts.append(f"hourly wages not published ({BLS_REASONS['annual_only']})")
    if isinstance(row["topcoded_fields"], str):
        fields = row["topcoded_fields"].replace(";", ", ")
        parts.append(f"{fields} top-coded ({BLS_REASONS['topcoded']})")
    return "; ".join(parts) or None


def _with_uncertainty(result: pd.DataFrame) -> pd.DataFrame:
    """``result`` with the mean's 90% interval (none for a top-coded mean) and the
    reliability flag (every published RSE at most 30%)."""
    mean_bounded = result["topcoded_fields"].fillna("").str.contains("annual_wage_mean")
    bounds = [
        (float("nan"), float("nan")) if bounded else interval(m, r)
        for m, r, bounded in zip(
            result["annual_wage_mean"], result["wage_rse_pct"], mean_bounded, strict=True
        )
    ]
    result["annual_wage_mean_low"] = [b[0] for b in bounds]
    result["annual_wage_mean_high"] = [b[1] for b in bounds]
    result["reliable"] = [
        reliable(max(r for r in rses if pd.notna(r))) if any(pd.notna(r) for r in rses) else None
        for rses in zip(result["employment_rse_pct"], result["wage_rse_pct"], strict=True)
    ]
    return result


def industries(
    soc: str | list[str] | tuple[str, ...],
    level: str | int = DEFAULT_LEVEL,
    top: int | None = None,
    *,
    data: Data,
) -> pd.DataFrame:
    """Where ``soc`` (one code or several) works nationally, at ``level``: one row per
    occupation and industry, largest share of the occupation's jobs first.

    ``level`` is ``"sector"``, ``3``, ``4``, ``5`` (5- and 6-digit) or ``"ownership"``;
    ``top`` keeps each occupation's first ``top`` industries. Columns: :data:`COLUMNS`.
    ``annual_wage_mean_low``/``_high`` are the mean's 90% interval from BLS's wage RSE
    (none for a top-coded mean; BLS publishes no RSE for the median); ``reliable`` is
    False where an RSE exceeds 30%. A missing value keeps its reason in
    ``unpublished_note`` (footnote 8 not released, footnote 4 hourly or annual only);
    ``topcoded_fields`` names values that are the cap, a lower bound. ``attrs`` hold the
    titles, the release and each occupation's national median and mean
    (``attrs["national"]``).
    """
    codes = [normalize_soc(s) for s in ([soc] if isinstance(soc, str) else soc)]
    if top is not None and int(top) < 1:
        raise CareerStatsError(f"top {shown(top)}: expected a positive number of industries")
    chosen = naics_level_of(level)
    rows = data.table("oews_industry", where={"soc_code": codes})
    missing = [c for c in codes if c not in set(rows["soc_code"])]
    if missing:
        raise no_industry_estimates(missing[0], data)
    national = data.oews("national", "latest")
    national = national[national["soc_code"].isin(codes)].set_index("soc_code")
    rows = rows[rows["naics_level"] == chosen]
    ordered = []
    for code in codes:
        mine = rows[rows["soc_code"] == code].sort_values(
            ["employment_share_pct", "industry_code"],
            ascending=[False, True],
            na_position="last",
            kind="stable",
        )
        ordered.append(mine if top is None else mine.head(int(top)))
    result = _with_uncertainty(pd.concat(ordered, ignore_index=True))
    result["unpublished_note"] = [_note(r) for _, r in result.iterrows()]
    out = labelled(result[list(COLUMNS)].copy(), national.reset_index(), codes)
    out.attrs["release"] = str(result["release"].iloc[0]) if len(result) else None
    out.attrs["naics_level"] = chosen
    out.attrs["national"] = {
        code: {
            f: (None if pd.isna(national.at[code, f]) else float(national.at[code, f]))
            for f in ("employment", "annual_wage_median", "annual_wage_mean")
        }
        for code in codes
        if code in national.index
    }
    return out


def records(frame: pd.DataFrame) -> list[dict]:
    """:func:`industries`' rows as the JSON the CLI and ``compare`` give: soc_code,
    industry_code, industry_title, naics_level, employment, employment_share_pct,
    annual_wage_median, annual_wage_mean, annual_wage_mean_ci90 ([low, high] or null),
    topcoded (a shown wage is a lower bound), topcoded_fields and unpublished_note."""
    out = []
    for _, r in frame.iterrows():
        low, high = r["annual_wage_mean_low"], r["annual_wage_mean_high"]
        topcoded = [] if pd.isna(r["topcoded_fields"]) else r["topcoded_fields"].split(";")
        out.append(
            {
                "soc_code": r["soc_code"],
                "industry_code": r["industry_code"],
                "industry_title": r["industry_title"],
                "naics_level": r["naics_level"],
                "employment": plain(r["employment"]),
                "employment_share_pct": plain(r["employment_share_pct"]),
                "annual_wage_median": plain(r["annual_wage_median"]),
                "annual_wage_mean": plain(r["annual_wage_mean"]),
                "annual_wage_mean_ci90": None
                if pd.isna(low)
                else [round(float(low), 2), round(float(high), 2)],
                "topcoded": any(f in topcoded for f in ("annual_wage_median", "annual_wage_mean")),
                "topcoded_fields": topcoded,
                "unpublished_note": plain(r["unpublished_note"]),
            }
        )
    return out


# --- the article's practice settings, checked -------------------------------------------

#: The rest of a sector once the settings' own industries are taken out.
REST_OF = "rest of"
#: The article's practice settings (``data/article_lists.csv``) read as NAICS industries.
#: careerstats' reading of the article's words, not a BLS classification: "private
#: practice" is a practitioner's office, "outpatient clinic" an outpatient care centre, a
#: hospital is NAICS 622 whatever its owner, "other healthcare facilities" whatever else
#: of sector 62 the other settings leave. "laboratory setting" names a workplace that
#: exists in every industry, so it matches none.
SETTING_INDUSTRIES: dict[tuple[str, str], tuple[str, ...]] = {
    ("31-9092", "private practice"): ("621100", "621300"),
    ("31-9092", "public or private hospital"): ("622000",),
    ("31-9092", "outpatient clinic"): ("621400",),
    ("31-9092", "other healthcare facilities"): (REST_OF, "62--63"),
    ("29-2010", "laboratory setting"): (),
    ("29-2010", "operated privately"): ("621500",),
    ("29-2010", "part of a larger hospital or healthcare facility"): (
        "622000",
        REST_OF,
        "62--63",
    ),
}
#: A setting's share of the career's jobs that makes it "major" / "minor" (else "rare").
MAJOR_SHARE_PCT, MINOR_SHARE_PCT = 10.0, 1.0


def _verdict(share: float | None) -> str:
    if share is None or pd.isna(share):
        return "not an industry: matches none"
    if share >= MAJOR_SHARE_PCT:
        return "major"
    return "minor" if share >= MINOR_SHARE_PCT else "rare"


def _parts(codes: tuple[str, ...]) -> tuple[list[str], str | None]:
    """A setting's own industries, and the sector whose rest it also takes (or None)."""
    if REST_OF in codes:
        at = codes.index(REST_OF)
        return list(codes[:at]), codes[at + 1]
    return list(codes), None


def practice_settings(lists: pd.DataFrame, *, data: Data) -> pd.DataFrame:
    """Each practice setting the article names (``article_lists``), matched to its NAICS
    industries (:data:`SETTING_INDUSTRIES`), with their jobs and share of the career's
    national jobs (OEWS industry estimates) and a verdict: major (at least 10%), minor
    (1-10%), rare (below 1%), or not an industry."""
    settings = lists[lists["list_name"] == "practice_setting"]
    socs = list(dict.fromkeys(settings["soc_code"]))
    rows = data.table("oews_industry", where={"soc_code": socs})
    jobs_at = rows.set_index(["soc_code", "industry_code"])["employment"]
    titles = rows.drop_duplicates("industry_code").set_index("industry_code")["industry_title"]
    newest = data.oews("national", "latest")
    national = newest.set_index("soc_code")["employment"]
    out = []
    for soc, setting in zip(settings["soc_code"], settings["item"], strict=True):
        codes = SETTING_INDUSTRIES.get((soc, setting))
        if codes is None:
            raise UnknownCodeError(
                "practice setting",
                setting,
                [name for code, name in SETTING_INDUSTRIES if code == soc],
                f"careerstats reads no NAICS industry into it for {soc}: add it to "
                "careerstats.analysis.industries.SETTING_INDUSTRIES",
            )
        own, sector = _parts(codes)
        jobs = sum(float(jobs_at[(soc, c)]) for c in own) if codes else None
        label = [industry_label(c, titles[c]) for c in own]
        if sector is not None and jobs is not None:
            taken = {
                c
                for (s, name), named in SETTING_INDUSTRIES.items()
                if s == soc
                for c in _parts(named)[0]
            }
            jobs += float(jobs_at[(soc, sector)]) - sum(float(jobs_at[(soc, c)]) for c in taken)
            label.append(f"the rest of {industry_label(sector, titles[sector])}")
        share = None if jobs is None else round(jobs / float(national[soc]) * 100, 2)
        out.append(
            {
                "soc_code": soc,
                "setting": setting,
                "industries": "; ".join(label) or "none: a lab exists in every industry",
                "employment": jobs,
                "employment_share_pct": share,
                "verdict": _verdict(share),
            }
        )
    frame = pd.DataFrame(out)
    return labelled(frame, newest, socs)


def left_out(lists: pd.DataFrame, min_share_pct: float = 2.0, *, data: Data) -> pd.DataFrame:
    """4-digit industries holding at least ``min_share_pct`` of a career's jobs that none
    of the article's settings covers (outside every setting's industries and sectors)."""
    settings = lists[lists["list_name"] == "practice_setting"]
    socs = list(dict.fromkeys(settings["soc_code"]))
    found = industries(socs, level="4", data=data)
    keep = []
    for soc in socs:
        named = [
            SETTING_INDUSTRIES.get((soc, s), ())
            for s in settings.loc[settings["soc_code"] == soc, "item"]
        ]
        covered = {c for codes in named for c in _parts(codes)[0]}
        sectors = {_parts(codes)[1] for codes in named} - {None}
        mine = found[(found["soc_code"] == soc) & (found["employment_share_pct"] >= min_share_pct)]
        for _, r in mine.iterrows():
            code = str(r["industry_code"])
            inside = any(code.startswith(c.rstrip("0")) for c in covered) or any(
                _in_sector(code, s) for s in sectors if s is not None
            )
            if not inside:
                keep.append(r)
    frame = pd.DataFrame(keep, columns=found.columns).reset_index(drop=True)
    frame.attrs = dict(found.attrs)
    return frame


def _in_sector(code: str, sector: str) -> bool:
    first, stop = (int(part) for part in sector.split("-") if part)
    return code[:2].isdigit() and first <= int(code[:2]) < stop


def largest_industries(found: pd.DataFrame, n: int = 3) -> list[str]:
    """The ``n`` industries of ``found`` (an :func:`industries` result) with the most jobs
    of its occupations together, largest first."""
    totals = found.groupby("industry_code", sort=False)["employment"].sum(min_count=1)
    return list(totals.dropna().sort_values(ascending=False, kind="stable").index[:n])


def pay_in(found: pd.DataFrame, industry_codes: list[str]) -> pd.DataFrame:
    """What the same job pays in ``industry_codes``: one row per occupation and industry
    (in the order given) with the median and mean, the mean's 90% interval and the median
    minus the occupation's national median (``attrs["national"]`` of ``found``)."""
    national = found.attrs.get("national", {})
    rows = found[found["industry_code"].isin(industry_codes)].copy()
    socs = {s: i for i, s in enumerate(dict.fromkeys(found["soc_code"]))}
    rows["order"] = rows["industry_code"].map({c: i for i, c in enumerate(industry_codes)})
    rows["soc_order"] = rows["soc_code"].map(socs)
    rows = rows.sort_values(["soc_order", "order"], kind="stable").drop(
        columns=["order", "soc_order"]
    )
    rows["annual_wage_median_national"] = rows["soc_code"].map(
        lambda s: (national.get(s) or {}).get("annual_wage_median")
    )
    rows["median_minus_national_usd"] = (
        rows["annual_wage_median"] - rows["annual_wage_median_national"]
    )
    out = rows[
        [
            "soc_code",
            "industry_code",
            "industry_title",
            "employment",
            "employment_share_pct",
            "annual_wage_median",
            "annual_wage_median_national",
            "median_minus_national_usd",
            "annual_wage_mean",
            "annual_wage_mean_low",
            "annual_wage_mean_high",
            "unpublished_note",
        ]
    ].reset_index(drop=True)
    out.attrs = dict(found.attrs)
    return out

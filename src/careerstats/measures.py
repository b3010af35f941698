"""The measures, named once: what every layer calls a wage, a percentile, a projection.

Plain data in the foundation, so that every layer, the readers in ``ingest/`` included,
names a quantity the same way: a column's name carries its statistic and unit
(``annual_wage_median``, ``employment_change_pct``). The units are codes (:data:`UNITS`);
the column dictionary (:mod:`careerstats.tables.dictionary`) gives each column its title
and unit code from here.
"""

from __future__ import annotations

#: The kinds of OEWS industry code (see ``industry_code``); the reader assigns them.
NAICS_LEVELS = (
    "sector",
    "3-digit",
    "4-digit",
    "5- or 6-digit",
    "ownership",
    "3-digit by ownership",
    "4-digit by ownership",
)

#: What a user types for an industry level -> the level's name (``naics_level``).
NAICS_LEVEL_NAMES = {
    "sector": "sector",
    "3": "3-digit",
    "4": "4-digit",
    "5": "5- or 6-digit",
    "6": "5- or 6-digit",
    "ownership": "ownership",
    **{level: level for level in NAICS_LEVELS},
}
#: The short forms of :data:`NAICS_LEVEL_NAMES` a command lists.
NAICS_LEVEL_CHOICES = ("sector", "3", "4", "5", "ownership")

SOC_PATTERN = r"^\d{2}-\d{4}$"

# --- the OEWS measures, named once --------------------------------------------------------

#: The wage percentiles BLS publishes, lowest first.
PERCENTILES = ("p10", "p25", "median", "p75", "p90")
PERCENTILE_LABELS = {
    "p10": "10th percentile",
    "p25": "25th percentile",
    "median": "median",
    "p75": "75th percentile",
    "p90": "90th percentile",
}
#: Every wage statistic: the mean, then the percentiles.
WAGE_STATISTICS = ("mean", *PERCENTILES)
WAGE_KINDS = ("hourly", "annual")
#: BLS's working year: annual wage = hourly wage x 2,080 hours (oe.footnote, note 2).
HOURS_PER_YEAR = 2080
#: How careerstats rounds: only a figure it shows (a table, a sentence, JSON, CSV), never
#: a value it computes with, and half to even (Python's ``round``, on the binary value).
#: Derived figures (a gap, a cost-adjusted wage, a real wage) are computed from unrounded
#: values and rounded once, when shown. The tables hold BLS's figures as BLS rounds them.
ROUNDING = "half-even, for display only; derived figures come from unrounded values"


def wage_field(kind: str, statistic: str) -> str:
    """The column of a wage: ``wage_field("annual", "median")`` is ``annual_wage_median``."""
    return f"{kind}_wage_{statistic}"


#: Every wage column, hourly first, each kind mean then percentiles.
WAGE_FIELDS = tuple(wage_field(k, s) for k in WAGE_KINDS for s in WAGE_STATISTICS)
#: The measures every OEWS table holds, in BLS's datatype order (01-15).
OEWS_MEASURES = (
    "employment",
    "employment_rse_pct",
    wage_field("hourly", "mean"),
    wage_field("annual", "mean"),
    "wage_rse_pct",
    *(wage_field("hourly", p) for p in PERCENTILES),
    *(wage_field("annual", p) for p in PERCENTILES),
)
#: The relative standard error BLS publishes for each measure an area can be ranked by
#: (None: BLS publishes none, as for every percentile).
RSE_COLUMN: dict[str, str | None] = {
    "employment": "employment_rse_pct",
    **{f: ("wage_rse_pct" if f.endswith("_mean") else None) for f in WAGE_FIELDS},
    "employment_per_1000_jobs": None,
    "location_quotient": None,
}
#: What areas can be ranked by, and among which areas.
RANK_MEASURES = tuple(RSE_COLUMN)
RANK_BY = ("state", "metro")
#: The default: the mean annual wage, for which BLS publishes a standard error.
RANK_DEFAULT_MEASURE = "annual_wage_mean"
#: The joint rank-interval constructions, and the family-wise corrections of many tests
#: (``careerstats.analysis.simultaneous``).
RANK_METHODS = ("product", "pairwise")
CORRECTIONS = ("holm", "bonferroni", "none")

#: What a history follows: employment, or any wage.
HISTORY_MEASURES = ("employment", *WAGE_FIELDS)
#: Plus the two BLS publishes for areas (datatypes 16 and 17).
OEWS_AREA_MEASURES = (*OEWS_MEASURES, "employment_per_1000_jobs", "location_quotient")
#: The columns of the projections table, in order (the EP readers produce them).
PROJECTIONS_COLUMNS = (
    "cycle",
    "base_year",
    "target_year",
    "soc_code",
    "occupation_title",
    "occupation_type",
    "employment_base",
    "employment_projected",
    "employment_change",
    "employment_change_pct",
    "self_employed_pct",
    "openings_annual",
    "openings_10yr_total",
    "annual_wage_median",
    "annual_wage_year",
    "is_wage_topcoded",
    "typical_education",
    "work_experience",
    "on_the_job_training",
)
#: What an Employment Projections cycle projects, in jobs (openings_10yr_total: 2014-24 only).
PROJECTION_MEASURES = (
    "employment_base",
    "employment_projected",
    "employment_change",
    "employment_change_pct",
    "openings_annual",
    "openings_10yr_total",
)


#: Every unit a column can be in: code -> how a reader sees it.
UNITS = {
    "usd_per_year": "US dollars per year",
    "usd_per_hour": "US dollars per hour",
    "usd": "US dollars",
    "jobs": "jobs",
    "jobs_per_year": "jobs per year",
    "jobs_per_1000": "jobs per 1,000 jobs",
    "percent": "percent",
    "index": "index",
    "ratio": "ratio",
    "year": "year",
    "years": "years",
    "months": "months",
    "hours": "semester hours",
    "count": "count",
    "number": "number",
    "flag": "true or false",
    "code": "code",
    "text": "text",
}
#: The unit of each wage kind.
WAGE_UNITS = {"hourly": "usd_per_hour", "annual": "usd_per_year"}
#: How a reader names each wage statistic.
STATISTIC_TITLES = {"mean": "Mean", **{p: PERCENTILE_LABELS[p].capitalize() for p in PERCENTILES}}
#: How a reader names each wage kind's period.
KIND_TITLES = {"hourly": "per hour", "annual": "per year"}


def wage_title(kind: str, statistic: str) -> str:
    """``wage_title("annual", "median")`` is ``"Median pay, per year"``."""
    return f"{STATISTIC_TITLES[statistic]} pay, {KIND_TITLES[kind]}"


#: The sections of ``careerstats report``, in the report's order: each is a notebook run
#: for the pair (the comparison, the pay gap, growth, where they work, return on training,
#: what the job requires).
REPORT_SECTIONS = {
    "compare": "05-compare-any-pair.ipynb",
    "pay": "02-pay-gap.ipynb",
    "growth": "03-growth.ipynb",
    "industries": "07-where-they-work.ipynb",
    "training": "06-return-on-training.ipynb",
    "requirements": "08-requirements.ipynb",
}

# --- BLS's Occupational Requirements Survey ---------------------------------------------

#: The ORS releases careerstats reads, newest first (the newest available here; BLS has
#: published later ones).
ORS_RELEASES = ("2020 preliminary", "2018")
#: What a user types for a release -> the release.
ORS_RELEASE_NAMES = {"2020": "2020 preliminary", "2018": "2018", **{r: r for r in ORS_RELEASES}}
#: careerstats' groups of ORS estimates (``ors_group``); BLS's requirement and category
#: decide each estimate's group (``careerstats.ingest.ors.group_of``).
ORS_GROUPS = ("education", "credentials", "experience", "cognitive", "physical", "environment")

"""The tables careerstats writes to ``data/``: each one's columns, key and sources.

``datapackage.json`` is generated from :data:`RESOURCES` and the column dictionary
(:mod:`.dictionary`).
"""

from __future__ import annotations

from ..measures import OEWS_AREA_MEASURES, OEWS_MEASURES, PROJECTIONS_COLUMNS
from ..sources import EP_FILES, OEWS_NATIONAL_YEARS
from .dictionary import FIELDS


def table_file(name: str) -> str:
    """The file name of table ``name`` in data/: ``name.csv``, or ``name.csv.gz`` when the
    table is stored compressed."""
    compression = RESOURCES[name].get("compression")
    return f"{name}.csv.{compression}" if compression else f"{name}.csv"


def _fields(*names: str) -> list[dict]:
    return [{"name": n, **FIELDS[n]} for n in names]


OEWS_NATIONAL_SOURCES = [f"oews_national_{y}" for y in OEWS_NATIONAL_YEARS]
#: What the state and the metro tables share: columns, key and sources.
OEWS_AREA_TABLE = {
    "fields": _fields(
        "year",
        "release",
        "area_code",
        "area_title",
        "area_state_fips",
        "area_state_code",
        "soc_code",
        "occupation_title",
        "soc_level",
        *OEWS_AREA_MEASURES,
        "is_annual_only",
        "is_hourly_only",
        "topcoded_fields",
    ),
    "primaryKey": ["area_code", "soc_code"],
    "foreignKeys": ["soc_code"],
    "sources": ["oews_flat_2025", "us_states"],
}
EP_SOURCES = [f"ep_{c}" for c in EP_FILES]


#: Every table careerstats writes to data/, with its key and its sources.
RESOURCES: dict[str, dict] = {
    "occupations": {
        "title": "Occupations BLS publishes",
        "description": "Every SOC code that an OEWS release or an Employment Projections "
        "cycle in data/ publishes, with its latest title and level. Other tables' soc_code "
        "must appear here.",
        "fields": _fields(
            "soc_code",
            "occupation_title",
            "soc_level",
            "in_oews",
            "in_projections",
            "first_release_oews",
            "last_release_oews",
        ),
        "primaryKey": ["soc_code"],
        "sources": ["oews_flat_2025", *OEWS_NATIONAL_SOURCES, *EP_SOURCES],
    },
    "areas": {
        "title": "OEWS areas",
        "description": "The nation, the 54 states and territories and the metropolitan and "
        "nonmetropolitan areas of the May 2025 release, with state codes.",
        "fields": _fields(
            "area_code", "area_type", "area_title", "area_state_fips", "area_state_code"
        ),
        "primaryKey": ["area_code"],
        "sources": ["oews_flat_2025", "us_states"],
    },
    "oews_national": {
        "title": "OEWS national estimates, May 2015 to May 2025",
        "description": "Employment and wages for every occupation at every SOC level, "
        "nationally, one row per release and code (a code BLS lists as both broad and "
        "detailed, with the same figures, appears once).",
        "fields": _fields(
            "year",
            "release",
            "soc_code",
            "occupation_title",
            "soc_level",
            *OEWS_MEASURES,
            "is_annual_only",
            "is_hourly_only",
            "topcoded_fields",
        ),
        "primaryKey": ["year", "soc_code"],
        "foreignKeys": ["soc_code"],
        "sources": [*OEWS_NATIONAL_SOURCES, "oews_flat_2025"],
    },
    "oews_state": {
        "title": "OEWS state estimates, May 2025",
        "description": "Employment and wages for every occupation in the 50 states, DC, "
        "Guam, Puerto Rico and the Virgin Islands (cross-industry).",
        **OEWS_AREA_TABLE,
    },
    "oews_metro": {
        "title": "OEWS metropolitan and nonmetropolitan area estimates, May 2025",
        "description": "Employment and wages for every occupation BLS publishes in all 528 "
        "metropolitan and nonmetropolitan areas (cross-industry). Stored gzip-compressed.",
        **OEWS_AREA_TABLE,
        "compression": "gz",
    },
    "oews_industry": {
        "title": "OEWS national industry estimates, May 2025",
        "description": "Employment and wages of every occupation in every industry BLS "
        "publishes nationally (sectors, 3-, 4-, 5- and 6-digit NAICS industries, ownership "
        "groups), with each industry's level and parent and the occupation's share of its "
        "cross-industry employment. Industry codes and titles are BLS's; the display levels "
        "in data/raw's oe.industry are approximations (the copy of the release careerstats "
        "was built from lacks BLS's display columns) and serve only as a check on the "
        "level read from each code. Stored gzip-compressed (about 32 MB as text).",
        "fields": _fields(
            "year",
            "release",
            "industry_code",
            "industry_title",
            "naics_level",
            "industry_parent_code",
            "soc_code",
            "occupation_title",
            "soc_level",
            *OEWS_MEASURES,
            "employment_share_pct",
            "is_annual_only",
            "is_hourly_only",
            "topcoded_fields",
            "not_released_fields",
        ),
        "primaryKey": ["industry_code", "soc_code"],
        "foreignKeys": ["soc_code"],
        "sources": ["oews_flat_2025"],
        "compression": "gz",
    },
    "projections": {
        "title": "Employment Projections, cycles 2014-24 to 2024-34",
        "description": "Every occupation of every cycle in data/raw: base and projected "
        "employment, change, openings, median wage and entry requirements, in jobs.",
        "fields": _fields(*PROJECTIONS_COLUMNS),
        "primaryKey": ["cycle", "soc_code"],
        "foreignKeys": ["soc_code"],
        "sources": EP_SOURCES,
    },
    "article_claims": {
        "title": "The article's figures, as claims",
        "description": "Each figure in the article's side-by-side table, read from the "
        "article's text: the article's label, value, unit, period wording and cited source. "
        "These are the article's words, not BLS's numbers; notebooks trace them to BLS.",
        "fields": _fields(
            "claim_id",
            "soc_code",
            "article_occupation",
            "row_label",
            "claimed_measure",
            "article_label",
            "value",
            "unit",
            "period_wording",
            "cited_source",
            "is_citation_in_row",
            "quote",
        ),
        "primaryKey": ["claim_id"],
        "foreignKeys": ["soc_code"],
        "unitRanges": {
            "percent": [-100, 1000],
            "jobs": [0, None],
            "usd_per_year": [0, None],
            "usd_per_hour": [0, None],
        },
        "sources": ["article"],
    },
    "article_table": {
        "title": "The article's side-by-side table, cell by cell",
        "description": "Every cell of the article's table, verbatim, with a note where the "
        "article promises content it does not give (its empty school lists).",
        "fields": _fields(
            "row_order",
            "section",
            "row_label",
            "soc_code",
            "article_occupation",
            "cell_text",
            "is_cell_empty",
            "gap_note",
        ),
        "primaryKey": ["row_order", "soc_code"],
        "foreignKeys": ["soc_code"],
        "sources": ["article"],
    },
    "organizations": {
        "title": "Accreditors and certifying bodies named in the article",
        "description": "Organizations the article names, with their role and the careers "
        "they concern.",
        "fields": _fields(
            "organization_code", "organization_name", "organization_role", "soc_code"
        ),
        "primaryKey": ["organization_code", "soc_code"],
        "foreignKeys": ["soc_code"],
        "sources": ["article"],
    },
    "credentials": {
        "title": "Certifications and their certifying bodies",
        "description": "Certifications the article names for each career, with the body "
        "that awards them.",
        "fields": _fields(
            "soc_code", "organization_code", "credential_code", "credential_name", "quote"
        ),
        "primaryKey": ["soc_code", "organization_code", "credential_code"],
        "foreignKeys": ["soc_code"],
        "sources": ["article"],
    },
    "education_programs": {
        "title": "Education paths and program details",
        "description": "Awards the article names for each career, with program length or "
        "semester hours where it gives them.",
        "fields": _fields(
            "soc_code",
            "award",
            "program_length_years_min",
            "program_length_years_max",
            "semester_hours_min",
            "is_eligible_route_to_certification",
            "quote",
        ),
        "primaryKey": ["soc_code", "award"],
        "foreignKeys": ["soc_code"],
        "sources": ["article"],
    },
    "recertification": {
        "title": "Recertification cycles",
        "description": "How often each career's main credential must be renewed, from the "
        "certifying body's page, next to what the article says.",
        "fields": _fields(
            "soc_code",
            "organization_code",
            "credential_code",
            "program_name",
            "recertification_cycle_months",
            "article_cycle_months",
            "source_url",
            "quote",
        ),
        "primaryKey": ["soc_code", "organization_code"],
        "foreignKeys": ["soc_code"],
        "sources": ["article", "secondary_facts"],
    },
    "article_lists": {
        "title": "Specializations and practice settings",
        "description": "The article's lists of specializations and practice settings, one "
        "item a row.",
        "fields": _fields("soc_code", "list_name", "item", "quote"),
        "primaryKey": ["soc_code", "list_name", "item"],
        "foreignKeys": ["soc_code"],
        "sources": ["article"],
    },
    "licensure": {
        "title": "State licensure of clinical laboratory personnel, by source",
        "description": "Every state, DC and Puerto Rico, with one column per source saying "
        "whether it lists the jurisdiction as licensing laboratory personnel. The sources "
        "disagree on Georgia and Rhode Island; both views are kept.",
        "fields": _fields(
            "state_code",
            "state_fips",
            "state_name",
            "is_listed_article",
            "is_listed_ascls",
            "other_list_source_url",
            "licensure_agreement",
        ),
        "primaryKey": ["state_code"],
        "sources": ["article", "secondary_facts", "us_states"],
    },
    "cpi": {
        "title": "Consumer Price Index for All Urban Consumers (CPI-U), monthly and annual",
        "description": "BLS's CPI-U, all items, U.S. city average, not seasonally adjusted "
        "(CUUR0000SA0), every month and annual average from 2014 to the newest month the "
        "pinned cpi package bundles. The package's database has no October 2025 value for "
        "this series (it has one for some other series): that month is absent here, never "
        "imputed. careerstats converts wages between May releases "
        "with the ratio of two May values.",
        "fields": _fields("series_id", "year", "period", "month", "index_value"),
        "primaryKey": ["series_id", "year", "period"],
        "sources": ["cpi_u"],
    },
    "price_parities": {
        "title": "BEA regional price parities: states, metro areas and state portions",
        "description": "All-items parities and their components, U.S. = 100, for the nation, "
        "the states and DC (SARPP, 2008-2023), metropolitan statistical areas (MARPP, "
        "2008-2024) and each state's metropolitan and nonmetropolitan portions (PARPP, "
        "2008-2024). No territory has a parity.",
        "fields": _fields(
            "bea_table",
            "geo_fips",
            "geo_name",
            "year",
            "rpp_all_items",
            "rpp_goods",
            "rpp_housing",
            "rpp_utilities",
            "rpp_other_services",
        ),
        "primaryKey": ["bea_table", "geo_fips", "year"],
        "sources": ["bea_sarpp", "bea_marpp", "bea_parpp"],
    },
    "program_charges": {
        "title": "IPEDS program charges, 2023-24, program reporters",
        "description": "Every program NCES's IC2023_PY lists for institutions that report "
        "charges by program (mostly career and technical schools): CIP code, tuition and "
        "fees and books for the whole program (the largest program's from IPEDS's CHG1PY3 and "
        "CHG4PY3), length. Community colleges, where most "
        "medical laboratory technician programs are, report by academic year (IC2023_AY, "
        "not available here), so this table says little about lab training costs.",
        "fields": _fields(
            "unitid",
            "program_number",
            "cip_code",
            "tuition_fees_usd",
            "books_supplies_usd",
            "program_length",
            "program_length_unit_code",
            "charges_reported_in",
        ),
        "primaryKey": ["unitid", "program_number"],
        "sources": ["ipeds_ic2023_py"],
    },
    "article_requirement_claims": {
        "title": "The article's claims about what each career requires",
        "description": "What the article says each career requires (a degree, a "
        "certification, a licence, skills, supervision), each claim the article's own words, "
        "found in its text. The article's words, not BLS's numbers; notebook 08 sets each "
        "beside BLS's Occupational Requirements Survey.",
        "fields": _fields("claim_id", "soc_code", "article_occupation", "article_heading", "quote"),
        "primaryKey": ["claim_id"],
        "foreignKeys": ["soc_code"],
        "sources": ["article"],
    },
    "requirements": {
        "title": "What employers require: BLS's Occupational Requirements Survey, 2018 and 2020",
        "description": "Every estimate of BLS's ORS 2018 workbook and 2020 (preliminary) "
        "workbook, one row per release and series: minimum education, credentials, prior "
        "experience, training, specific vocational preparation, cognitive and mental "
        "requirements (2020 only), physical demands and environmental conditions, each with "
        "BLS's standard error and footnotes. ORS's codes are not OEWS's: it publishes "
        "29-2011 and 29-2012 where OEWS publishes 29-2010, and the 2018 release uses "
        "O*NET-SOC 2010 codes (ors_soc_code is their 6-digit SOC 2010 code). These are the "
        "newest ORS releases available here, not the newest BLS has published.",
        "fields": _fields(
            "ors_release",
            "ors_series_id",
            "ors_soc_code",
            "ors_occupation_code",
            "ors_soc_system",
            "ors_occupation",
            "ors_requirement",
            "ors_group",
            "ors_category_code",
            "ors_category",
            "ors_additive_code",
            "ors_estimate_code",
            "ors_estimate_text",
            "ors_data_type",
            "ors_estimate",
            "ors_estimate_upper_bound",
            "ors_standard_error",
            "ors_standard_error_upper_bound",
            "ors_data_footnotes",
            "ors_estimate_note",
            "ors_standard_error_note",
            "ors_series_note",
        ),
        "primaryKey": ["ors_release", "ors_series_id"],
        "sources": ["ors_2020", "ors_2018"],
        "compression": "gz",
    },
}

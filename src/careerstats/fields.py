"""The data dictionary: every column of every table careerstats writes, described once.

Plain data, in the spirit of PUDL's ``fields``: a column's name carries its statistic and
unit (``annual_wage_median``, ``employment_change_pct``), and the same quantity has the
same name in every table. ``datapackage.json`` is generated from this module, and the
loaders validate every CSV against that descriptor.
"""

from __future__ import annotations

SOC_PATTERN = r"^\d{2}-\d{4}$"

FIELDS: dict[str, dict] = {
    # --- identifiers -------------------------------------------------------------------
    "soc_code": {
        "type": "string",
        "description": "Standard Occupational Classification code as BLS prints it (NN-NNNN).",
        "constraints": {"required": True, "pattern": SOC_PATTERN},
    },
    "occupation_title": {
        "type": "string",
        "description": "BLS's title for the occupation.",
        "constraints": {"required": True},
    },
    "soc_level": {
        "type": "string",
        "description": "Level of the SOC code in BLS's hierarchy.",
        "constraints": {"required": True, "enum": ["total", "major", "minor", "broad", "detailed"]},
    },
    "first_release": {
        "type": "string",
        "description": "First release in data/ that publishes this code, e.g. 'May 2015'.",
        "constraints": {"required": True},
    },
    "last_release": {
        "type": "string",
        "description": "Latest release in data/ that publishes this code, e.g. 'May 2025'.",
        "constraints": {"required": True},
    },
    # --- the article -------------------------------------------------------------------
    "claim_id": {
        "type": "string",
        "description": "Stable identifier of one figure the article states.",
        "constraints": {"required": True, "pattern": r"^[a-z0-9_]+$"},
    },
    "article_occupation": {
        "type": "string",
        "description": "The article's own name for the career (its column heading).",
        "constraints": {
            "required": True,
            "enum": ["Certified Medical Assistant", "Medical Lab Technician"],
        },
    },
    "row_label": {
        "type": "string",
        "description": "The row of the article's side-by-side table, in the article's words.",
        "constraints": {"required": True},
    },
    "section": {
        "type": "string",
        "description": "The heading the row sits under in the article's table.",
        "constraints": {"required": True},
    },
    "row_order": {
        "type": "integer",
        "description": "Position of the row in the article's table, from 1.",
        "constraints": {"required": True, "minimum": 1},
    },
    "claimed_measure": {
        "type": "string",
        "description": "What the article says the figure is, as a careerstats measure name.",
        "constraints": {
            "required": True,
            "enum": [
                "employment",
                "annual_wage_median",
                "hourly_wage_median",
                "employment_change_pct",
                "employment_change",
            ],
        },
    },
    "article_label": {
        "type": "string",
        "description": "The article's label for the figure, verbatim.",
        "constraints": {"required": True},
    },
    "value": {
        "type": "number",
        "description": "The figure as the article states it (unit in `unit`).",
        "constraints": {"required": True},
    },
    "unit": {
        "type": "string",
        "description": "Unit of `value`.",
        "constraints": {
            "required": True,
            "enum": ["jobs", "usd_per_year", "usd_per_hour", "percent"],
        },
    },
    "period_wording": {
        "type": "string",
        "description": "The article's wording of the period the figure refers to; empty where "
        "the article gives none.",
    },
    "cited_source": {
        "type": "string",
        "description": "The source the article cites for its table.",
        "constraints": {"required": True},
    },
    "is_citation_in_row": {
        "type": "boolean",
        "description": "True where the table row itself names the cited source; otherwise "
        "the citation is the one the table gives in its first row.",
        "constraints": {"required": True},
    },
    "quote": {
        "type": "string",
        "description": "The article's words the value was read from, verbatim.",
        "constraints": {"required": True},
    },
    "cell_text": {
        "type": "string",
        "description": "The table cell, verbatim (bullets joined by '; ').",
    },
    "is_cell_empty": {
        "type": "boolean",
        "description": "True where the cell promises content (e.g. a list of schools) and "
        "gives none, or gives text that does not answer its row.",
        "constraints": {"required": True},
    },
    "gap_note": {
        "type": "string",
        "description": "careerstats' note on what the cell lacks; empty where nothing is "
        "missing.",
    },
    # --- credentials -------------------------------------------------------------------
    "organization_code": {
        "type": "string",
        "description": "Acronym of the organization.",
        "constraints": {"required": True, "pattern": r"^[A-Z]{2,7}$"},
    },
    "organization_name": {
        "type": "string",
        "description": "Full name of the organization as the article spells it.",
        "constraints": {"required": True},
    },
    "organization_role": {
        "type": "string",
        "description": "What the organization does in the article's account.",
        "constraints": {
            "required": True,
            "enum": [
                "certifying body",
                "programmatic accreditor",
                "recognizes accreditors",
            ],
        },
    },
    "credential_code": {
        "type": "string",
        "description": "Acronym of the credential; empty where the article names only the "
        "certifying body.",
    },
    "credential_name": {
        "type": "string",
        "description": "Full name of the credential as the article spells it.",
    },
    "award": {
        "type": "string",
        "description": "Kind of award a program leads to; 'any' where the article speaks of "
        "programs in general.",
        "constraints": {
            "required": True,
            "enum": ["certificate", "associate", "bachelor", "any"],
        },
    },
    "program_length_years_min": {
        "type": "number",
        "description": "Shortest typical program length the article gives, in years.",
        "unit": "years",
        "constraints": {"minimum": 0},
    },
    "program_length_years_max": {
        "type": "number",
        "description": "Longest typical program length the article gives, in years.",
        "unit": "years",
        "constraints": {"minimum": 0},
    },
    "semester_hours_min": {
        "type": "integer",
        "description": "Minimum semester hours the article gives for the program.",
        "unit": "semester hours",
        "constraints": {"minimum": 0},
    },
    "is_eligible_route_to_certification": {
        "type": "boolean",
        "description": "True where the article says the award makes a graduate eligible to "
        "sit for certification.",
        "constraints": {"required": True},
    },
    "recertification_cycle_months": {
        "type": "integer",
        "description": "How often the credential must be renewed, in months, from the "
        "certifying body's own page.",
        "unit": "months",
        "constraints": {"required": True, "minimum": 1},
    },
    "article_cycle_months": {
        "type": "integer",
        "description": "The cycle the article states, converted to months.",
        "unit": "months",
        "constraints": {"required": True, "minimum": 1},
    },
    "program_name": {
        "type": "string",
        "description": "The maintenance or recertification program.",
        "constraints": {"required": True},
    },
    "source_url": {
        "type": "string",
        "description": "Web address of the page the fact comes from.",
        "constraints": {"required": True, "pattern": r"^https?://\S+$"},
    },
    "list_name": {
        "type": "string",
        "description": "Which of the article's lists the item comes from.",
        "constraints": {"required": True, "enum": ["specialization", "practice_setting"]},
    },
    "item": {
        "type": "string",
        "description": "One item of the list, in the article's words.",
        "constraints": {"required": True},
    },
    # --- places ------------------------------------------------------------------------
    "state_code": {
        "type": "string",
        "description": "U.S. Postal Service abbreviation of the state or territory.",
        "constraints": {"required": True, "pattern": r"^[A-Z]{2}$"},
    },
    "state_fips": {
        "type": "string",
        "description": "Two-digit FIPS code of the state or territory.",
        "constraints": {"required": True, "pattern": r"^\d{2}$"},
    },
    "state_name": {
        "type": "string",
        "description": "Name of the state or territory.",
        "constraints": {"required": True},
    },
    "is_listed_article": {
        "type": "boolean",
        "description": "The article lists the jurisdiction as requiring licensure.",
        "constraints": {"required": True},
    },
    "is_listed_ascls": {
        "type": "boolean",
        "description": "ASCLS's licensure page lists the jurisdiction as licensing "
        "laboratory personnel.",
        "constraints": {"required": True},
    },
    "other_list_source_url": {
        "type": "string",
        "description": "Another list that names the jurisdiction while the ASCLS page does "
        "not (the disputed cases); empty otherwise.",
    },
    "licensure_agreement": {
        "type": "string",
        "description": "How the sources compare for this jurisdiction.",
        "constraints": {
            "required": True,
            "enum": ["all list it", "none list it", "sources disagree"],
        },
    },
}


def _fields(*names: str) -> list[dict]:
    return [{"name": n, **FIELDS[n]} for n in names]


#: Every table careerstats writes to data/, with its key and its sources.
RESOURCES: dict[str, dict] = {
    "occupations": {
        "title": "SOC occupations published by OEWS",
        "description": "Every occupation code that the OEWS releases in data/raw publish, "
        "with BLS's title and level. Other tables' soc_code must appear here.",
        "fields": _fields("soc_code", "occupation_title", "soc_level"),
        "primaryKey": ["soc_code"],
        "sources": ["oews_flat_2025"],
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
        "unitRanges": {"percent": [-100, 1000], "jobs": [0, None],
                       "usd_per_year": [0, None], "usd_per_hour": [0, None]},
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
}

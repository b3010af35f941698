"""The columns of the article's tables and of the credentials it names: part of the column
dictionary (:mod:`.dictionary`), kept apart because they describe the article's words and
the certifying bodies' pages, not BLS's figures."""

from __future__ import annotations

ARTICLE_FIELDS: dict[str, dict] = {
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
    "article_heading": {
        "type": "string",
        "description": "The heading of the article's paragraph the words are in, or "
        "'(the article's opening)'.",
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
        "description": "careerstats' note on what the cell lacks; empty where nothing is missing.",
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
}

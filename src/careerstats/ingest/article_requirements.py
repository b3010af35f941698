"""The article's claims about what each career requires (education, certification,
licensing, skills, supervision), each one the article's own words, found in its text.

These are the article's words, kept apart from BLS's numbers: notebook 08 sets each
beside BLS's Occupational Requirements Survey. A claim whose words are no longer in the
article (a changed article) fails the build, naming the claim and the words expected.
"""

from __future__ import annotations

import pandas as pd

from .article import CAREERS, LAB, MA, article_error

#: claim id -> (the career's SOC code, the paragraph's heading, the article's words).
#: A heading of None is the article's opening, which has none.
REQUIREMENT_CLAIMS: dict[str, tuple[str, str | None, str]] = {
    "ma_degree": (
        MA,
        "Degree requirements",
        "Certified medical assistants must possess a degree from a program accredited by a "
        "body recognized by the United States Department of Education",
    ),
    "lab_associate_degree": (
        LAB,
        "Degree requirements",
        "Medical lab technicians typically have an associate’s degree to work in this field",
    ),
    "ma_certification": (
        MA,
        None,
        "certified medical assistants must obtain certification through the American "
        "Association of Medical Assistants or a similar certifying agency",
    ),
    "ma_licensing": (
        MA,
        "Licensing",
        "an aspiring certified medical assistant will likely need to complete an accredited "
        "medical assisting program and obtain certification through AAMA in order to become "
        "licensed",
    ),
    "lab_less_interpersonal": (
        LAB,
        "Skills necessary for success",
        "Medical lab technicians may not have as much interpersonal communication as "
        "certified medical assistants",
    ),
    "lab_attention_to_detail": (
        LAB,
        "Skills necessary for success",
        "they must have extremely strong attention to detail",
    ),
    "lab_routine_tasks": (
        LAB,
        "Skills necessary for success",
        "they perform routine tasks daily",
    ),
    "lab_supervision": (
        LAB,
        "Practice framework",
        "A medical lab technician will most often work under the supervision of a "
        "technologist or a lab manager",
    ),
}


def requirement_claims(text: str) -> pd.DataFrame:
    """Each claim of :data:`REQUIREMENT_CLAIMS`, checked to be in the article's text (in
    the paragraph its heading names): claim_id, soc_code, article_occupation,
    article_heading, quote."""
    lines = text.splitlines()
    rows = []
    for claim_id, (soc, heading, quote) in REQUIREMENT_CLAIMS.items():
        found = [line for line in lines if quote in line]
        if not found:
            raise article_error(f"claim {claim_id!r}", f"expected the words {quote!r}")
        if heading is not None and not found[0].startswith(f"{heading} "):
            raise article_error(
                f"claim {claim_id!r}", f"expected its words in the paragraph headed {heading!r}"
            )
        rows.append(
            {
                "claim_id": claim_id,
                "soc_code": soc,
                "article_occupation": CAREERS[soc],
                "article_heading": heading or "(the article's opening)",
                "quote": quote,
            }
        )
    return pd.DataFrame(rows)

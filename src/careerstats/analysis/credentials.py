"""Credentials and entry requirements: certifications, renewals and BLS's entry categories."""

from __future__ import annotations

import pandas as pd

from ..errors import CareerStatsError
from ._common import require_projected


def credentials_table(credentials: pd.DataFrame, organizations: pd.DataFrame) -> pd.DataFrame:
    """Each certification with the full name of the body that awards it."""
    names = organizations.drop_duplicates("organization_code").set_index("organization_code")[
        "organization_name"
    ]
    out = credentials.assign(certifying_body=credentials["organization_code"].map(names))
    return out[
        ["soc_code", "credential_code", "credential_name", "organization_code", "certifying_body"]
    ]


def entry_requirements(projections: pd.DataFrame, socs) -> pd.DataFrame:
    """BLS's entry categories (education, experience, training) in one cycle."""
    socs = require_projected(projections, socs)
    rows = projections.set_index("soc_code").loc[socs]
    return rows[
        ["cycle", "occupation_title", "typical_education", "work_experience", "on_the_job_training"]
    ]


def renewals(cycle_months: int, years: int) -> list[int]:
    """Months after certification at which a credential renewed every ``cycle_months`` is
    due, within a career of ``years`` years."""
    if cycle_months <= 0 or years <= 0:
        raise CareerStatsError(f"renewals({cycle_months}, {years}) — expected positive numbers")
    return list(range(cycle_months, years * 12 + 1, cycle_months))


def renewal_schedule(recertification: pd.DataFrame, years: int = 15) -> pd.DataFrame:
    """One row per renewal due within ``years`` years, per credential."""
    rows = []
    for _, r in recertification.iterrows():
        for k, month in enumerate(renewals(int(r["recertification_cycle_months"]), years), 1):
            rows.append(
                {
                    "soc_code": r["soc_code"],
                    "program_name": r["program_name"],
                    "renewal": k,
                    "month": month,
                    "year": month / 12,
                }
            )
    return pd.DataFrame(rows)

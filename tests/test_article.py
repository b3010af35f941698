"""The article's tables, read from its text: the figures are the article's own words."""

import pandas as pd
import pytest

from careerstats import CareerStatsError, load_table, paths
from careerstats.ingest import article
from careerstats.occupations import CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS as LAB
from careerstats.occupations import MEDICAL_ASSISTANTS as MA

TEXT = article.read_article(paths.RAW_DIR)


def test_claims_are_the_articles_figures():
    claims = load_table("article_claims").set_index("claim_id")
    expected = {
        "ma_employment": (720_900, "jobs"),
        "lab_employment": (335_500, "jobs"),
        "ma_annual_wage_median": (38_190, "usd_per_year"),
        "ma_hourly_wage_median": (18.36, "usd_per_hour"),
        "lab_annual_wage_median": (56_910, "usd_per_year"),
        "lab_hourly_wage_median": (27.36, "usd_per_hour"),
        "ma_employment_change_pct": (18, "percent"),
        "lab_employment_change_pct": (11, "percent"),
        "ma_employment_change": (132_600, "jobs"),
        "lab_employment_change": (36_500, "jobs"),
    }
    got = {k: (v, u) for k, v, u in zip(claims.index, claims["value"], claims["unit"], strict=True)}
    assert got == expected
    assert set(claims["cited_source"]) == {"BLS (2021)"}
    assert claims.loc["ma_employment_change_pct", "period_wording"] == "2020-2030"
    assert claims.loc["ma_employment_change", "period_wording"] == "by 2030"


def test_every_quote_is_verbatim_in_the_article():
    flat = " ".join(line.strip() for line in TEXT.splitlines() if line.strip())
    for name in (
        "article_claims",
        "credentials",
        "education_programs",
        "recertification",
        "article_lists",
    ):
        for quote in load_table(name)["quote"]:
            assert quote in flat, (name, quote)


def test_the_table_has_all_rows_for_both_careers():
    cells = load_table("article_table")
    assert cells["row_order"].nunique() == 17
    assert cells.groupby("row_order")["soc_code"].apply(set).eq({MA, LAB}).all()


def test_gaps_are_noted_not_filled():
    cells = load_table("article_table")
    empty = cells[cells["is_cell_empty"]]
    assert len(empty) == 4
    assert set(empty["row_label"]) == {
        "Three schools that offer in-person programs",
        "Three schools that offer online programs",
    }
    online_lab = empty[(empty["soc_code"] == LAB) & empty["row_label"].str.contains("online")]
    assert "on campus" in online_lab["cell_text"].item()
    assert "online" in online_lab["gap_note"].item()


def test_certifications_and_bodies():
    cred = load_table("credentials")
    ma = cred[cred["soc_code"] == MA]
    assert list(ma["credential_code"]) == ["CMA", "RMA", "NCMA", "CCMA", "CMAA"]
    assert list(ma["organization_code"]) == ["AAMA", "AMT", "NCCT", "NHA", "NHA"]
    assert set(cred.loc[cred["soc_code"] == LAB, "organization_code"]) == {"ASCP", "AMT", "AAB"}
    orgs = load_table("organizations")
    accreditors = set(orgs.loc[orgs["organization_role"] != "certifying body", "organization_code"])
    assert accreditors == {"CAAHEP", "ABHES", "NAACLS", "USDE", "CHEA"}


def test_programs_and_recertification():
    prog = load_table("education_programs").set_index(["soc_code", "award"])
    assert prog.loc[
        (MA, "any"), ["program_length_years_min", "program_length_years_max"]
    ].tolist() == [1, 2]
    assert prog.loc[(LAB, "associate"), "semester_hours_min"] == 60
    recert = load_table("recertification").set_index("soc_code")
    assert recert.loc[MA, "recertification_cycle_months"] == 60
    assert recert.loc[LAB, "recertification_cycle_months"] == 36
    assert (recert["recertification_cycle_months"] == recert["article_cycle_months"]).all()


def test_licensure_keeps_the_disagreement():
    lic = load_table("licensure").set_index("state_code")
    assert len(lic) == 52
    assert lic["is_listed_article"].sum() == 13
    assert lic["is_listed_ascls"].sum() == 11
    disagree = lic[lic["licensure_agreement"] == "sources disagree"].index
    assert sorted(disagree) == ["GA", "RI"]
    assert lic.loc["PR", "licensure_agreement"] == "all list it"


def test_lists():
    lists = load_table("article_lists")
    spec = lists[(lists["soc_code"] == MA) & (lists["list_name"] == "specialization")]
    assert len(spec) == 11 and "Transplantation surgery" in set(spec["item"])
    assert set(
        lists.loc[(lists["soc_code"] == LAB) & (lists["list_name"] == "specialization"), "item"]
    ) == {"phlebotomy", "histotechnology"}


def test_a_changed_article_fails_loudly(tmp_path):
    raw = tmp_path / "raw"
    (raw / "article").mkdir(parents=True)
    (raw / article.ARTICLE_FILE).write_text(
        (paths.RAW_DIR / article.ARTICLE_FILE).read_text().replace("(median pay)", "(pay)")
    )
    with pytest.raises(ValueError, match=r"row 'Pay'.*did not match"):
        article.claims(article.read_article(raw))


def test_compare_article_table_shape():
    from careerstats.analysis.claims import article_table

    table = article_table(load_table("article_table"))
    assert isinstance(table, pd.DataFrame) and table.shape == (17, 2)


@pytest.mark.parametrize(
    "old, new, reader, where",
    [
        (
            "programs take",
            "programs last",
            "education_programs",
            "row 'Program details', Certified Medical Assistant",
        ),
        (
            "earning a bachelor’s degree may improve",
            "a bachelor’s may help",
            "education_programs",
            "row 'Degree requirements', Medical Lab Technician",
        ),
        (
            "in a field like",
            "in fields such as",
            "lists",
            "row 'Specializations', Medical Lab Technician",
        ),
        (
            "only required in the following states",
            "required in these states",
            "licensure_list",
            "row 'Licensing', Medical Lab Technician",
        ),
        (
            "after a period of",
            "every",
            "recertification_article",
            "row 'Re-certification', Medical Lab Technician",
        ),
    ],
    ids=["program-length", "bachelor", "lab-specializations", "licensure-list", "recert-cycle"],
)
def test_a_missing_passage_is_named(tmp_path, old, new, reader, where):
    """Every pattern read from the article is checked: a changed article fails with the
    file, the row and the passage expected, never an AttributeError on None."""
    text = (paths.RAW_DIR / article.ARTICLE_FILE).read_text()
    assert old in text
    raw = tmp_path / "raw"
    (raw / "article").mkdir(parents=True)
    (raw / article.ARTICLE_FILE).write_text(text.replace(old, new))
    with pytest.raises(CareerStatsError) as failed:
        getattr(article, reader)(article.read_article(raw))
    message = str(failed.value)
    assert message.startswith(article.ARTICLE_FILE) and where in message
    assert "expected a passage matching" in message

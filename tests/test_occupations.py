import pytest

from careerstats import CareerStatsError, load_table, normalize_soc
from careerstats import occupations as occ


@pytest.mark.parametrize("raw", ["319092", "31-9092", " 31-9092 ", '="31-9092"'])
def test_normalize(raw):
    assert normalize_soc(raw) == "31-9092"


@pytest.mark.parametrize("raw", ["3190", "31_9092", "", "medical assistants"])
def test_normalize_rejects(raw):
    with pytest.raises(CareerStatsError, match="expected 'NN-NNNN'"):
        normalize_soc(raw)


def test_named_constants_are_bls_codes_and_titles():
    titles = load_table("occupations").set_index("soc_code")["occupation_title"]
    assert titles[occ.MEDICAL_ASSISTANTS] == "Medical Assistants"
    assert titles[occ.CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS] == (
        "Clinical Laboratory Technologists and Technicians"
    )
    assert titles[occ.PHLEBOTOMISTS] == "Phlebotomists"
    assert titles[occ.PHARMACY_TECHNICIANS] == "Pharmacy Technicians"
    assert titles[occ.ALL_OCCUPATIONS] == "All Occupations"

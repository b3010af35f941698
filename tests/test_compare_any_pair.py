"""compare(): any two occupations in any area, and its JSON contract."""

import io
import json

import pandas as pd
import pytest

from careerstats import CareerStatsError, UnknownCodeError, cli, compare, load_table, paths
from careerstats.analysis.areas import resolve


@pytest.fixture(scope="module")
def areas():
    return load_table("areas")


@pytest.mark.parametrize(
    "text, code",
    [
        ("US", "0000000"),
        ("national", "0000000"),
        ("CA", "0600000"),
        ("ca", "0600000"),
        ("California", "0600000"),
        ("06", "0600000"),
        ("6", "0600000"),
        ("0600000", "0600000"),
        ("PR", "7200000"),
        ("Guam", "6600000"),
        ("0031080", "0031080"),
        ("31080", "0031080"),
        ("Los Angeles-Long Beach-Anaheim, CA", "0031080"),
        ("Abilene", "0010180"),
    ],
)
def test_area_forms(areas, text, code):
    assert resolve(text, areas).code == code


def test_unknown_area_lists_close_matches(areas):
    with pytest.raises(
        UnknownCodeError,
        match=r"unknown area 'Californa'; close matches: "
        r"California",
    ):
        resolve("Californa", areas)


def test_ambiguous_metro_name(areas):
    with pytest.raises(CareerStatsError, match=r"names .* areas"):
        resolve("Springfield", areas)


def test_national_figures_are_blss(tmp_path):
    r = compare("31-9092", "29-2010")
    a, b = r["occupations"]
    # BLS, OEWS May 2025 national annual medians
    assert (a["annual_wage_median"], b["annual_wage_median"]) == (45_690, 62_930)
    assert r["gap"]["annual_wage_median"] == 17_240
    assert r["gap"]["annual_wage_median_pct"] == pytest.approx(17_240 / 45_690 * 100)
    assert a["projection"]["cycle"] == "2024-34"


def test_earlier_year():
    r = compare("31-9092", "29-2010", year=2019)
    assert r["release"] == "May 2019"
    assert r["occupations"][0]["annual_wage_median"] == 34_800  # BLS, May 2019


def test_unknown_code_and_year():
    with pytest.raises(
        UnknownCodeError,
        match=r"unknown SOC code '31-9098'; close matches: "
        r"31-9099 \(Healthcare Support Workers, All Other\), 31-9097 "
        r"\(Phlebotomists\)",
    ):
        compare("31-9098", "29-2010", area="CA")
    with pytest.raises(
        UnknownCodeError,
        match=r"unknown year '2019'.*state data cover "
        "2025-2025",
    ):
        compare("31-9092", "29-2010", area="CA", year=2019)


def test_topcoded_values_are_named():
    r = compare("29-1211", "31-9092", area="0011260")
    anesth = r["occupations"][0]
    assert "hourly_wage_mean" in anesth["topcoded_fields"]
    assert anesth["hourly_wage_mean"] == 115.0  # the cap: a lower bound


COMPARE_SCHEMA = json.loads((paths.ROOT / "docs" / "compare.schema.json").read_text())


@pytest.mark.parametrize(
    "args",
    [("31-9092", "29-2010", "CA"), ("29-1211", "31-9092", "0011260"), ("31-9097", "29-2052", "US")],
)
def test_result_follows_the_documented_schema(args):
    import jsonschema

    a, b, area = args
    jsonschema.validate(json.loads(compare(a, b, area=area).to_json()), COMPARE_SCHEMA)


def test_cli_json_contract(capsys):
    assert cli.main(["compare", "31-9092", "29-2010", "--area", "CA", "--format", "json"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert r["schema"] == "careerstats.compare" and r["schema_version"] == 6
    need = r["requirements"]
    assert need["release"] == "ORS 2020 preliminary" and need["groups"] == [
        "education",
        "credentials",
        "experience",
    ]
    ma, lab = need["occupations"]
    assert [p["ors_soc_code"] for p in lab["parts"]] == ["29-2011", "29-2012"]
    hs = next(e for e in ma["parts"][0]["estimates"] if e["ors_estimate_code"] == "00076")
    assert (hs["value"], hs["standard_error"]) == (70.1, 7.1)  # BLS's ORS 2020 workbook
    assert hs["ci90"] == [58.42, 81.78]  # 70.1 -/+ 1.645 x 7.1, to the hundredth
    assert any("Occupational Requirements Survey, 2020" in s["title"] for s in r["sources"])
    assert r["release"] == "May 2025" and r["year"] == 2025
    assert r["area"] == {
        "area_code": "0600000",
        "area_title": "California",
        "area_type": "state",
        "price_parity_note": "the state's parity",
    }
    assert [o["soc_code"] for o in r["occupations"]] == ["31-9092", "29-2010"]
    table = load_table("oews_state")
    described = set(table.columns)
    state = table.set_index(["area_code", "soc_code"])
    for o in r["occupations"]:
        # every key is a column of the table read, or one derived from them
        derived = {
            "projection",
            "employment_ci90",
            "annual_wage_mean_ci90",
            "reliable",
            "price_parity",
            "annual_wage_median_cost_adjusted",
        }
        assert set(o) - derived <= described
        row = state.loc[("0600000", o["soc_code"])]
        for key in set(o) - derived - {"topcoded_fields", "soc_code"}:
            assert o[key] == (None if pd.isna(row[key]) else row[key]), key
        assert set(o["projection"]) <= set(load_table("projections").columns)
    assert r["gap"]["annual_wage_median"] == (
        r["occupations"][1]["annual_wage_median"] - r["occupations"][0]["annual_wage_median"]
    )
    assert [s["release"] for s in r["sources"]][:2] == [
        "May 2025",
        "Employment Projections 2024-34",
    ]
    assert "SARPP" in r["sources"][2]["title"]


def test_release_is_the_one_read_not_a_constant():
    r = compare("31-9092", "29-2010", area="US", year=2021)
    assert r["release"] == "May 2021" and r["year"] == 2021
    assert r["occupations"][0]["annual_wage_median"] == 37_190  # BLS, May 2021 national
    assert r["sources"][0]["release"] == "May 2021"
    assert "oesm21nat" in r["sources"][0]["path"]


def test_a_pair_of_one_code_is_refused():
    with pytest.raises(CareerStatsError, match="with itself"):
        compare("31-9092", "319092")


def test_cli_table_format(capsys):
    assert cli.main(["compare", "31-9092", "29-2010", "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "annual_wage_median" in out and "45,690" in out


def test_cli_csv_names_area_and_release_and_writes_whole_numbers(capsys):
    assert cli.main(["compare", "31-9092", "29-2010", "--area", "CA", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    frame = pd.read_csv(io.StringIO(out), dtype=str, keep_default_na=False)
    assert set(frame["release"]) == {"May 2025"} and set(frame["area_code"]) == {"0600000"}
    assert set(frame["area_title"]) == {"California"}
    mean = frame.set_index("measure").loc["annual_wage_mean"]
    assert mean["31-9092"] == "55100"  # BLS: California medical assistants, May 2025 mean
    assert ".0," not in out and "[" not in out  # no 55100.0, intervals as _low/_high rows
    assert {"annual_wage_mean_ci90_low", "annual_wage_mean_ci90_high"} <= set(frame["measure"])


@pytest.mark.parametrize("code", ["29-2011", "29-2012"])
def test_retired_codes_say_when_and_what_replaced_them(code, capsys):
    assert cli.main(["compare", code, "31-9092"]) == 2
    err = capsys.readouterr().err
    assert "retired" in err and "last published it in May 2016" in err
    assert "29-2010 (Clinical Laboratory Technologists and Technicians)" in err
    assert "close matches" not in err


def test_cli_error_exit_code(capsys):
    assert cli.main(["compare", "31-9092", "29-2010", "--area", "Atlantis"]) == 2
    assert "unknown area 'Atlantis'" in capsys.readouterr().err


def test_new_york_intervals_and_cost_of_living():
    """Issue 9's example: the cost-adjusted medians and the intervals, from BLS's RSEs and
    BEA's 2023 New York parity."""
    r = compare("31-9092", "29-2010", area="NY")
    ma, lab = r["occupations"]
    parity = (
        load_table("price_parities")
        .query("bea_table == 'SARPP' and geo_fips == '36000' and year == 2023")["rpp_all_items"]
        .item()
    )
    assert ma["price_parity"] == {
        "bea_table": "SARPP",
        "year": 2023,
        "value": parity,
        "label": "2023 state price parities",
    }
    assert ma["annual_wage_median_cost_adjusted"] == round(48_000 / (parity / 100), 2)
    low, high = ma["annual_wage_mean_ci90"]
    assert low < ma["annual_wage_mean"] < high
    assert high - ma["annual_wage_mean"] == pytest.approx(
        1.6448536 * ma["annual_wage_mean"] * ma["wage_rse_pct"] / 100, abs=0.01
    )
    g_low, g_high = r["gap"]["annual_wage_mean_ci90"]
    assert g_low < r["gap"]["annual_wage_mean"] < g_high
    assert r["gap"]["annual_wage_median_cost_adjusted"] == pytest.approx(
        lab["annual_wage_median_cost_adjusted"] - ma["annual_wage_median_cost_adjusted"], abs=0.01
    )


def test_no_parity_for_the_nation_or_a_territory():
    national = compare("31-9092", "29-2010")
    assert national["occupations"][0]["price_parity"] is None
    pr = compare("31-9092", "29-2010", area="PR")
    assert pr["occupations"][0]["annual_wage_median_cost_adjusted"] is None
    assert "territories" in pr["area"]["price_parity_note"]


def test_compare_lists_where_each_occupation_works():
    r = compare("31-9092", "29-2010", area="CA")
    where = r["industries"]
    assert where["naics_level"] == "4-digit" and where["top"] == 5
    assert "nation only" in where["scope"]
    rows = where["rows"]
    assert [x["soc_code"] for x in rows] == ["31-9092"] * 5 + ["29-2010"] * 5
    # BLS, May 2025 national industry estimates: medical assistants in offices of
    # physicians; lab staff in general medical and surgical hospitals
    assert (rows[0]["industry_code"], rows[0]["employment"]) == ("621100", 452_150)
    assert (rows[5]["industry_code"], rows[5]["employment"]) == ("622100", 146_970)

"""fetch-oews against a local HTTP server on 127.0.0.1 serving fixtures; never the internet."""

import pytest

from careerstats import CareerStatsError
from careerstats.ingest.fetch import FILES, fetch_oews
from conftest import FLAT_FIXTURE, BLSLike

FIXTURE = FLAT_FIXTURE


def test_fetch_writes_every_file_verbatim(server, tmp_path):
    written = fetch_oews(tmp_path / "oe", contact="me@example.org", base_url=server, deadline=10)
    assert sorted(p.name for p in written) == sorted(FILES)
    for name in FILES:
        assert (tmp_path / "oe" / name).read_bytes() == (FIXTURE / name).read_bytes()
    assert sorted(p.name for p in (tmp_path / "oe").iterdir()) == sorted(FILES)


def test_contact_from_the_environment(server, tmp_path, monkeypatch):
    monkeypatch.setenv("CAREERSTATS_CONTACT", "env@example.org")
    assert len(fetch_oews(tmp_path, base_url=server, deadline=10)) == len(FILES)


def test_no_contact_is_refused_before_any_request(tmp_path, monkeypatch):
    monkeypatch.delenv("CAREERSTATS_CONTACT", raising=False)
    with pytest.raises(CareerStatsError, match="expected an e-mail address"):
        fetch_oews(tmp_path, base_url="http://127.0.0.1:9/")


@pytest.mark.parametrize(
    "behaviour, expected",
    [
        ({"truncate": "oe.data.0.Current"}, "expected the whole file|download failed"),
        ({"missing": "oe.footnote"}, "HTTP 404"),
    ],
)
def test_failures_leave_no_partial_files(server, tmp_path, behaviour, expected):
    BLSLike.behaviour = behaviour
    out = tmp_path / "oe"
    with pytest.raises(CareerStatsError, match=expected):
        fetch_oews(out, contact="me@example.org", base_url=server, deadline=10)
    assert list(tmp_path.iterdir()) == [], "nothing written, no staging folder left"


def test_403_explains_the_contact_rule(server, tmp_path, monkeypatch):
    import careerstats.ingest.fetch as fetch

    monkeypatch.setattr(fetch, "user_agent", lambda contact: "python-urllib")
    with pytest.raises(CareerStatsError, match=r"HTTP 403.*names no contact"):
        fetch_oews(tmp_path, contact="me@example.org", base_url=server, deadline=10)

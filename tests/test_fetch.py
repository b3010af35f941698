"""fetch-oews against a local HTTP server on 127.0.0.1 serving fixtures; never the internet."""

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from careerstats import CareerStatsError
from careerstats.ingest.fetch import FILES, fetch_oews
from conftest import FLAT_FIXTURE

FIXTURE = FLAT_FIXTURE


class BLSLike(SimpleHTTPRequestHandler):
    """Serves the fixture folder; like BLS, answers 403 when the User-Agent names no
    contact. ``behaviour`` can cut a file short or drop one."""

    behaviour: ClassVar[dict] = {}

    def log_message(self, *args):  # keep test output clean
        pass

    def do_GET(self):
        agent = self.headers.get("User-Agent", "")
        if "@" not in agent:
            self.send_error(403, "Forbidden")
            return
        name = self.path.rsplit("/", 1)[-1]
        if self.behaviour.get("missing") == name:
            self.send_error(404, "Not Found")
            return
        if self.behaviour.get("truncate") == name:
            body = (FIXTURE / name).read_bytes()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.close_connection = True
            return
        self.path = "/" + name  # BLS's path /pub/time.series/oe/NAME -> fixture/NAME
        super().do_GET()


@pytest.fixture
def server():
    BLSLike.behaviour = {}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(BLSLike, directory=str(FIXTURE)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/pub/time.series/oe/"
    httpd.shutdown()
    httpd.server_close()


def test_fetch_writes_every_file_verbatim(server, tmp_path):
    written = fetch_oews(tmp_path / "oe", contact="me@example.org", base_url=server, timeout=10)
    assert sorted(p.name for p in written) == sorted(FILES)
    for name in FILES:
        assert (tmp_path / "oe" / name).read_bytes() == (FIXTURE / name).read_bytes()
    assert sorted(p.name for p in (tmp_path / "oe").iterdir()) == sorted(FILES)


def test_contact_from_the_environment(server, tmp_path, monkeypatch):
    monkeypatch.setenv("CAREERSTATS_CONTACT", "env@example.org")
    assert len(fetch_oews(tmp_path, base_url=server, timeout=10)) == len(FILES)


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
        fetch_oews(out, contact="me@example.org", base_url=server, timeout=10)
    assert list(tmp_path.iterdir()) == [], "nothing written, no staging folder left"


def test_403_explains_the_contact_rule(server, tmp_path, monkeypatch):
    import careerstats.ingest.fetch as fetch

    monkeypatch.setattr(fetch, "user_agent", lambda contact: "python-urllib")
    with pytest.raises(CareerStatsError, match=r"HTTP 403.*names no contact"):
        fetch_oews(tmp_path, contact="me@example.org", base_url=server, timeout=10)

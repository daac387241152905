"""Feeds from files and URLs fetched from a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsfuse.errors import FetchError
from newsfuse.ingest import read
from newsfuse.ingest.url import fetch

FIXTURES = Path(__file__).parents[1] / "fixtures"
PAGE = (
    b"<!doctype html><html><head><title>Ferry returns | Harbor Gazette</title>"
    b'<meta property="og:site_name" content="Harbor Gazette"></head><body><article>'
    b"<h1>Ferry returns</h1><p>Ferry service between the island and the mainland resumed on "
    b"Tuesday after a three-day suspension caused by the storm, the operator said.</p>"
    b"<p>All eight daily crossings will run as scheduled after inspections overnight.</p>"
    b"</article></body></html>"
)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        routes = {
            "/article": (200, "text/html; charset=utf-8", PAGE),
            "/feed": (200, "application/rss+xml", (FIXTURES / "feed_rss.xml").read_bytes()),
            "/big": (200, "text/plain", b"x" * 5000),
        }
        if self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/article")
            self.end_headers()
            return
        status, ctype, body = routes.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_read_rss_file_keeps_entry_metadata() -> None:
    res = read([FIXTURES / "feed_rss.xml"])
    assert len(res.articles) == 1 and not res.problems
    art = res.articles[0]
    assert art.title == "Ferry service resumes after storm" and art.outlet == "Harbor Gazette"
    assert art.published is not None and art.published.date().isoformat() == "2025-03-04"
    assert "eight daily crossings" in art.text and "<p>" not in art.text


def test_read_atom_file() -> None:
    art = read([FIXTURES / "feed_atom.xml"]).articles[0]
    assert art.byline == "Tom Becker" and art.url == "http://127.0.0.1/budget"
    assert "48 million" in art.text


def test_read_broken_feed_reports_problem(tmp_path: Path) -> None:
    p = tmp_path / "bad.xml"
    p.write_text('<?xml version="1.0"?><rss><channel><item><title>x</title></chann')
    res = read([p])
    assert not res.articles and str(p) in str(res.problems[0])


def test_fetch_follows_redirect_to_article(server: str) -> None:
    res = read([f"{server}/moved"])
    assert not res.problems
    art = res.articles[0]
    assert "three-day suspension" in art.text and art.outlet == "Harbor Gazette"
    assert art.source.endswith("/article")


def test_fetch_feed_url(server: str) -> None:
    res = read([f"{server}/feed"])
    assert [a.title for a in res.articles] == ["Ferry service resumes after storm"]


@pytest.mark.parametrize(
    ("path", "problem"), [("/missing", "HTTP 404"), ("/loop", "too many redirects")]
)
def test_fetch_errors_are_named_problems(server: str, path: str, problem: str) -> None:
    res = read([f"{server}{path}", FIXTURES / "feed_atom.xml"])
    assert len(res.articles) == 1
    assert problem in str(res.problems[0]) and path in str(res.problems[0])


def test_fetch_refuses_oversized_response(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSFUSE_MAX_INPUT_BYTES", "1000")
    with pytest.raises(FetchError, match="larger than 1000"):
        fetch(f"{server}/big")


def test_fetch_refuses_non_http_scheme() -> None:
    with pytest.raises(FetchError, match="only http"):
        fetch("file:///etc/passwd")

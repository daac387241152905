from __future__ import annotations

import json
from pathlib import Path

from newsfuse.ingest import read

BODY = (
    "The city council voted on Tuesday to expand the bus network to the northern suburbs. "
    "The plan adds twelve routes and will cost 40 million dollars over five years, officials said."
)


def test_read_jsonl_keeps_good_lines_and_reports_bad_ones(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    p.write_text(
        json.dumps({"id": "a1", "text": BODY, "title": "Buses", "published": "2020-05-01"})
        + "\n{not json\n"
        + json.dumps({"id": "a2"})
        + "\n"
        + json.dumps({"id": "a3", "text": BODY, "published": "not a date"})
        + "\n",
        encoding="utf-8",
    )
    res = read([p])
    assert [a.id for a in res.articles] == ["a1", "a3"]
    assert res.articles[0].published is not None and res.articles[0].published.year == 2020
    msgs = [str(e) for e in res.problems]
    assert any(m.startswith(f"{p}:2: invalid JSON") for m in msgs)
    assert any(m.startswith(f"{p}:3:") and "text" in m for m in msgs)
    assert any(m.startswith(f"{p}:4:") and "kept without a date" in m for m in msgs)


def test_read_jsonl_keeps_article_with_invalid_date_without_the_date(tmp_path: Path) -> None:
    p = tmp_path / "d.jsonl"
    p.write_text(json.dumps({"id": "x", "text": BODY, "published": "31/31/2020 noon"}) + "\n")
    res = read([p])
    assert [a.id for a in res.articles] == ["x"] and res.articles[0].published is None
    assert [type(e).__name__ for e in res.problems] == ["InputNote"]


def test_read_multinews_layout_splits_articles(tmp_path: Path) -> None:
    p = tmp_path / "story.txt"
    p.write_text(f"{BODY} ||||| Another outlet: {BODY} |||||", encoding="utf-8")
    res = read([p])
    assert len(res.articles) == 2 and not res.problems


def test_read_html_extracts_main_text_and_metadata(tmp_path: Path) -> None:
    page = f"""<!doctype html><html><head><title>Buses expand | Daily Planet</title>
    <meta property="og:site_name" content="Daily Planet">
    <meta name="author" content="Lois Lane">
    <meta property="article:published_time" content="2021-03-04T10:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Buses expand</h1><p>{BODY}</p><p>{BODY.replace("Tuesday", "Monday")}</p></article>
    <footer>Copyright Daily Planet. All rights reserved.</footer></body></html>"""
    p = tmp_path / "page.html"
    p.write_text(page, encoding="utf-8")
    res = read([p])
    assert not res.problems
    art = res.articles[0]
    assert "twelve routes" in art.text and "Home" not in art.text
    assert art.outlet == "Daily Planet" and art.byline == "Lois Lane"
    assert art.published is not None and art.published.date().isoformat() == "2021-03-04"


def test_read_html_without_article_reports_problem(tmp_path: Path) -> None:
    p = tmp_path / "empty.html"
    p.write_text("<!doctype html><html><body><nav><a href='/'>Home</a></nav></body></html>")
    res = read([p])
    assert not res.articles
    assert "no article text" in str(res.problems[0]) and str(p) in str(res.problems[0])


def test_read_missing_path_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BODY)
    res = read([tmp_path / "nope.txt", good])
    assert len(res.articles) == 1 and "no such file" in str(res.problems[0])

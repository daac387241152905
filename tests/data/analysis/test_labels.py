"""Validate the hand-labelled quote and timeline data against the dev articles.

These checks catch labelling slips (a mistyped quote, an expression not in the text, a
weekday resolved to the wrong date), so the labels can be trusted as an evaluation set.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from tests.data.analysis.stats import EVENTS, QUOTES, load, stats

PRECISIONS = {"day", "month", "season", "year", "range"}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_QUOTE_CHARS = [("``", '"'), ("''", '"'), ("“", '"'), ("”", '"'), ("„", '"'),
                ("‘", "'"), ("’", "'"), ("`", "'")]  # fmt: skip


def normalize(text: str) -> str:
    """Fold the corpora's quote conventions to ASCII and collapse whitespace."""
    for src, dst in _QUOTE_CHARS:
        text = text.replace(src, dst)
    return re.sub(r"\s+", " ", text).strip()


@cache
def _multinews(path: Path) -> dict[str, list[str]]:
    stories: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            stories[obj["id"]] = obj["documents"]
    return stories


def document(shared: Path, ref: str) -> str:
    """Resolve a doc ref ('mn:<story>:<i>' or 'duc:<cluster>/<file>') to its raw text."""
    kind, _, rest = ref.partition(":")
    if kind == "mn":
        story, _, index = rest.rpartition(":")
        return _multinews(shared / "multinews-dev.jsonl")[story][int(index)]
    assert kind == "duc", ref
    cluster, _, name = rest.partition("/")
    return (shared / "duc2004-dev" / cluster / "docs" / name).read_text(encoding="utf-8")


def parse_date(value: str, precision: str) -> tuple[dt.date, dt.date]:
    """First and last day covered by a labelled date, checking it matches its precision."""
    if precision == "range":
        start, end = value.split("/")
        first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        assert first <= last, value
        return first, last
    if precision == "day":
        day = dt.date.fromisoformat(value)
        return day, day
    if precision in ("month", "season"):
        assert re.fullmatch(r"\d{4}-\d{2}", value), value
        year, month = map(int, value.split("-"))
        if precision == "season":
            assert month in (3, 6, 9, 12), f"season must start in 03/06/09/12: {value}"
        return dt.date(year, month, 1), dt.date(year, month, 28)
    assert precision == "year" and re.fullmatch(r"\d{4}", value), (value, precision)
    return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)


def test_label_files_schema() -> None:
    qdocs, edocs = load(QUOTES), load(EVENTS)
    assert len({d["doc"] for d in qdocs}) == len(qdocs), "duplicate doc in quotes.jsonl"
    assert len({d["doc"] for d in edocs}) == len(edocs), "duplicate doc in events.jsonl"
    for d in qdocs:
        assert set(d) == {"doc", "quotes"} and d["quotes"], d["doc"]
        groups: dict[int, set[Any]] = {}
        for q in d["quotes"]:
            assert set(q) - {"group"} == {"text", "speaker", "anonymous", "kind", "partial"}, q
            assert isinstance(q["text"], str) and q["text"] == q["text"].strip() and q["text"]
            assert q["speaker"] is None or (isinstance(q["speaker"], str) and q["speaker"])
            assert isinstance(q["anonymous"], bool) and isinstance(q["partial"], bool)
            assert q["kind"] in ("direct", "reported")
            if q["anonymous"]:
                assert q["speaker"], "anonymous quotes carry a description as speaker"
            if "group" in q:
                groups.setdefault(q["group"], set()).add(q["speaker"])
        for group, speakers in groups.items():
            members = sum(1 for q in d["quotes"] if q.get("group") == group)
            assert members >= 2 and len(speakers) == 1, (d["doc"], group)
    for d in edocs:
        assert set(d) == {"doc", "anchor", "anchor_basis", "events"} and d["events"], d["doc"]
        dt.date.fromisoformat(d["anchor"])
        assert len(d["anchor_basis"]) > 10
        for e in d["events"]:
            assert set(e) == {"expression", "text", "date", "precision"}, e
            assert e["precision"] in PRECISIONS
            assert e["expression"] in e["text"], e


def test_label_counts_meet_issue_minimums() -> None:
    qdocs, edocs = load(QUOTES), load(EVENTS)
    direct = [q for d in qdocs for q in d["quotes"] if q["kind"] == "direct"]
    events = [e for d in edocs for e in d["events"]]
    assert len(direct) >= 150 and len(qdocs) >= 30
    assert len(events) >= 100 and len(edocs) >= 25
    for docs in (qdocs, edocs):
        assert {d["doc"].split(":")[0] for d in docs} == {"mn", "duc"}


def test_event_dates_are_consistent_with_anchor() -> None:
    for d in load(EVENTS):
        anchor = dt.date.fromisoformat(d["anchor"])
        for e in d["events"]:
            first, last = parse_date(e["date"], e["precision"])
            expr = e["expression"].lower()
            named = [i for i, w in enumerate(WEEKDAYS) if w in expr]
            if e["precision"] == "day" and named and "ago" not in expr:
                # a weekday expression must land on that weekday, near the anchor
                assert first.weekday() == named[0], (d["doc"], e)
                if not re.search(r"\d", expr):
                    assert abs((first - anchor).days) <= 10, (d["doc"], e)
            if expr in ("yesterday", "today", "tomorrow"):
                offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[expr]
                assert first == anchor + dt.timedelta(days=offset), (d["doc"], e)
            if re.search(r"\bweek\b", expr) and e["precision"] == "range":
                assert first.weekday() == 0 and (last - first).days == 6, (d["doc"], e)
            assert 1900 <= first.year <= anchor.year + 10, (d["doc"], e)


def test_quotes_occur_verbatim_between_quote_marks(shared_data: Path) -> None:
    for d in load(QUOTES):
        text = normalize(document(shared_data, d["doc"]))
        for q in d["quotes"]:
            needle = normalize(q["text"])
            spans = [m.start() for m in re.finditer(re.escape(needle), text)]
            assert spans, (d["doc"], q["text"])
            # the span must be delimited by quote marks, i.e. the boundaries were not guessed
            bounded = [
                s
                for s in spans
                if text[:s].rstrip()[-1:] in "\"'" and text[s + len(needle) :].lstrip()[:1] in "\"'"
            ]
            assert bounded, ("quote boundary", d["doc"], q["text"])


def test_event_expressions_occur_in_documents(shared_data: Path) -> None:
    for d in load(EVENTS):
        text = normalize(document(shared_data, d["doc"]))
        for e in d["events"]:
            assert normalize(e["expression"]) in text, (d["doc"], e["expression"])


def test_readme_counts_match_label_files() -> None:
    readme = (Path(__file__).parent / "README.md").read_text(encoding="utf-8")
    s = stats()
    rows = {
        "quote articles": s["quote_articles"],
        "direct quotes": s["direct_quotes_by_source"],
        "event articles": s["event_articles"],
        "events": s["events_by_source"],
    }
    for name, by_source in rows.items():
        mn, duc = by_source["mn"], by_source["duc"]
        assert re.search(rf"\| {name} \| {mn} \| {duc} \| {mn + duc}\b", readme), name


def test_entity_labels_schema_and_names_occur_in_documents(shared_data: Path) -> None:
    path = Path(__file__).parent / "entities.jsonl"
    docs = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(docs) >= 10 and len({d["doc"] for d in docs}) == len(docs)
    stories = {re.split(r"[/]|:(?=\d+$)", d["doc"])[0] for d in docs}
    assert len(stories) >= 10, stories
    for d in docs:
        text = normalize(document(shared_data, d["doc"]))
        for e in d["entities"]:
            assert e["type"] in {"person", "organization", "place"}, e
            # The name or one alias is printed in the article.
            assert any(normalize(n) in text for n in (e["name"], *e["aliases"])), e

"""One reader per input format; each turns decoded text into articles.

Readers raise :class:`InputError` for an unusable whole input. JSONL readers report bad
lines individually through ``on_problem`` so the good lines of the same file survive.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from newsfuse.errors import InputError, InputNote
from newsfuse.model import Article, make_id

MULTINEWS_SEP = "|||||"
ProblemSink = Callable[[InputError], None]


def _raise(err: InputError) -> None:
    raise err


def read_text(text: str, source: str) -> Iterator[Article]:
    """A plain-text article, or several if it uses the Multi-News ``|||||`` layout."""
    if MULTINEWS_SEP in text:
        yield from read_multinews(text, source)
        return
    if not text.strip():
        raise InputError(source, "no text")
    yield Article.new(text, source=source)


def read_multinews(text: str, source: str) -> Iterator[Article]:
    """Multi-News layout: one story, its articles joined by ``|||||``."""
    parts = [p.strip() for p in text.split(MULTINEWS_SEP)]
    found = False
    for i, part in enumerate(parts):
        if part:
            found = True
            yield Article.new(part, id=make_id(source, str(i), part[:200]), source=f"{source}#{i}")
    if not found:
        raise InputError(source, "Multi-News layout with no article text")


def read_html(html: str, source: str) -> Iterator[Article]:
    """Main text and metadata of an HTML page, via trafilatura."""
    import trafilatura  # lazy: heavy import, only needed for HTML

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_recall=True
    )
    text = getattr(doc, "text", None) if doc is not None else None
    # Navigation-only pages still yield a few menu words; an article has a sentence.
    if not text or not re.search(r"\w[^.!?]{10,}[.!?]", text):
        raise InputError(source, "HTML page with no article text")
    published = None
    date = getattr(doc, "date", None)
    if date:
        try:
            published = datetime.fromisoformat(str(date))
        except ValueError:
            published = None
    yield Article.new(
        text,
        source=source,
        url=getattr(doc, "url", None) or (source if source.startswith("http") else None),
        title=getattr(doc, "title", None),
        outlet=getattr(doc, "sitename", None),
        byline=getattr(doc, "author", None),
        published=published,
    )


def _parse_date(value: Any) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value)
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        from dateutil import parser as du

        try:
            parsed: datetime = du.parse(str(value))
            return parsed
        except (ValueError, OverflowError) as exc:
            raise ValueError(f"invalid date {value!r}") from exc


def article_from_record(
    rec: Mapping[str, Any], source: str, on_note: ProblemSink | None = None
) -> Iterator[Article]:
    """Articles from one JSON object: an article (``text``) or a story (``documents``).

    An invalid date raises, unless ``on_note`` is given: then the article is kept without
    a date and an :class:`InputNote` says so (nothing usable is lost).
    """
    if "documents" in rec and isinstance(rec["documents"], list):
        sid = str(rec.get("id") or make_id(source))
        for i, doc in enumerate(rec["documents"]):
            if isinstance(doc, str):
                for j, art in enumerate(read_text(doc, f"{source}[{sid}#{i}]")):
                    yield replace(art, id=f"{sid}-{i}" + (f".{j}" if j else ""))
        return
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(source, "missing or empty 'text' field")
    try:
        published = _parse_date(rec.get("published") or rec.get("date"))
    except ValueError as exc:
        if on_note is None:
            raise InputError(source, str(exc)) from exc
        on_note(InputNote(source, f"{exc}; kept without a date"))
        published = None
    yield Article.new(
        text,
        id=str(rec["id"]) if rec.get("id") not in (None, "") else None,
        source=source,
        url=rec.get("url"),
        title=rec.get("title"),
        outlet=rec.get("outlet") or rec.get("source_name"),
        byline=rec.get("byline") or rec.get("author"),
        published=published,
    )


def json_records(
    items: Iterable[tuple[str, Any]],
) -> Iterator[tuple[str, dict[str, Any] | InputError]]:
    """``(where, record)`` for each item that is a JSON object, else ``(where, problem)``.

    Items are ``(where, value)``; a ``str`` value is parsed as one JSON line first.
    """
    for where, value in items:
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except json.JSONDecodeError as exc:
                yield where, InputError(where, f"invalid JSON ({exc.msg})")
                continue
        if isinstance(value, dict):
            yield where, value
        else:
            yield where, InputError(where, "not a JSON object")


def jsonl_lines(lines: Iterable[str], source: str) -> Iterator[tuple[str, str]]:
    """``(source:lineno, line)`` for the non-blank lines of a JSONL text."""
    for lineno, line in enumerate(lines, 1):
        if line.strip():
            yield f"{source}:{lineno}", line


def _articles(
    records: Iterable[tuple[str, dict[str, Any] | InputError]], on_problem: ProblemSink
) -> Iterator[Article]:
    for where, rec in records:
        if isinstance(rec, InputError):
            on_problem(rec)
            continue
        try:
            yield from article_from_record(rec, where, on_problem)
        except InputError as err:
            on_problem(err)


def read_json(text: str, source: str, on_problem: ProblemSink = _raise) -> Iterator[Article]:
    """A JSON document (object or list of objects) or JSONL (one object per line)."""
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        whole = None
    if isinstance(whole, dict):
        yield from article_from_record(whole, source, on_problem)
    elif isinstance(whole, list):
        items = ((f"{source}[{i}]", rec) for i, rec in enumerate(whole))
        yield from _articles(json_records(items), on_problem)
    else:
        yield from read_jsonl(text, source, on_problem)


def read_jsonl(text: str, source: str, on_problem: ProblemSink = _raise) -> Iterator[Article]:
    """One JSON object per line; a bad line is reported and skipped, the rest survive."""
    yield from _articles(json_records(jsonl_lines(text.splitlines(), source)), on_problem)

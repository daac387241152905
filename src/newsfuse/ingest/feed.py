"""RSS and Atom feeds: one article per entry, with its title, link, date and author."""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from newsfuse.errors import InputError
from newsfuse.model import Article

_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"</?(p|div|br|li|h[1-6])\b[^>]*>", re.I)


def _html_to_text(fragment: str) -> str:
    text = _BLOCK.sub("\n", fragment)
    text = htmllib.unescape(_TAG.sub("", text))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "") or ""
    return _html_to_text(best if len(best) > len(summary) else summary)


def read_feed(text: str, source: str) -> Iterator[Article]:
    """Parse an RSS/Atom document; entries without text are skipped, not fatal."""
    import feedparser

    parsed = feedparser.parse(text)
    if parsed.bozo and not parsed.entries:
        exc = parsed.get("bozo_exception")
        line = getattr(exc, "getLineNumber", lambda: None)()
        where = f" (line {line})" if line else ""
        raise InputError(source, f"not RSS or Atom{where}")
    outlet = parsed.feed.get("title")
    found = False
    for i, entry in enumerate(parsed.entries):
        body = _entry_text(entry)
        if not body:
            continue
        found = True
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = datetime(*stamp[:6]).replace(tzinfo=UTC) if stamp else None
        yield Article.new(
            body,
            source=f"{source}#{i}",
            url=entry.get("link"),
            title=_html_to_text(entry.get("title", "")) or None,
            outlet=outlet,
            byline=entry.get("author"),
            published=published,
        )
    if not found:
        raise InputError(source, "feed has no entries with text")

"""Read articles from files, directories, globs and stdin, whatever their format.

The entry point is :func:`read`. It never stops at a bad input: each problem becomes an
:class:`~newsfuse.errors.InputError` in :attr:`IngestResult.problems` (the CLI prints one
line each) and every good input is still read.

Examples
--------
>>> res = read(["examples/seeds"])
>>> len(res.articles), res.problems
(2, [])
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsfuse import settings
from newsfuse.errors import InputError
from newsfuse.ingest.decode import decode_bytes
from newsfuse.ingest.readers import read_html, read_json, read_multinews, read_text
from newsfuse.model import Article

__all__ = ["IngestResult", "expand_sources", "read", "read_bytes"]

_SKIP_SUFFIXES = {".md", ".pyc"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}


@dataclass
class IngestResult:
    """Articles read, and one :class:`InputError` per input (or line) that was unusable."""

    articles: list[Article] = field(default_factory=list)
    problems: list[InputError] = field(default_factory=list)


def expand_sources(sources: Iterable[str | Path]) -> Iterator[str]:
    """Expand directories (sorted, recursive) and globs; ``-`` stands for stdin."""
    for src in sources:
        s = str(src)
        if s == "-" or s.startswith(("http://", "https://")):
            yield s
            continue
        p = Path(s)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not f.name.startswith(".") and f.suffix not in _SKIP_SUFFIXES:
                    yield str(f)
        elif any(ch in s for ch in "*?[") and not p.exists():
            matches = sorted(glob.glob(s, recursive=True))
            yield from (m for m in matches if Path(m).is_file()) if matches else [s]
        else:
            yield s


def _sniff(text: str, name: str) -> str:
    suffix = Path(name).suffix.lower()
    head = text.lstrip()[:512].lower()
    if suffix in _JSON_SUFFIXES or head.startswith(("{", "[{")):
        return "json"
    if suffix in _HTML_SUFFIXES or head.startswith(("<!doctype html", "<html")):
        return "html"
    if head.startswith("<?xml") or "<rss" in head or "<feed" in head:
        return "feed"
    if "|||||" in text:
        return "multinews"
    return "text"


def read_bytes(data: bytes, source: str, result: IngestResult | None = None) -> IngestResult:
    """Decode and parse one input's bytes into ``result`` (a new one if not given)."""
    res = result if result is not None else IngestResult()
    limit = int(settings.get("max_input_bytes"))
    if len(data) > limit:
        res.problems.append(InputError(source, f"larger than the {limit}-byte input limit"))
        return res
    n_before = len(res.articles)
    try:
        text = decode_bytes(data, source)
        kind = _sniff(text, source)
        if kind == "json":
            res.articles.extend(read_json(text, source, res.problems.append))
        elif kind == "html":
            res.articles.extend(read_html(text, source))
        elif kind == "feed":
            from newsfuse.ingest.feed import read_feed

            res.articles.extend(read_feed(text, source))
        elif kind == "multinews":
            res.articles.extend(read_multinews(text, source))
        else:
            res.articles.extend(read_text(text, source))
    except InputError as err:
        del res.articles[n_before:]
        res.problems.append(err)
    return res


def read(sources: Iterable[str | Path]) -> IngestResult:
    """Read every source into articles; problems are collected, never raised."""
    res = IngestResult()
    for src in expand_sources(sources):
        if src == "-":
            read_bytes(sys.stdin.buffer.read(), "<stdin>", res)
            continue
        if src.startswith(("http://", "https://")):
            from newsfuse.ingest.url import fetch

            try:
                data, final = fetch(src)
            except InputError as err:
                res.problems.append(err)
                continue
            read_bytes(data, final, res)
            continue
        path = Path(src)
        if not path.exists():
            res.problems.append(InputError(src, "no such file or directory"))
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            res.problems.append(InputError(src, f"cannot read ({exc.strerror})"))
            continue
        read_bytes(data, src, res)
    return res

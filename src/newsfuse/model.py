"""The data model every stage takes and returns.

Why one module: ingest, clean, dedup, cluster, summarize, analyze, store and serve all
speak these four types (`Article`, `Sentence`, `Story`, `Briefing`), so stages compose
like a scikit-learn pipeline and the JSON form lives in exactly one place.

All classes are frozen, slotted dataclasses. Stages never mutate their input; they return
new objects with :func:`dataclasses.replace`. Everything round-trips through JSON
(``to_dict``/``from_dict``) with ISO 8601 dates, so nothing here holds parser trees or arrays.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from typing import Any

SCHEMA_VERSION = 1

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Briefing",
    "Claim",
    "Conflict",
    "ConflictValue",
    "Entity",
    "Quote",
    "RemovedLine",
    "Sentence",
    "Story",
    "SummarySentence",
    "TimelineEvent",
    "make_id",
    "replace",
]


def make_id(*parts: str, length: int = 12) -> str:
    """A stable short id: the hex SHA-1 of the whitespace-normalized parts.

    Examples
    --------
    >>> make_id("Hello  world") == make_id("hello world")
    True
    """
    norm = "\x1f".join(re.sub(r"\s+", " ", p).strip().lower() for p in parts)
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:length]


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_iso(value: Any) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article: a span ``[start, end)`` into ``Article.text``."""

    article_id: str
    index: int
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "index": self.index,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Sentence:
        return cls(
            article_id=str(d["article_id"]),
            index=int(d["index"]),
            text=str(d["text"]),
            start=int(d["start"]),
            end=int(d["end"]),
        )


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line the cleaner dropped, with the rule that dropped it (kept for audit)."""

    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> RemovedLine:
        return cls(text=str(d["text"]), reason=str(d["reason"]))


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, from raw input to cleaned, split text.

    ``raw`` is the text as ingested; ``text`` is the cleaned body (equal to ``raw`` until a
    cleaner runs). ``sentences`` are spans into ``text``. ``removed`` lists what cleaning
    dropped and why.
    """

    id: str
    text: str
    raw: str = ""
    source: str = ""
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    byline: str | None = None
    published: datetime | None = None
    language: str = "en"
    sentences: tuple[Sentence, ...] = ()
    removed: tuple[RemovedLine, ...] = ()

    @classmethod
    def new(
        cls,
        text: str,
        *,
        id: str | None = None,
        source: str = "",
        **meta: Any,
    ) -> Article:
        """Build an article from raw text; the id defaults to a hash of url or text."""
        key = meta.get("url") or text
        return cls(id=id or make_id(str(key)), text=text, raw=text, source=source, **meta)

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def to_dict(self, *, with_raw: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "byline": self.byline,
            "published": _iso(self.published),
            "language": self.language,
            "text": self.text,
            "sentences": [s.to_dict() for s in self.sentences],
            "removed_lines": [r.to_dict() for r in self.removed],
        }
        if with_raw:
            d["raw"] = self.raw
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Article:
        return cls(
            id=str(d["id"]),
            text=str(d["text"]),
            raw=str(d.get("raw") or d["text"]),
            source=str(d.get("source") or ""),
            url=d.get("url"),
            outlet=d.get("outlet"),
            title=d.get("title"),
            byline=d.get("byline"),
            published=_parse_iso(d.get("published")),
            language=str(d.get("language") or "en"),
            sentences=tuple(Sentence.from_dict(s) for s in d.get("sentences") or ()),
            removed=tuple(RemovedLine.from_dict(r) for r in d.get("removed_lines") or ()),
        )


@dataclass(frozen=True, slots=True)
class Story:
    """A set of articles about one event. The id derives from the sorted article ids."""

    articles: tuple[Article, ...]
    id: str = ""
    title: str | None = None
    # Article id -> id of the article it duplicates (syndicated copies), if any.
    duplicates: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", make_id(*sorted(a.id for a in self.articles)))

    @classmethod
    def of(cls, articles: Iterable[Article], **kw: Any) -> Story:
        return cls(articles=tuple(articles), **kw)

    def to_dict(self, *, with_raw: bool = False) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "title": self.title,
            "articles": [a.to_dict(with_raw=with_raw) for a in self.articles],
            "duplicates": dict(self.duplicates),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Story:
        return cls(
            articles=tuple(Article.from_dict(a) for a in d["articles"]),
            id=str(d.get("id") or ""),
            title=d.get("title"),
            duplicates=dict(d.get("duplicates") or {}),
        )


def _simple_from_dict(cls: Any, d: Mapping[str, Any]) -> Any:
    kwargs = {}
    for f in fields(cls):
        if f.name in d:
            v = d[f.name]
            kwargs[f.name] = tuple(v) if isinstance(v, list) else v
    return cls(**kwargs)


def _simple_to_dict(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(obj):
        v = getattr(obj, f.name)
        if isinstance(v, tuple):
            v = [x.to_dict() if hasattr(x, "to_dict") else x for x in v]
        elif isinstance(v, datetime):
            v = v.isoformat()
        out[f.name] = v
    return out


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A summary sentence and every article that reports the same content.

    ``sources`` lists article ids, the article it was taken from first.
    """

    text: str
    sources: tuple[str, ...]
    article_id: str = ""
    sentence_index: int = -1

    def to_dict(self) -> dict[str, Any]:
        return _simple_to_dict(self)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> SummarySentence:
        return _simple_from_dict(cls, d)  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    speaker: str | None
    sources: tuple[str, ...]
    kind: str = "direct"  # "direct" or "reported"
    anonymous: bool = False

    def to_dict(self) -> dict[str, Any]:
        return _simple_to_dict(self)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Quote:
        return _simple_from_dict(cls, d)  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class Entity:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    # article id -> mention count
    mentions: Mapping[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = _simple_to_dict(self)
        d["mentions"] = dict(self.mentions)
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Entity:
        return _simple_from_dict(cls, d)  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    date: str  # ISO date, or "start/end" for a range
    precision: str  # "day", "month", "season", "year", "range"
    text: str
    sources: tuple[str, ...]
    expression: str = ""  # the date expression as written ("last Thursday")

    def to_dict(self) -> dict[str, Any]:
        return _simple_to_dict(self)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TimelineEvent:
        return _simple_from_dict(cls, d)  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class Claim:
    text: str
    sources: tuple[str, ...]
    single_source: bool

    def to_dict(self) -> dict[str, Any]:
        return _simple_to_dict(self)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Claim:
        return _simple_from_dict(cls, d)  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class ConflictValue:
    value: str
    sources: tuple[str, ...]
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return _simple_to_dict(self)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ConflictValue:
        return _simple_from_dict(cls, d)  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class Conflict:
    claim: str
    values: tuple[ConflictValue, ...]
    kind: str = "number"  # number, date, name, count

    def to_dict(self) -> dict[str, Any]:
        return _simple_to_dict(self)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Conflict:
        return cls(
            claim=str(d["claim"]),
            values=tuple(ConflictValue.from_dict(v) for v in d.get("values") or ()),
            kind=str(d.get("kind") or "number"),
        )


@dataclass(frozen=True, slots=True)
class Briefing:
    """What newsfuse says about one story: an attributed summary plus analysis."""

    story: Story
    title: str
    summary: tuple[SummarySentence, ...] = ()
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    claims: tuple[Claim, ...] = ()
    conflicts: tuple[Conflict, ...] = ()

    @property
    def summary_text(self) -> str:
        return " ".join(s.text for s in self.summary)

    @property
    def articles(self) -> tuple[Article, ...]:
        return self.story.articles

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``title``, ``summary``, ``articles`` (metadata only), analysis."""
        return {
            "schema_version": SCHEMA_VERSION,
            "story_id": self.story.id,
            "title": self.title,
            "summary": [s.to_dict() for s in self.summary],
            "articles": [
                {
                    "id": a.id,
                    "title": a.title,
                    "outlet": a.outlet,
                    "byline": a.byline,
                    "published": _iso(a.published),
                    "url": a.url,
                    "source": a.source,
                    "duplicate_of": self.story.duplicates.get(a.id),
                    "removed_lines": [r.to_dict() for r in a.removed],
                }
                for a in self.story.articles
            ],
            "quotes": [q.to_dict() for q in self.quotes],
            "entities": [e.to_dict() for e in self.entities],
            "timeline": [t.to_dict() for t in self.timeline],
            "claims": [c.to_dict() for c in self.claims],
            "conflicts": [c.to_dict() for c in self.conflicts],
        }

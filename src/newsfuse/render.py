"""Briefings as Markdown, HTML and JSON. One place, so CLI and web show the same thing."""

from __future__ import annotations

import html
import json
from typing import Any

from newsfuse.model import Article, Briefing, Quote

ALL = ("summary", "quotes", "entities", "timeline", "claims", "conflicts")
_TYPES = (("person", "People"), ("organization", "Organizations"), ("place", "Places"))
# How many items a human-readable section lists at most (JSON always has everything).
LIMITS = {
    "quotes": 8,
    "reported": 5,
    "entities": 12,
    "timeline": 15,
    "claims": 10,
    "single": 8,
    "conflicts": 10,
}


def _cap(items: list[str], key: str) -> list[str]:
    """At most ``LIMITS[key]`` items, then a line saying how many more JSON has."""
    n = LIMITS[key]
    if len(items) <= n:
        return items
    return [*items[:n], f"… and {len(items) - n} more (see --format json)"]


def source_label(article: Article) -> str:
    """How an article is named in a source list: outlet, title, date, or its file name.

    Without outlet or title, the id is shown next to the file name: it is what JSON output
    and ``newsfuse cluster`` use, and a JSONL record's own id is what its user knows.
    """
    parts = [article.outlet or "", article.title or ""]
    label = " — ".join(p for p in parts if p)
    if not label:
        label = article.url or article.source or article.id
        if article.id not in label:
            label += f" · id {article.id}"
    if article.published:
        label += f" ({article.published.date().isoformat()})"
    return label


def _markers(briefing: Briefing, sources: tuple[str, ...]) -> str:
    index = {a.id: i + 1 for i, a in enumerate(briefing.articles)}
    return "".join(f"[{n}]" for n in sorted({index[s] for s in sources if s in index}))


def to_json(briefing: Briefing | list[Briefing], *, indent: int | None = 2) -> str:
    if isinstance(briefing, list):
        data: Any = [b.to_dict() for b in briefing]
    else:
        data = briefing.to_dict()
    return json.dumps(data, ensure_ascii=False, indent=indent)


def _count(n: int) -> str:
    return f"{n} mention{'s' if n != 1 else ''}"


def _speaker(q: Quote) -> str:
    if not q.speaker:
        return "unattributed"
    return f"{q.speaker} (unnamed)" if q.anonymous else q.speaker


def _sections(briefing: Briefing, sections: tuple[str, ...]) -> list[tuple[str, list[str]]]:
    """(heading, plain-text items with [n] markers) for each non-empty analysis section."""
    b = briefing

    def m(src: tuple[str, ...]) -> str:
        return _markers(briefing, src)

    out: list[tuple[str, list[str]]] = []
    if "quotes" in sections and b.quotes:
        # Quotes most sources carry first, then in story order (sorted() is stable).
        # Short fragments ("a great success") after whole statements.
        direct = sorted(
            (q for q in b.quotes if q.kind == "direct"),
            key=lambda q: (-len(q.sources), len(q.text.split()) < 6),
        )
        reported = sorted(
            (q for q in b.quotes if q.kind != "direct"), key=lambda q: -len(q.sources)
        )
        if direct:
            out.append(
                (
                    "Quotes",
                    _cap([f"“{q.text}” — {_speaker(q)} {m(q.sources)}" for q in direct], "quotes"),
                )
            )
        if reported:
            out.append(
                (
                    "Reported speech",
                    _cap([f"{_speaker(q)}: {q.text} {m(q.sources)}" for q in reported], "reported"),
                )
            )
    if "entities" in sections and b.entities:
        for etype, heading in _TYPES:
            items = [
                f"{e.name}"
                + (f" (also: {', '.join(e.aliases)})" if e.aliases else "")
                + f" — {_count(sum(e.mentions.values()))} {m(tuple(e.mentions))}"
                for e in b.entities
                if e.type == etype
            ]
            if items:
                out.append((heading, _cap(items, "entities")))
    if "timeline" in sections and b.timeline:
        events = [
            f"{t.date}{'' if t.precision == 'day' else f' ({t.precision})'}: "
            f"{t.text} {m(t.sources)}"
            for t in b.timeline
        ]
        out.append(("Timeline", _cap(events, "timeline")))
    if "claims" in sections and b.claims:
        agreed = [f"{c.text} {m(c.sources)}" for c in b.claims if not c.single_source]
        single = [f"{c.text} {m(c.sources)}" for c in b.claims if c.single_source]
        if agreed:
            out.append(("What several sources say", _cap(agreed, "claims")))
        if single:
            out.append(("Only one source says", _cap(single, "single")))
    if "conflicts" in sections and b.conflicts:
        out.append(
            (
                "Where sources disagree",
                [
                    f"{c.kind}: "
                    + " vs ".join(f"“{v.value}” {m(v.sources)}" for v in c.values)
                    + f" — {c.claim}"
                    for c in b.conflicts
                ][: LIMITS["conflicts"]],
            )
        )
    return out


def to_markdown(briefing: Briefing, sections: tuple[str, ...] = ALL) -> str:
    lines = [f"# {briefing.title or 'Briefing'}", ""]
    n = len(briefing.articles)
    lines.append(f"*{n} article{'s' if n != 1 else ''}*")
    lines.append("")
    if "summary" in sections:
        lines.append("## Summary")
        lines.append("")
        for s in briefing.summary:
            lines.append(f"- {s.text} {_markers(briefing, s.sources)}")
        lines.append("")
    for heading, items in _sections(briefing, sections):
        lines += [f"## {heading}", "", *(f"- {i}" for i in items), ""]
    lines.append("## Sources")
    lines.append("")
    for i, a in enumerate(briefing.articles, 1):
        extra = f" — {a.byline}" if a.byline else ""
        lines.append(f"{i}. {source_label(a)}{extra}")
    return "\n".join(lines) + "\n"


def to_html(briefing: Briefing, sections: tuple[str, ...] = ALL) -> str:
    e = html.escape
    items = "\n".join(
        f"<li>{e(s.text)} <span class=src>{e(_markers(briefing, s.sources))}</span></li>"
        for s in briefing.summary
    )
    summary = f"<h2>Summary</h2><ul class=summary>{items}</ul>" if "summary" in sections else ""
    extra = "".join(
        f"<section><h2>{e(h)}</h2><ul>"
        + "".join(f"<li>{e(i)}</li>" for i in its)
        + "</ul></section>"
        for h, its in _sections(briefing, sections)
    )
    srcs = "\n".join(f"<li>{e(source_label(a))}</li>" for a in briefing.articles)
    return (
        "<!doctype html><html><head><meta charset=utf-8>"
        f"<title>{e(briefing.title or 'Briefing')}</title></head><body>"
        f"<article class=briefing><h1>{e(briefing.title or 'Briefing')}</h1>"
        f"{summary}{extra}"
        f"<h2>Sources</h2><ol class=sources>{srcs}</ol></article></body></html>\n"
    )


def render(briefing: Briefing, fmt: str, sections: tuple[str, ...] = ALL) -> str:
    if fmt == "json":
        return to_json(briefing) + "\n"
    if fmt == "html":
        return to_html(briefing, sections)
    return to_markdown(briefing, sections)


def render_many(briefings: list[Briefing], fmt: str, sections: tuple[str, ...] = ALL) -> str:
    """Several stories' briefings, largest first; one briefing renders as :func:`render`.

    JSON is one object for one story and an array for several (``jsonl``: one per line).
    """
    if fmt == "jsonl":
        return "".join(to_json(b, indent=None) + "\n" for b in briefings)
    if len(briefings) == 1:
        return render(briefings[0], fmt, sections)
    if fmt == "json":
        return to_json(briefings) + "\n"
    if fmt == "html":
        bodies = [
            to_html(b, sections).split("<body>", 1)[1].rsplit("</body>", 1)[0] for b in briefings
        ]
        return (
            "<!doctype html><html><head><meta charset=utf-8>"
            f"<title>{len(briefings)} stories</title></head><body>"
            + "<hr>".join(bodies)
            + "</body></html>\n"
        )
    head = f"*{len(briefings)} stories, largest first*\n\n"
    return head + "\n---\n\n".join(to_markdown(b, sections) for b in briefings)

"""Briefings as Markdown, HTML and JSON. One place, so CLI and web show the same thing."""

from __future__ import annotations

import html
import json
from typing import Any

from newsfuse.model import Article, Briefing


def source_label(article: Article) -> str:
    """How an article is named in a source list: outlet, title, date, or its file name."""
    parts = [article.outlet or "", article.title or ""]
    label = " — ".join(p for p in parts if p) or (article.url or article.source or article.id)
    if article.published:
        label += f" ({article.published.date().isoformat()})"
    return label


def _markers(briefing: Briefing, sources: tuple[str, ...]) -> str:
    index = {a.id: i + 1 for i, a in enumerate(briefing.articles)}
    return "".join(f"[{index[s]}]" for s in sources if s in index)


def to_json(briefing: Briefing | list[Briefing], *, indent: int | None = 2) -> str:
    if isinstance(briefing, list):
        data: Any = [b.to_dict() for b in briefing]
    else:
        data = briefing.to_dict()
    return json.dumps(data, ensure_ascii=False, indent=indent)


def to_markdown(briefing: Briefing) -> str:
    lines = [f"# {briefing.title or 'Briefing'}", ""]
    n = len(briefing.articles)
    lines.append(f"*{n} article{'s' if n != 1 else ''}*")
    lines.append("")
    lines.append("## Summary")
    lines.append("")
    for s in briefing.summary:
        lines.append(f"- {s.text} {_markers(briefing, s.sources)}")
    lines.append("")
    lines.append("## Sources")
    lines.append("")
    for i, a in enumerate(briefing.articles, 1):
        extra = f" — {a.byline}" if a.byline else ""
        lines.append(f"{i}. {source_label(a)}{extra}")
    return "\n".join(lines) + "\n"


def to_html(briefing: Briefing) -> str:
    e = html.escape
    items = "\n".join(
        f"<li>{e(s.text)} <span class=src>{e(_markers(briefing, s.sources))}</span></li>"
        for s in briefing.summary
    )
    srcs = "\n".join(f"<li>{e(source_label(a))}</li>" for a in briefing.articles)
    return (
        "<!doctype html><html><head><meta charset=utf-8>"
        f"<title>{e(briefing.title or 'Briefing')}</title></head><body>"
        f"<article class=briefing><h1>{e(briefing.title or 'Briefing')}</h1>"
        f"<h2>Summary</h2><ul class=summary>{items}</ul>"
        f"<h2>Sources</h2><ol class=sources>{srcs}</ol></article></body></html>\n"
    )


def render(briefing: Briefing, fmt: str) -> str:
    if fmt == "json":
        return to_json(briefing) + "\n"
    if fmt == "html":
        return to_html(briefing)
    return to_markdown(briefing)

"""A dated timeline of the story: what happened when, with the articles that say so.

Every sentence with a date expression (``dates.find_dates``) gives an event: the clause
around the expression, its resolved date and precision. Relative expressions resolve
against the article's publish date. An article without one is anchored, by default, to the
publish date most articles of its story share (the latest on a tie) — articles of one
story are usually written within a day or two of each other, and "Thursday" is worth more
resolved than not; ``anchor_undated="none"`` leaves such relative dates out instead. Events
with the same date and similar text are merged across articles; the result is sorted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import ClassVar

from rapidfuzz import fuzz

from newsfuse.analyze.dates import DateExpr, find_dates
from newsfuse.base import Constraint, Interval, OneOf, Stage, register
from newsfuse.clean.sentences import split_spans
from newsfuse.model import Article, Briefing, Story, TimelineEvent

_CLAUSE = re.compile(r"[;:]|,\s+(?=(?:but|and|while|which|who|after|before|as)\b)|\s+[—–]\s+")


@dataclass(frozen=True, slots=True)
class Found:
    """One dated event of one article."""

    article_id: str
    expr: DateExpr
    text: str


def story_anchor(story: Story) -> date | None:
    """The publish date most articles of the story share (latest on a tie), or None."""
    days = Counter(a.published.date() for a in story.articles if a.published)
    if not days:
        return None
    return max(days, key=lambda d: (days[d], d))


def _clause(sentence: str, a: int, b: int, max_words: int) -> str:
    """The clause of ``sentence`` around ``[a, b)``, at most ``max_words`` words."""
    cuts = [0, *(m.end() for m in _CLAUSE.finditer(sentence)), len(sentence)]
    start = max(c for c in cuts if c <= a)
    end = min((c for c in cuts if c >= b), default=len(sentence))
    text = sentence[start:end].strip(" ,;:—–")
    words = text.split()
    if len(words) > max_words:
        text = " ".join(words[:max_words]) + " …"
    return text


def article_events(article: Article, anchor: date | None, *, max_words: int = 30) -> list[Found]:
    """The dated events of one article, in text order."""
    spans = [(s.start, s.end) for s in article.sentences] or split_spans(article.text)
    out: list[Found] = []
    ref: date | None = None
    ref_any: date | None = None
    for a, b in spans:
        sent = article.text[a:b]
        for d in find_dates(sent, anchor, ref, ref_any):
            out.append(Found(article.id, d, _clause(sent, d.start, d.end, max_words)))
            if d.precision == "day":
                ref = d.first
            if d.precision != "range":
                ref_any = d.first
    return out


@register("analyze.timeline")
class TimelineBuilder(Stage[Briefing, Briefing]):
    """Fill ``Briefing.timeline`` with dated events, merged across articles and sorted.

    Parameters
    ----------
    anchor_undated : {"story", "none"}
        How to resolve relative dates in an article without a publish date: against the
        story's usual publish date, or not at all.
    merge_threshold : float
        rapidfuzz token-set ratio (0-100) at which two same-date events are one event.
    max_words : int
        Longest event text; longer clauses are cut.
    """

    requires = ("article.sentences",)
    assigns = ("briefing.timeline",)
    _constraints: ClassVar[dict[str, list[Constraint]]] = {
        "anchor_undated": [OneOf(("story", "none"))],
        "merge_threshold": [Interval(0.0, 100.0)],
        "max_words": [Interval(5, 200, integer=True)],
    }

    def __init__(
        self, *, anchor_undated: str = "story", merge_threshold: float = 60.0, max_words: int = 30
    ) -> None:
        self.anchor_undated = anchor_undated
        self.merge_threshold = merge_threshold
        self.max_words = max_words
        super().__init__()

    def events(self, story: Story) -> list[Found]:
        fallback = story_anchor(story) if self.anchor_undated == "story" else None
        out: list[Found] = []
        for art in story.articles:
            if art.id in story.duplicates:
                continue
            anchor = art.published.date() if art.published else fallback
            out += article_events(art, anchor, max_words=self.max_words)
        return out

    def __call__(self, briefing: Briefing) -> Briefing:
        merged: list[tuple[Found, list[str]]] = []
        for f in self.events(briefing.story):
            for other, sources in merged:
                if (
                    other.expr.date == f.expr.date
                    and other.expr.precision == f.expr.precision
                    and fuzz.token_set_ratio(other.text.lower(), f.text.lower())
                    >= self.merge_threshold
                ):
                    if f.article_id not in sources:
                        sources.append(f.article_id)
                    break
            else:
                merged.append((f, [f.article_id]))
        merged.sort(key=lambda m: (m[0].expr.first, m[0].expr.last, -len(m[1])))
        timeline = tuple(
            TimelineEvent(f.expr.date, f.expr.precision, f.text, tuple(src), f.expr.expression)
            for f, src in merged
        )
        return replace(briefing, timeline=timeline)

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


def _same_head(a: str, b: str) -> bool:
    """Two year-modified noun phrases name the same thing ("the 2016 election", "2016 U.S.
    elections"): same last word, plural or not."""
    if not a or not b:
        return False
    return a.split()[-1].lower().rstrip("s") == b.split()[-1].lower().rstrip("s")


def story_anchor(story: Story) -> date | None:
    """The publish date most articles of the story share (latest on a tie), or None."""
    days = Counter(a.published.date() for a in story.articles if a.published)
    if not days:
        return None
    return max(days, key=lambda d: (days[d], d))


def _clause(sentence: str, a: int, b: int, max_words: int) -> str:
    """The clause of ``sentence`` around ``[a, b)``, at most ``max_words`` words.

    A clause too long is narrowed to the comma-separated parts next to the expression,
    then to a window of words around it, with "…" where text was cut.
    """
    cuts = [0, *(m.end() for m in _CLAUSE.finditer(sentence)), len(sentence)]
    start = max(c for c in cuts if c <= a)
    end = min((c for c in cuts if c >= b), default=len(sentence))
    if len(sentence[start:end].split()) > max_words:
        commas = [start, *(m.end() for m in re.finditer(r",\s", sentence[start:end])), end]
        commas = [c + start if i and i < len(commas) - 1 else c for i, c in enumerate(commas)]
        lo = max(c for c in commas if c <= a)
        hi = min(c for c in commas if c >= b)
        # Grow by whole parts while it fits: the expression's part, then its neighbours.
        while True:
            grown = False
            for cand in (
                (max((c for c in commas if c < lo), default=lo), hi),
                (lo, min((c for c in commas if c > hi), default=hi)),
            ):
                if cand != (lo, hi) and len(sentence[cand[0] : cand[1]].split()) <= max_words:
                    lo, hi, grown = cand[0], cand[1], True
                    break
            if not grown:
                break
        if len(sentence[lo:hi].split()) >= 8:  # else a word window around it reads better
            text = sentence[lo:hi].strip(" ,;:—–")
            return ("… " if lo > start else "") + text + (" …" if hi < end else "")
    text = sentence[start:end].strip(" ,;:—–")
    words = text.split()
    if len(words) > max_words:
        at = len(sentence[start:a].split())
        first = max(0, min(at - max_words // 3, len(words) - max_words))
        text = " ".join(words[first : first + max_words])
        text = ("… " if first else "") + text + (" …" if first + max_words < len(words) else "")
    elif end < len(sentence.rstrip()) - 1 and start == 0 and not text.endswith((".", "!", "?")):
        text += " …"
    return text


def article_events(article: Article, anchor: date | None, *, max_words: int = 25) -> list[Found]:
    """The dated events of one article, in text order."""
    spans = [(s.start, s.end) for s in article.sentences] or split_spans(article.text)
    out: list[Found] = []
    ref: date | None = None
    ref_any: date | None = None
    for a, b in spans:
        sent = article.text[a:b]
        for d in find_dates(sent, anchor, ref, ref_any):
            # "the 2016 election": the event is the thing the year names, not the sentence.
            text = d.modifier or _clause(sent, d.start, d.end, max_words)
            out.append(Found(article.id, d, text))
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
        self, *, anchor_undated: str = "story", merge_threshold: float = 60.0, max_words: int = 25
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
                    and (
                        _same_head(other.expr.modifier, f.expr.modifier)
                        or fuzz.token_set_ratio(other.text.lower(), f.text.lower())
                        >= self.merge_threshold
                    )
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

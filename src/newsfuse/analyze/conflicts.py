"""Conflicts: where sources give different numbers, dates or names for the same claim.

Sentences of different articles are aligned when they are similar on everything but
their numbers (``similarity`` with numbers masked). In an aligned pair we extract typed
values — numbers with the noun they count, resolved dates, person names in the same role
— and flag values that disagree after normalization: "12 officials" vs "11 officials",
"in September" vs "this autumn" (a season is not a month: the sources disagree on how
precise they are, which a reader should see), "police chief John Smith" vs "police chief
Jim Brown". Wording differences are not values: "Russian Federation" and "Russia" are
not compared at all, and a day inside a named month ("July" vs "July 16") agrees.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import ClassVar

from newsfuse.analyze.dates import DateExpr, find_dates
from newsfuse.analyze.names import clean_person, surname
from newsfuse.analyze.nlp import NLP
from newsfuse.analyze.similarity import similarity
from newsfuse.analyze.timeline import story_anchor
from newsfuse.analyze.values import differ, numbers, roles, same_head
from newsfuse.base import Constraint, Interval, Stage, register
from newsfuse.model import Briefing, Conflict, ConflictValue, Story


@dataclass(frozen=True, slots=True)
class Item:
    """A sentence of an original article with what the comparison needs."""

    article_id: str
    text: str
    anchor: date | None
    persons: tuple[tuple[int, int, str], ...]


def dates_agree(a: DateExpr, b: DateExpr) -> bool:
    """Same date, or one inside the other where the wider one is a month, year or range."""
    if a.date == b.date and a.precision == b.precision:
        return True
    if "season" in (a.precision, b.precision):
        return a.precision == b.precision and a.first == b.first
    wide, narrow = (a, b) if (a.last - a.first) >= (b.last - b.first) else (b, a)
    return wide.first <= narrow.first and narrow.last <= wide.last


def compare(a: Item, b: Item) -> list[tuple[str, str, str]]:
    """(kind, value in a, value in b) for every value the two sentences disagree on."""
    out: list[tuple[str, str, str]] = []
    da, db = find_dates(a.text, a.anchor), find_dates(b.text, b.anchor)
    na = numbers(a.text, [(d.start, d.end) for d in da])
    nb = numbers(b.text, [(d.start, d.end) for d in db])
    vals_a, vals_b = {x.value for x in na}, {y.value for y in nb}
    for x in na:
        if x.value in vals_b:
            continue  # the other source has this value too, maybe counting in another order
        heads = [y for y in nb if same_head(x, y) and y.value not in vals_a]
        if heads and not any(not differ(x, y) for y in heads):
            y = heads[0]
            if not any(not differ(x2, y) for x2 in na if same_head(x2, y)):
                kind = "count" if x.value.is_integer() and not x.percent else "number"
                out.append((kind, x.phrase, y.phrase))
                break  # one number conflict per sentence pair is enough to flag it
    if da and db:
        bad_a = [x for x in da if not any(dates_agree(x, y) for y in db)]
        bad_b = [y for y in db if not any(dates_agree(x, y) for x in da)]
        if bad_a and bad_b:
            out.append(
                (
                    "date",
                    f"{bad_a[0].expression} ({bad_a[0].date})",
                    f"{bad_b[0].expression} ({bad_b[0].date})",
                )
            )
    ra, rb = roles(a.text, list(a.persons)), roles(b.text, list(b.persons))
    for role, pa in ra.items():
        pb = rb.get(role)
        if (
            pb
            and surname(pa) != surname(pb)
            and surname(pa) not in b.text
            and surname(pb) not in a.text
        ):
            out.append(("name", pa, pb))
    return out


@register("analyze.conflicts")
class ConflictFinder(Stage[Briefing, Briefing]):
    """Fill ``Briefing.conflicts`` with values the sources disagree on.

    Parameters
    ----------
    align_threshold : float
        Cosine (numbers masked) at which two sentences state the same claim.
    min_words : int
        Shorter sentences are not compared.
    """

    requires = ("article.sentences",)
    assigns = ("briefing.conflicts",)
    _constraints: ClassVar[dict[str, list[Constraint]]] = {
        "align_threshold": [Interval(0.0, 1.0)],
        "min_words": [Interval(1, 100, integer=True)],
    }

    def __init__(self, *, align_threshold: float = 0.5, min_words: int = 5) -> None:
        self.align_threshold = align_threshold
        self.min_words = min_words
        super().__init__()
        self._nlp = NLP()

    def items(self, story: Story) -> list[Item]:
        arts = [a for a in story.articles if a.id not in story.duplicates]
        fallback = story_anchor(story)
        ents = self._nlp.entities(a.text for a in arts)
        out = []
        for art, es in zip(arts, ents, strict=True):
            anchor = art.published.date() if art.published else fallback
            for s in art.sentences:
                if len(s.text.split()) < self.min_words:
                    continue
                persons = tuple(
                    (e.start - s.start, e.end - s.start, clean_person(e.text))
                    for e in es
                    if e.label == "PERSON" and s.start <= e.start and e.end <= s.end
                )
                out.append(Item(art.id, s.text, anchor, persons))
        return out

    def __call__(self, briefing: Briefing) -> Briefing:
        items = self.items(briefing.story)
        sim = similarity([i.text for i in items], mask_numbers=True)
        found: dict[tuple[str, frozenset[str]], Conflict] = {}
        for i, a in enumerate(items):
            for j in range(i + 1, len(items)):
                b = items[j]
                if a.article_id == b.article_id or sim[i, j] < self.align_threshold:
                    continue
                for kind, va, vb in compare(a, b):
                    key = (kind, frozenset((va.lower(), vb.lower())))
                    if key in found:
                        found[key] = _add(found[key], va, a, vb, b)
                        continue
                    claim = min((a.text, b.text), key=len)
                    values = (
                        ConflictValue(va, (a.article_id,), a.text),
                        ConflictValue(vb, (b.article_id,), b.text),
                    )
                    found[key] = Conflict(claim, values, kind)
        return replace(briefing, conflicts=tuple(found.values()))


def _add(c: Conflict, va: str, a: Item, vb: str, b: Item) -> Conflict:
    values = []
    for v in c.values:
        src = v.sources
        for val, it in ((va, a), (vb, b)):
            if v.value.lower() == val.lower() and it.article_id not in src:
                src = (*src, it.article_id)
        values.append(replace(v, sources=src))
    return replace(c, values=tuple(values))

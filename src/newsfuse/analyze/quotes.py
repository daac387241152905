"""Quotes and their speakers: direct quotations and reported speech, merged across articles.

Per article we find every quotation (``spans``), look for an attribution frame around it
(``attribution``), and skip scare quotes: short quoted terms with no speech frame next to
them. A quotation split around its frame (``"A," he said, "B."``) keeps both pieces under
one group and one speaker; a quotation that continues a quoted paragraph with no frame of
its own inherits the previous speaker. Reported speech ("X said Thursday that …") is a
quote of kind ``reported``. Speakers resolve in text order, so "she added" finds the most
recent named speaker. Finally the same quote in several articles is merged (fuzzy match).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import ClassVar

from rapidfuzz import fuzz

from newsfuse.analyze.attribution import (
    Context,
    Speaker,
    _speaker_in,
    frame_after,
    frame_before,
    resolve,
)
from newsfuse.analyze.names import clean_person
from newsfuse.analyze.nlp import NLP, Ent
from newsfuse.analyze.spans import Span, find_spans
from newsfuse.base import Constraint, Interval, Stage, register
from newsfuse.clean.sentences import split_spans
from newsfuse.model import Article, Briefing, Quote


def _is_title(inner: str) -> bool:
    """Mostly capitalized words and no sentence punctuation: a title or a name."""
    words = inner.split()
    if not words or len(words) > 8 or re.search(r"[.!?]$", inner):
        return False
    caps = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return words[0][:1].isupper() and caps >= 0.6 * len(words)


_REPORT = (
    r"said|says|told|added|announced|stated|insisted|warned|argued|explained|noted|"
    r"acknowledged|confirmed|claimed|reported|testified|predicted|maintained"
)
_THAT = re.compile(rf"\b(?:{_REPORT})\b((?:\s+[\w,.'’-]+){{0,5}}?)\s+that\s+(.+)$")
_WHEN = (
    r"(?:(?:on|last|this|late|early)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|yesterday|today|tonight|earlier|later|night|morning|afternoon|evening|week)"
)
_BARE = re.compile(
    rf"\b(?:said|says)\s+(?:{_WHEN}\s+)*((?:he|she|it|they|we|I|the|a|an|his|her|their|there)\b.+)$",
    re.I,
)
_TRAIL = re.compile(
    rf"^(.{{25,}}?),\s+([^,]{{2,60}}?)\s+(?:{_REPORT})\b[^,]{{0,40}}(?:,.*)?[.!?]?$"
)


@dataclass
class Found:
    """A quotation piece (or reported clause) found in one article, before merging."""

    text: str
    start: int
    end: int
    kind: str
    speaker: Speaker | None = None
    group: int = -1
    name: str | None = None
    anonymous: bool = False


def _words(s: str) -> int:
    return len(re.findall(r"\w+", s))


def _sentences(article: Article) -> list[tuple[int, int]]:
    if article.sentences:
        return [(s.start, s.end) for s in article.sentences]
    return split_spans(article.text)


def _mask(text: str, spans: list[Span]) -> str:
    # Letters and digits go, punctuation stays: "…expose!" The tweet said. still shows
    # that the quotation closed a clause.
    chars = list(text)
    for s in spans:
        for i in range(s.inner_start, s.inner_end):
            if chars[i].isalnum():
                chars[i] = "x"
    return "".join(chars)


def _reported(ctx: Context, a: int, b: int) -> Found | None:
    sent = ctx.text[a:b]
    m = _THAT.search(sent) or _BARE.search(sent)
    if m:
        v = sent.rfind(" ", 0, m.start() + 1)
        sp = _speaker_in(
            ctx, a + max(sent.rfind(",", 0, m.start()) + 1, 0), a + m.start(), nearest_end=True
        )
        clause = m.group(m.lastindex or 1)
        if sp is not None and v >= 0 and _words(clause) >= 4:
            return Found(clause.rstrip(" ."), a, b, "reported", sp)
    t = _TRAIL.match(sent)
    if t and _words(t.group(1)) >= 5:
        sp = _speaker_in(ctx, a + t.start(2), a + t.end(2), nearest_end=False)
        if sp is not None:
            return Found(t.group(1).strip(), a, b, "reported", sp)
    return None


def _as_people(ents: list[Ent], known: list[str]) -> list[Ent]:
    """NER tags a known person as ORG or GPE in some sentences ("Trump said"): relabel.

    A name counts as known when NER tagged it PERSON elsewhere in the story, as a full
    name or as the surname of a full name.
    """
    names = set(known) | {n.split()[-1] for n in known if len(n.split()) >= 2}
    return [
        Ent(e.text, "PERSON", e.start, e.end)
        if e.label in ("ORG", "GPE", "NORP") and clean_person(e.text) in names
        else e
        for e in ents
    ]


def extract(
    article: Article, ents: list[Ent], known: list[str], *, min_words: int = 3
) -> list[Found]:
    """Quotation pieces and reported clauses of one article, speakers resolved."""
    text = article.text
    spans = find_spans(text)
    inside = [(s.inner_start, s.inner_end) for s in spans]
    outside = _as_people([e for e in ents if not any(a <= e.start < b for a, b in inside)], known)
    ctx = Context(_mask(text, spans), outside, known)
    ctx.find_subjects(_sentences(article))
    sents = _sentences(article)
    starts = [a for a, _ in sents]

    def sent_of(pos: int) -> tuple[int, int]:
        i = max(bisect.bisect_right(starts, pos) - 1, 0)
        return sents[i] if sents else (0, len(text))

    found: list[Found] = []
    prev: Found | None = None
    prev_span: Span | None = None
    group = 0
    for sp in spans:
        inner = text[sp.inner_start : sp.inner_end]
        sa, _ = sent_of(sp.start)
        _, eb = sent_of(max(sp.end - 1, sp.start))
        speaker, framed = frame_after(ctx, sp.end, max(eb, sp.end))
        adjacent = framed
        if not framed and eb <= sp.end + 1:
            nxt = sent_of(eb + 1)
            if nxt[0] > sp.start and text[nxt[0] : nxt[0] + 1].islower():
                speaker, framed = frame_after(ctx, nxt[0], nxt[1])
                adjacent = framed
        if speaker is None:
            sp2, framed2 = frame_before(ctx, sa, sp.start)
            framed = framed or framed2
            if sp2 is not None:
                speaker = sp2
                tail = ctx.text[sa : sp.start].rstrip()
                adjacent = adjacent or tail.endswith((":", ","))
        if framed and speaker is None:
            speaker = Speaker("", "implicit", start=sa)
        opens_sentence = not re.search(r"\w", text[sa : sp.start])
        if (not adjacent or not opens_sentence) and _is_title(inner):
            continue  # a title or name in quotes ("Meet the Press"), not an utterance
        same_sentence = prev_span is not None and sent_of(prev_span.start)[0] == sa
        between = text[prev_span.end : sp.start] if prev_span else ""
        if prev is not None and same_sentence and _words(between) <= 8 and adjacent:
            f = Found(inner, sp.inner_start, sp.inner_end, "direct", prev.speaker, prev.group)
        elif not framed:
            para_start = text.rfind("\n", 0, sp.start) + 1
            starts_unit = sp.start == para_start or sp.start == sa
            near = prev_span is not None and text.count("\n", prev_span.end, sp.start) <= 2
            if prev is not None and starts_unit and near and _words(inner) >= 2:
                f = Found(inner, sp.inner_start, sp.inner_end, "direct", prev.speaker)
                f.name, f.anonymous = prev.name, prev.anonymous
                group += 1
                f.group = group
                found.append(f)
                prev, prev_span = f, sp
                continue
            if _words(inner) < min_words:
                continue
            group += 1
            # A quotation standing alone is the last speaker's; one inside a narrator's
            # sentence is the sentence subject's ("X called it 'a key event'").
            who = None if starts_unit else _speaker_in(ctx, sa, sp.start, subject=True)
            who = who or Speaker("", "standalone", start=sa)
            f = Found(inner, sp.inner_start, sp.inner_end, "direct", who, group)
        else:
            # One quoted word is a scare quote unless it is its own utterance ("Yes," he said).
            if _words(inner) < (1 if adjacent and opens_sentence else 2):
                # Too short to be a quote, but its speaker is a speaker ("X described it
                # as 'disruptive'"), which matters for the pronouns that follow.
                found.append(Found(inner, sp.inner_start, sp.inner_end, "skip", speaker))
                continue
            group += 1
            f = Found(inner, sp.inner_start, sp.inner_end, "direct", speaker, group)
        found.append(f)
        prev, prev_span = f, sp
    quoted = {sent_of(f.start) for f in found}
    for a, b in sents:
        if (a, b) not in quoted and not any(a <= s.start < b for s in spans):
            r = _reported(ctx, a, b)
            if r is not None:
                found.append(r)
    found.sort(key=lambda f: f.start)
    resolved: dict[int, tuple[str | None, bool]] = {}
    for f in found:
        if f.name is not None:
            continue
        if f.group >= 0 and f.group in resolved and f.kind == "direct":
            f.name, f.anonymous = resolved[f.group]
            continue
        f.name, f.anonymous = resolve(ctx, f.speaker, f.start, f.text)
        if f.group >= 0:
            resolved[f.group] = (f.name, f.anonymous)
        if f.name and not f.anonymous:
            ctx.history.append((f.start, f.name))
    return [f for f in found if f.kind != "skip"]


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


@register("analyze.quotes")
class QuoteExtractor(Stage[Briefing, Briefing]):
    """Fill ``Briefing.quotes``: direct and reported quotes with resolved speakers.

    Parameters
    ----------
    min_words : int
        A quotation with no speech frame next to it needs this many words to count as an
        utterance (shorter ones are scare quotes or titles).
    merge_threshold : float
        rapidfuzz ratio (0-100) at which two quotes from different articles are one quote.
    reported : bool
        Also report indirect speech ("X said that …").
    """

    requires = ("article.sentences",)
    assigns = ("briefing.quotes",)
    _constraints: ClassVar[dict[str, list[Constraint]]] = {
        "min_words": [Interval(1, 50, integer=True)],
        "merge_threshold": [Interval(0.0, 100.0)],
    }

    def __init__(
        self, *, min_words: int = 3, merge_threshold: float = 88.0, reported: bool = True
    ) -> None:
        self.min_words = min_words
        self.merge_threshold = merge_threshold
        self.reported = reported
        super().__init__()
        self._nlp = NLP()

    def pieces(self, briefing: Briefing) -> dict[str, list[Found]]:
        """Per article id, the quote pieces found (used by the evaluation)."""
        arts = briefing.story.articles
        ents = self._nlp.entities(a.text for a in arts)
        story_known = [clean_person(e.text) for es in ents for e in es if e.label == "PERSON"]
        out: dict[str, list[Found]] = {}
        for art, es in zip(arts, ents, strict=True):
            own = [clean_person(e.text) for e in es if e.label == "PERSON"]
            found = extract(art, es, own + story_known, min_words=self.min_words)
            out[art.id] = [f for f in found if self.reported or f.kind == "direct"]
        return out

    def __call__(self, briefing: Briefing) -> Briefing:
        dup = briefing.story.duplicates
        merged: list[tuple[str, Quote]] = []
        for art_id, found in self.pieces(briefing).items():
            src = dup.get(art_id, art_id)
            groups: dict[tuple[int, int], list[Found]] = {}
            for f in found:
                key = (f.group, 0) if f.group >= 0 and f.kind == "direct" else (-1, f.start)
                groups.setdefault(key, []).append(f)
            for parts in groups.values():
                text = " … ".join(p.text for p in parts)
                q = Quote(text, parts[0].name, (src,), parts[0].kind, parts[0].anonymous)
                self._merge(merged, _norm(text), q)
        return replace(briefing, quotes=tuple(q for _, q in merged))

    def _merge(self, merged: list[tuple[str, Quote]], norm: str, q: Quote) -> None:
        for i, (n, old) in enumerate(merged):
            score = fuzz.ratio(n, norm)
            if score < self.merge_threshold and min(len(n), len(norm)) >= 30:
                score = fuzz.partial_ratio(n, norm) if old.kind == q.kind else 0
            if score >= self.merge_threshold:
                sources = old.sources + tuple(s for s in q.sources if s not in old.sources)
                speaker = old.speaker
                if (speaker is None or old.anonymous) and q.speaker and not q.anonymous:
                    speaker = q.speaker
                keep = old if len(n) >= len(norm) else q
                merged[i] = (
                    max(n, norm, key=len),
                    replace(
                        keep,
                        speaker=speaker,
                        sources=sources,
                        anonymous=old.anonymous and q.anonymous,
                    ),
                )
                return
        merged.append((norm, q))

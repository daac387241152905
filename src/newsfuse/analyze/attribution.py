"""Who said it: attribution frames around quotations and speaker resolution.

A frame is a speech verb next to a speaker phrase: after the quotation (``", Smith said``,
``", said the official``), before it (``Smith said: "…"``), or earlier in the sentence
(``Smith said that the plan was "a mistake"``). The speaker phrase is, by preference, a
PERSON entity, a pronoun, an anonymous description ("a senior official") or a capitalized
name run ("the White House"). Pronouns resolve to the most recent named speaker of the
article with a compatible gender; surnames resolve to the full name the story gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsfuse.analyze.names import clean_person, full_name, gender_cue
from newsfuse.analyze.nlp import Ent

VERBS = (
    r"said|says|say|saying|added|adds|adding|told|tells|telling|tweeted|tweets|tweeting|"
    r"wrote|writes|writing|stated|states|asked|asks|explained|explains|noted|notes|"
    r"insisted|insists|warned|warns|declared|announced|continued|replied|replies|responded|"
    r"recalled|argued|argues|claimed|claims|claiming|posted|remarked|acknowledged|conceded|"
    r"observed|suggested|urged|testified|shouted|complained|quipped|joked|admitted|boasted|"
    r"cautioned|emphasized|stressed|predicted|concluded|confirmed|countered|exclaimed|"
    r"added|recounted|reiterated|pleaded|vowed|promised|maintained|contended|wondered"
)
_VERB = re.compile(rf"\b(?:{VERBS})\b|\baccording to\b")
_PARTICIPLE = re.compile(r"ing$")
ROLE_NOUNS = (
    r"officials?|spokes(?:man|woman|person)|sources?|aides?|officers?|diplomats?|analysts?|"
    r"witness(?:es)?|residents?|lawmakers?|senators?|experts?|critics?|police|authorities|"
    r"investigators?|prosecutors?|colleagues?|statement|advisers?|advisors?|person|people|"
    r"members?|employees?|staffers?|insiders?|reporters?|representatives?|executives?|"
    r"spokespeople|activists?|researchers?|scientists?|doctors?|neighbou?rs?|friends?|"
    r"relatives?|students?|teachers?|parents?|users?|supporters?|protesters?|leaders?|man|"
    r"woman|tweet|post|message|report|release|agency|ministry|department|government|court"
)
_DESC = re.compile(
    rf"\b(?:(?:the|a|an|one|another|two|three|several|some|many|his|her|their)\s+"
    rf"(?:[\w'’-]+\s+){{0,4}}?)?(?:{ROLE_NOUNS})\b",
    re.I,
)
_PRON = re.compile(r"\b(?:he|she|they|I|we)\b", re.I)
_NAME = re.compile(r"(?:@\w+|[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|bin|al))*")
_NOT_NAMES = frozenset(
    [
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "but",
        "and",
        "yet",
        "so",
        "it",
        "this",
        "that",
        "these",
        "those",
        "then",
        "there",
        "when",
        "while",
        "after",
        "before",
        "earlier",
        "later",
        "meanwhile",
        "however",
        "also",
        "still",
        "asked",
        "told",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "yesterday",
        "last",
        "next",
        "i",
        "he",
        "she",
        "we",
        "they",
        "it",
        "his",
        "her",
        "their",
    ]
)
_WRITTEN = frozenset({"tweet", "post", "message"})
_FEMALE_PRON = frozenset({"she", "her"})
_MALE_PRON = frozenset({"he", "his", "him"})


@dataclass
class Speaker:
    """A speaker phrase as found, and what it resolves to."""

    phrase: str
    kind: str  # person, pronoun, anonymous, name
    name: str | None = None
    anonymous: bool = False
    start: int = -1


@dataclass
class Context:
    """What an article tells about its people, for resolving speakers."""

    text: str
    ents: list[Ent]
    known: list[str]  # full person names in the article, then the story
    history: list[tuple[int, str]] = field(default_factory=list)  # (offset, named speaker)
    gender: dict[str, str] = field(default_factory=dict)

    def persons_in(self, a: int, b: int) -> list[Ent]:
        return [e for e in self.ents if e.label == "PERSON" and e.start >= a and e.end <= b]

    def named_in(self, a: int, b: int) -> list[Ent]:
        return [
            e
            for e in self.ents
            if e.label in ("ORG", "GPE", "NORP") and e.start >= a and e.end <= b
        ]


def _speaker_in(ctx: Context, a: int, b: int, *, nearest_end: bool) -> Speaker | None:
    """The speaker phrase in ``text[a:b]`` (a window next to a speech verb)."""
    window = ctx.text[a:b]
    if not window.strip():
        return None
    persons = ctx.persons_in(a, b)
    if persons:
        e = persons[-1] if nearest_end else persons[0]
        return Speaker(e.text, "person", clean_person(e.text), start=e.start)
    prons = list(_PRON.finditer(window))
    descs = list(_DESC.finditer(window))
    names = [m for m in _NAME.finditer(window) if m.group().split()[0].lower() not in _NOT_NAMES]
    cands: list[tuple[int, Speaker]] = []
    for m in prons:
        cands.append((m.start(), Speaker(m.group(), "pronoun", start=a + m.start())))
    for m in descs:
        phrase = m.group()
        sp = Speaker(phrase, "anonymous", phrase.lower(), anonymous=True, start=a + m.start())
        cands.append((m.start(), sp))
    for m in names:
        org = [e for e in ctx.named_in(a, b) if e.start <= a + m.start() < e.end]
        name = re.sub(r"^the\s+", "", org[0].text, flags=re.I) if org else m.group()
        sp = Speaker(m.group(), "name", name, start=a + m.start())
        cands.append((m.start(), sp))
    if not cands:
        return None
    cands.sort(key=lambda c: c[0])
    return cands[-1][1] if nearest_end else cands[0][1]


def _boundary(text: str, a: int, b: int) -> int:
    """Start of the clause that ends at ``b``: after the last comma, colon or quote mark."""
    cut = max(text.rfind(ch, a, b) for ch in ',;:"“”()')
    return max(a, cut + 1)


def frame_after(ctx: Context, a: int, b: int) -> tuple[Speaker | None, bool]:
    """A frame right after a quotation ending at ``a``; (speaker, found)."""
    seg = ctx.text[a:b]
    m = re.match(r"[\s,.!?—–-]{0,4}", seg)
    off = a + (m.end() if m else 0)
    # Only a quotation that ends its clause ("…," / "…!" / "…", ) takes a frame after it;
    # a partial quote mid-sentence ("an answer of "no" to a reporter") does not.
    closing = ctx.text[max(0, a - 3) : a] + (m.group() if m else "")
    if not re.search(r"[,.!?—–-]", closing):
        return None, False
    rest = ctx.text[off:b]
    v = _VERB.search(rest)
    if not v:
        return None, False
    if v.start() == 0:  # inverted: "…," said the official.
        c = re.search(r"[,.;:!?]", rest[v.end() :])
        end = off + v.end() + (c.start() if c else len(rest) - v.end())
        return _speaker_in(ctx, off + v.end(), end, nearest_end=False), True
    before = rest[: v.start()]
    if len(before.split()) > 7 or re.search(r"[,.;:!?\"“”]", before):
        return None, False
    return _speaker_in(ctx, off, off + v.start(), nearest_end=False), True


def frame_before(ctx: Context, a: int, b: int) -> tuple[Speaker | None, bool]:
    """The last speech verb with a speaker before a quotation starting at ``b``."""
    seg = ctx.text[a:b]
    verbs = list(_VERB.finditer(seg))
    for v in reversed(verbs):
        vs = a + v.start()
        if _PARTICIPLE.search(v.group()) or v.group() == "according to":
            # "…, claiming he was …": the subject is the clause's first person.
            sp = _speaker_in(ctx, a, vs, nearest_end=False)
        else:
            sp = _speaker_in(ctx, _boundary(ctx.text, a, vs), vs, nearest_end=True)
            if sp is None:
                sp = _speaker_in(ctx, a, vs, nearest_end=False)
        if sp is not None:
            return sp, True
    return None, False


def resolve(ctx: Context, sp: Speaker | None, pos: int) -> tuple[str | None, bool]:
    """(speaker name or description, anonymous) for a speaker phrase at offset ``pos``."""
    if sp is None:
        return None, False
    if sp.kind == "anonymous":
        noun = (sp.name or "").split()[-1:]
        if noun and noun[0] in _WRITTEN and ctx.history:
            return ctx.history[-1][1], False
        return sp.name, True
    if sp.kind == "pronoun":
        word = sp.phrase.lower()
        want = "f" if word in _FEMALE_PRON else "m" if word in _MALE_PRON else None
        for _, name in reversed(ctx.history):
            g = ctx.gender.get(name)
            if want is None or g is None or g == want:
                if want:
                    ctx.gender.setdefault(name, want)
                return name, False
        before = [e for e in ctx.ents if e.label == "PERSON" and e.end <= pos]
        if before:
            return full_name(clean_person(before[-1].text), ctx.known), False
        return None, False
    name = full_name(sp.name or sp.phrase, ctx.known)
    if name.startswith("@"):
        name = next((k for k in ctx.known if _handle(name, k)), name)
    at = sp.start if sp.start >= 0 else pos
    cue = gender_cue(ctx.text[max(0, at - 40) : at + len(sp.phrase)])
    if cue and sp.kind == "person":
        ctx.gender.setdefault(name, cue)
    return name, False


def _handle(handle: str, name: str) -> bool:
    from newsfuse.analyze.names import handle_matches

    return handle_matches(handle, name)

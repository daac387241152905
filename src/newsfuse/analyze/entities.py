"""People, organizations and places, with aliases merged across the story's articles.

spaCy NER finds the mentions; rules then normalize them: titles and possessives are
stripped from people ("President Trump's" -> "Trump"), a surname joins the full name the
story gives (preferring the same article's), social-media handles join the person they
spell ("@AmbJohnBolton" -> "John Bolton"), country long forms and abbreviations join their
short name ("Russian Federation" -> "Russia", "USA" -> "United States") and an acronym joins
the organization it abbreviates ("FBI" -> "Federal Bureau of Investigation").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from typing import ClassVar

from newsfuse.analyze.names import (
    COUNTRIES,
    canonical_place,
    clean_person,
    handle_matches,
    strip_possessive,
)
from newsfuse.analyze.nlp import NLP, Ent
from newsfuse.analyze.noise import clean_mention, is_noise, lower_words, platform_mentions
from newsfuse.analyze.spans import find_spans
from newsfuse.base import Constraint, Interval, Stage, register
from newsfuse.model import Briefing, Entity

TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
_HANDLE = re.compile(r"(?<![\w@])@\w{3,30}")
_LETTERS = re.compile(r"[A-Za-z]")
_GEO = frozenset(
    [
        "sea",
        "ocean",
        "river",
        "lake",
        "bay",
        "gulf",
        "island",
        "islands",
        "mountain",
        "mountains",
        "valley",
        "strait",
        "canal",
        "street",
        "avenue",
        "road",
        "square",
        "park",
        "county",
        "province",
        "state",
        "desert",
        "coast",
    ]
)


def _acronym(name: str) -> str:
    """ "Asia-Pacific Economic Cooperation" -> "APEC"."""
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w[:1].isupper())


def _mention(e: Ent) -> tuple[str, str] | None:
    """(type, normalized name) of one NER mention, or None for noise."""
    kind = TYPES.get(e.label)
    if kind is None:
        return None
    text = " ".join(e.text.split()).strip(" .,;:\"'“”‘’")
    if not _LETTERS.search(text):
        return None
    canon = canonical_place(text)
    if canon in COUNTRIES:
        return "place", canon
    if kind == "person" and text.split()[-1].lower() in _GEO:
        return "place", canon  # "Java Sea" tagged PERSON
    if kind == "person":
        name = clean_person(text)
        if not name[:1].isupper():
            return None
        return "person", name
    return kind, canon


class _Pool:
    """Mentions grouped by (type, canonical name), with surface forms and counts."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.forms: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)

    def add(self, key: tuple[str, str], article: str, form: str, n: int = 1) -> None:
        self.counts[key][article] += n
        self.forms[key][form] += n

    def fold(self, src: tuple[str, str], dst: tuple[str, str]) -> None:
        if src == dst or src not in self.counts:
            return
        self.counts[dst].update(self.counts.pop(src))
        self.forms[dst].update(self.forms.pop(src))


def _resolve_people(pool: _Pool) -> None:
    people = [k for k in pool.counts if k[0] == "person"]
    full = [k for k in people if len(k[1].split()) >= 2]
    # "Donald J. Trump" and "Donald Trump": same first and last token.
    for k in sorted(full, key=lambda k: -sum(pool.counts[k].values())):
        for o in full:
            if o != k and o in pool.counts and k in pool.counts:
                a, b = k[1].split(), o[1].split()
                if a[0] == b[0] and a[-1] == b[-1] and len(b) > len(a):
                    pool.fold(o, k)
    full = [k for k in pool.counts if k[0] == "person" and len(k[1].split()) >= 2]
    for k in [k for k in pool.counts if k[0] == "person" and len(k[1].split()) == 1]:
        cands = [f for f in full if f[1].split()[-1] == k[1]]
        if not cands:
            # Given name first ("Anwar" for "Anwar Ibrahim", "Mahathir"): only if unique.
            cands = [f for f in full if f[1].split()[0] == k[1]]
            if len(cands) != 1:
                continue
        arts = set(pool.counts[k])

        def score(f: tuple[str, str], arts: set[str] = arts) -> tuple[int, int]:
            c = pool.counts[f]
            return (sum(c[a] for a in arts), sum(c.values()))

        pool.fold(k, max(cands, key=score))


def _resolve_cross_type(pool: _Pool) -> None:
    """An ORG/place mention that is a known person's name (NER confusions) is that person."""
    by_name: dict[str, tuple[str, str]] = {}
    for k in pool.counts:
        if k[0] == "person":
            by_name[k[1]] = k
            by_name.setdefault(k[1].split()[-1], k)
    for k in list(pool.counts):
        name = clean_person(k[1])  # "Prince Norodom Ranariddh" tagged ORG
        if k[0] != "person" and name in by_name and k[1] not in COUNTRIES:
            pool.fold(k, by_name[name])
    # One name, several types (NER tags "AirAsia" as place here, organization there):
    # the type most mentions got wins.
    by_lower: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for k in pool.counts:
        by_lower[k[1].lower()].append(k)
    for keys in by_lower.values():
        if len(keys) > 1:
            best = max(keys, key=lambda k: (sum(pool.counts[k].values()), k[0]))
            for k in keys:
                pool.fold(k, best)
    # An acronym joins the name it abbreviates, whatever type NER gave the long form
    # ("APEC" organization, "Asia-Pacific Economic Cooperation" place).
    named = [k for k in pool.counts if k[0] != "person"]
    long = {_acronym(k[1]): k for k in named if len(re.split(r"[\s-]+", k[1])) >= 2}
    for k in named:
        short = k[1].replace(".", "")
        if k[1].isupper() and short in long and k in pool.counts and long[short] in pool.counts:
            full = long[short]
            kind = "organization" if "organization" in (k[0], full[0]) else full[0]
            pool.fold(full, (kind, full[1]))
            pool.fold(k, (kind, full[1]))
    # "Security Council" is the "United Nations Security Council" the story names.
    orgs = [k for k in pool.counts if k[0] == "organization" and len(k[1].split()) >= 2]
    for k in orgs:
        longer = [o for o in orgs if o != k and o[1].endswith(" " + k[1]) and o in pool.counts]
        if len(longer) == 1 and k in pool.counts:
            pool.fold(k, longer[0])


@register("analyze.entities")
class EntityExtractor(Stage[Briefing, Briefing]):
    """Fill ``Briefing.entities``: people, organizations and places with aliases and counts.

    Parameters
    ----------
    min_mentions : int
        Entities mentioned fewer times in the whole story are left out.
    """

    requires = ("article.text",)
    assigns = ("briefing.entities",)
    _constraints: ClassVar[dict[str, list[Constraint]]] = {
        "min_mentions": [Interval(1, 1000, integer=True)],
    }

    def __init__(self, *, min_mentions: int = 1) -> None:
        self.min_mentions = min_mentions
        super().__init__()
        self._nlp = NLP()

    def __call__(self, briefing: Briefing) -> Briefing:
        arts = briefing.story.articles
        pool = _Pool()
        handles: list[tuple[str, str]] = []
        all_ents = self._nlp.entities(a.text for a in arts)
        lowered = lower_words([a.text for a in arts])
        for art, ents in zip(arts, all_ents, strict=True):
            quoted = [(q.inner_start, q.inner_end) for q in find_spans(art.text)]
            for e in platform_mentions(art.text, ents):
                if is_noise(e, art.text, lowered, quoted):
                    continue
                e = clean_mention(e)
                m = _mention(e)
                if m is not None and not e.text.startswith("@"):
                    pool.add(m, art.id, e.text.strip())
            handles += [(art.id, h.group()) for h in _HANDLE.finditer(art.text)]
        _resolve_people(pool)
        _resolve_cross_type(pool)
        people = [k for k in pool.counts if k[0] == "person" and len(k[1].split()) >= 2]
        for art_id, h in handles:
            match = [p for p in people if handle_matches(h, p[1])]
            if len(match) == 1:
                pool.add(match[0], art_id, h)
        out = []
        for key, counts in pool.counts.items():
            total = sum(counts.values())
            if total < self.min_mentions:
                continue
            forms = {re.sub(r"^the\s+", "", f, flags=re.I) for f in pool.forms[key]}
            aliases = tuple(sorted({strip_possessive(f) for f in forms} - {key[1]}))
            out.append(
                (
                    total,
                    Entity(
                        key[1], key[0], aliases, {a.id: counts[a.id] for a in arts if counts[a.id]}
                    ),
                )
            )
        out.sort(key=lambda t: (-t[0], t[1].type, t[1].name))
        return replace(briefing, entities=tuple(e for _, e in out))

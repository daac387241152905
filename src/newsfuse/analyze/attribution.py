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

from newsfuse.analyze.names import TITLES, clean_person, full_name, gender_cue
from newsfuse.analyze.nlp import Ent

VERBS = (
    r"said|says|say|saying|added|adds|adding|told|tells|telling|tweeted|tweets|tweeting|"
    r"wrote|writes|writing|stated|states|asked|asks|explained|explains|noted|notes|"
    r"insisted|insists|warned|warns|declared|announced|continued|replied|replies|responded|"
    r"recalled|argued|argues|claimed|claims|claiming|posted|remarked|acknowledged|conceded|"
    r"observed|suggested|urged|testified|shouted|complained|quipped|joked|admitted|boasted|"
    r"cautioned|emphasized|stressed|predicted|concluded|confirmed|countered|exclaimed|"
    r"added|recounted|reiterated|pleaded|vowed|promised|maintained|contended|wondered|"
    r"went on|goes on|described|calling|called|dubbed|branded|labeled|labelled|spoke|speaks|"
    r"accused|accuses|criticized|criticised|praised|pledged|denounced|condemned"
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
    r"woman|tweet|post|message|report|release|agency|ministry|department|government|court|"
    r"editorial|newspaper|communique|bureau|office|committee|council|commission|army|"
    r"military|company|firm|group|embassy|airline|hospital|university|service|spokespeople"
)
_DESC = re.compile(
    rf"\b(?:(?:the|a|an|one|another|two|three|several|some|many|his|her|their)\s+"
    rf"(?:[\w'’-]+\s+){{0,4}}?)?(?:{ROLE_NOUNS})\b",
    re.I,
)
_PRON = re.compile(r"\b(?:he|she|they|I|we)\b", re.I)
_NAME = re.compile(r"(?:@\w+|[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|bin|al))*")
_NOT_NAMES = frozenset(
    """
    a after all also an and any apr april as asked at aug august before both but by dec
    december each earlier every feb february few for friday from he her his however i in
    it jan january jul july jun june last later many mar march may meanwhile monday most
    next no none nov november oct october of on saturday sep sept september several she
    so some still sunday that the their then there these they this those thursday to
    today told tuesday we wednesday when while with yesterday yet
    """.split()  # noqa: SIM905
)
_PREP_BEFORE = re.compile(
    r"\b(?:to|on|at|with|by|for|from|of|about|against|in|into|over|under|than)\s+(?:the\s+)?$",
    re.I,
)
_DET = frozenset({"the", "a", "an", "and", "both"})
_WRITTEN = frozenset({"tweet", "post", "message"})
_ISSUED = frozenset({"statement", "report", "release", "editorial", "communique", "newspaper"})
_HEADS = frozenset({"president", "prime", "premier", "chancellor", "king", "queen", "leader"})
_ROLE_SUBJECT = re.compile(
    r"The ([A-Z][a-z]+) (leader|president|premier|chancellor|minister|king|queen|dictator)\b"
)
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
    subjects: list[tuple[int, str]] = field(default_factory=list)  # first person per sentence

    def find_subjects(self, sentences: list[tuple[int, int]]) -> None:
        """The first (non-possessive) person named in each sentence: its likely subject."""
        for a, b in sentences:
            described = self.described(a)
            if described:
                self.subjects.append((a, described))
                continue
            for e in self.persons_in(a, b):
                if re.match(r"['’]s\b", self.text[e.end : e.end + 2]):
                    continue  # "Hodler's accusation": not the subject
                # Only titles, names or an opening phrase before it ("In a post, Sanders";
                # "Team president Marta Solis"); not "While praising Primakov, she …".
                lead = self.text[a : e.start]
                lead = lead[lead.rfind(",") + 1 :]
                words = re.findall(r"[\w.'’-]+", lead)
                if all(w[:1].isupper() or w.lower() in TITLES or w.lower() in _DET for w in words):
                    self.subjects.append((e.start, full_name(clean_person(e.text), self.known)))
                break

    def described(self, a: int) -> str | None:
        """The person a sentence opening "The Russian leader …" describes, if the article
        introduced exactly one person with that adjective and a title before the name
        ("Russian President Vladimir Putin")."""
        m = _ROLE_SUBJECT.match(self.text, a)
        if not m:
            return None
        adj, role = m.group(1), m.group(2).lower()
        found = set()
        for e in self.persons_in(0, a):
            intro = self.text[max(0, e.start - 40) : e.start].split()
            if adj not in intro[-4:]:
                continue
            words = {w.lower() for w in intro[intro.index(adj) + 1 :] if w != adj}
            if role in words or (role == "leader" and words & _HEADS):
                found.add(full_name(clean_person(e.text), self.known))
        return found.pop() if len(found) == 1 else None

    def persons_in(self, a: int, b: int) -> list[Ent]:
        return [e for e in self.ents if e.label == "PERSON" and e.start >= a and e.end <= b]

    def named_in(self, a: int, b: int) -> list[Ent]:
        return [
            e
            for e in self.ents
            if e.label in ("ORG", "GPE", "NORP") and e.start >= a and e.end <= b
        ]


def _speaker_in(
    ctx: Context, a: int, b: int, *, nearest_end: bool = False, subject: bool = False
) -> Speaker | None:
    """The speaker phrase in ``text[a:b]`` (a window next to a speech verb)."""
    window = ctx.text[a:b]
    if not window.strip():
        return None
    persons = ctx.persons_in(a, b)
    if persons and not subject and not nearest_end:
        e = persons[0]  # "…, said White House spokeswoman Sarah Sanders": the person
        return Speaker(e.text, "person", clean_person(e.text), start=e.start)
    cands: list[tuple[int, int, Speaker]] = []
    for e in persons:
        sp = Speaker(e.text, "person", clean_person(e.text), start=e.start)
        cands.append((e.start, e.end, sp))
    for m in _PRON.finditer(window):
        sp = Speaker(m.group(), "pronoun", start=a + m.start())
        cands.append((a + m.start(), a + m.end(), sp))
    for m in _DESC.finditer(window):
        phrase = m.group()
        body = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)
        if all(w[:1].isupper() for w in body.split()):  # "the Democratic National Committee"
            sp = Speaker(phrase, "name", body, start=a + m.start())
        else:
            sp = Speaker(phrase, "anonymous", phrase.lower(), anonymous=True, start=a + m.start())
        cands.append((a + m.start(), a + m.end(), sp))
    for m in _NAME.finditer(window):
        s0, s1 = a + m.start(), a + m.end()
        if m.group().split()[0].lower().rstrip(".") in _NOT_NAMES:
            continue
        if any(e.start < s1 and s0 < e.end for e in persons):
            continue
        org = [e for e in ctx.named_in(a, b) if e.start <= s0 < e.end]
        name = re.sub(r"^the\s+", "", org[0].text, flags=re.I) if org else m.group()
        cands.append((s0, s1, Speaker(m.group(), "name", name, start=s0)))
    if not cands:
        return None
    if nearest_end:
        # The subject of a verb is not the object of a preposition ("appeared on NBC News
        # and declared", "complained to Erskine Bowles").
        subj = [c for c in cands if not _PREP_BEFORE.search(ctx.text[max(a, c[0] - 12) : c[0]])]
        return max(subj or cands, key=lambda c: (c[1], -c[0]))[2]
    return min(cands, key=lambda c: (c[0], -c[1]))[2]


def _boundary(text: str, a: int, b: int) -> int:
    """Start of the clause that ends at ``b``: after the last comma, colon or quote mark."""
    cut = max(text.rfind(ch, a, b) for ch in (*',;:"“”()', "''", "``"))
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
    plain = re.sub(r"\b(?:[A-Z][a-z]{0,3}|[A-Z])\.", "", before)  # "the Rev. David Almond"
    if len(before.split()) > 12 or re.search(r"[,.;:!?\"“”]", plain):
        # '"…," Bert Ammerman of River Vale, whose brother died, said': a person right
        # after the quotation is the subject of the speech verb later in the sentence.
        lead = [e for e in ctx.persons_in(off, off + v.start()) if e.start == off]
        if lead and len(before.split()) <= 25 and not re.search(r"[.;!?]\s", plain):
            e = lead[0]
            return Speaker(e.text, "person", clean_person(e.text), start=e.start), True
        return None, False
    return _speaker_in(ctx, off, off + v.start(), nearest_end=False), True


def frame_before(ctx: Context, a: int, b: int) -> tuple[Speaker | None, bool]:
    """The last speech verb with a speaker before a quotation starting at ``b``."""
    seg = ctx.text[a:b]
    verbs = list(_VERB.finditer(seg))
    for v in reversed(verbs):
        vs = a + v.start()
        if v.group() == "according to":
            end = a + v.end() + len(re.split(r"[,;:]", seg[v.end() :])[0])
            sp = _speaker_in(ctx, a + v.end(), end, nearest_end=False)
        elif _PARTICIPLE.search(v.group()):
            # "…, claiming he was …": the subject is the clause's first person.
            sp = _speaker_in(ctx, a, vs, nearest_end=False)
        else:
            sp = _speaker_in(ctx, _boundary(ctx.text, a, vs), vs, nearest_end=True)
            if sp is None:
                # "Doug Jones, the lawyer who …, called it": an appositive; the subject
                # opens the sentence. "X appeared on TV and declared": the nearest name.
                appositive = ctx.text[a:vs].rstrip().endswith(",")
                sp = _speaker_in(ctx, a, vs, nearest_end=not appositive)
        if sp is not None:
            return sp, True
    # A speech verb without a usable subject ("the GOP nominee tweeted …") still frames it.
    return None, bool(verbs)


def _named_in(name: str, said: str) -> bool:
    """Whether the words ``said`` name the person ``name`` (by surname)."""
    last = name.split()[-1] if name.split() else ""
    return bool(last[:1].isupper()) and re.search(rf"\b{re.escape(last)}\b", said) is not None


def _recent(ctx: Context, pos: int, want: str | None, said: str = "") -> str | None:
    """The most recent speaker or sentence subject before ``pos`` of a compatible gender.

    A person the quoted words name as a third party ("he did not know what Mr Trump
    discussed") is not the one speaking, so is skipped.
    """
    cands = sorted(
        [(p, n) for p, n in ctx.history if p < pos] + [(p, n) for p, n in ctx.subjects if p < pos]
    )
    for _, name in reversed(cands):
        if said and _named_in(name, said):
            continue
        g = ctx.gender.get(name)
        if want is None or g is None or g == want:
            if want:
                ctx.gender.setdefault(name, want)
            return name
    return None


def _para_before(text: str, start: int) -> int:
    """Start of the non-empty paragraph before the one starting at ``start`` (or ``start``)."""
    j = start - 1
    while j > 0 and text[j - 1] == "\n":
        j -= 1
    return text.rfind("\n", 0, j) + 1 if start > 0 else start


_LEADS_ON = re.compile(r"(?:he|she|they|his|her|their|it|its)\b", re.I)


def _standalone(ctx: Context, pos: int) -> str | None:
    """The speaker of a quotation standing alone, with no frame of its own.

    Only a continuation cue counts: a speaker or sentence subject earlier in the same
    paragraph, or a speaker (quoted or reported) in the paragraph just before; a paragraph
    opening with a pronoun ("His latest tweet …") continues the one before it. A speaker
    from an unrelated earlier paragraph is not guessed (None: "unattributed").
    """
    here = ctx.text.rfind("\n", 0, pos) + 1
    prev = _para_before(ctx.text, here)
    for _ in range(2):
        if prev == 0 or not _LEADS_ON.match(ctx.text, prev):
            break
        prev = _para_before(ctx.text, prev)
    cands = [(p, n) for p, n in ctx.history if prev <= p < pos]
    cands += [(p, n) for p, n in ctx.subjects if here <= p < pos]
    return max(cands)[1] if cands else None


def resolve(ctx: Context, sp: Speaker | None, pos: int, said: str = "") -> tuple[str | None, bool]:
    """(speaker name or description, anonymous) for a speaker phrase at offset ``pos``.

    ``said`` is the quoted or reported text: a pronoun never resolves to a person it names.
    """
    if sp is None:
        return None, False
    if sp.kind == "implicit":
        # A frame with no usable subject ("the GOP nominee said") or a quotation standing
        # alone: it belongs to whoever spoke or was the subject last.
        return _recent(ctx, sp.start if sp.start >= 0 else pos, None), False
    if sp.kind == "standalone":
        return _standalone(ctx, sp.start if sp.start >= 0 else pos), False
    if sp.kind == "anonymous":
        noun = (sp.name or "").split()[-1:]
        if noun and noun[0] in _WRITTEN and ctx.history:
            return ctx.history[-1][1], False
        if noun and noun[0] in _ISSUED:
            # "the statement said": the organization the article last named issued it.
            orgs = [e for e in ctx.ents if e.label == "ORG" and e.end <= pos]
            if orgs:
                return re.sub(r"^the\s+", "", orgs[-1].text, flags=re.I), False
        return sp.name, True
    if sp.kind == "pronoun":
        word = sp.phrase.lower()
        want = "f" if word in _FEMALE_PRON else "m" if word in _MALE_PRON else None
        at = sp.start if sp.start >= 0 else pos
        return _recent(ctx, at, want, said), False
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

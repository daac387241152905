"""Typed values in a sentence: numbers with the noun they count, and person names with
the role words before them. Used to compare two sentences that state the same claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfuse.analyze.similarity import stem

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
SCALES = {
    "dozen": 12.0,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "m": 1e6,
    "bn": 1e9,
}
HEDGES = re.compile(
    r"\b(?:at least|more than|over|about|around|nearly|almost|some|up to|roughly|"
    r"approximately|fewer than|less than|under|estimated|an estimated|as many as|dozens|"
    r"hundreds|thousands)\s*$",
    re.I,
)
_NUM = re.compile(
    r"(?<![\w.,-])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|"
    rf"(?:{'|'.join(WORD_NUMBERS)})(?:-(?:{'|'.join(WORD_NUMBERS)}))?)"
    r"(?:\s*(?P<scale>dozen|thousand|million|billion|trillion|bn|m)\b)?(?P<pct>\s*(?:%|percent\b))?",
    re.I,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "with",
        "by",
        "as",
        "is",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "their",
        "his",
        "her",
        "more",
        "than",
        "about",
        "some",
    ]
)


@dataclass(frozen=True, slots=True)
class Number:
    """A number, the content words after and before it (its head), and its span."""

    value: float
    surface: str
    phrase: str  # the number and the words it counts, as written ("12 Russian officers")
    after: tuple[str, ...]
    before: tuple[str, ...]
    hedged: bool
    percent: bool
    start: int
    end: int


def _value(num: str, scale: str | None) -> float | None:
    n = num.lower().replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", n):
        v = float(n)
    else:
        parts = n.split("-")
        if not all(p in WORD_NUMBERS for p in parts):
            return None
        v = float(sum(WORD_NUMBERS[p] for p in parts))
    return v * SCALES.get((scale or "").lower(), 1.0)


def numbers(text: str, skip: list[tuple[int, int]] = ()) -> list[Number]:  # type: ignore[assignment]
    """Numbers in ``text`` outside the ``skip`` spans (dates), with their heads.

    Examples
    --------
    >>> [(n.value, n.after[0]) for n in numbers("Police said 12 officials and two dozen people")]
    [(12.0, 'official'), (24.0, 'people')]
    """
    out: list[Number] = []
    for m in _NUM.finditer(text):
        if any(a <= m.start() < b for a, b in skip):
            continue
        v = _value(m.group("num"), m.group("scale"))
        if v is None:
            continue
        if m.group("num").isdigit() and len(m.group("num")) == 4 and 1800 <= v <= 2100:
            continue  # a year: compared as a date
        tail = re.split(r"[,;:.!?()\"“”]", text[m.end() : m.end() + 40])[0]
        words: list[str] = []
        for w in _WORD.findall(tail):
            if w.lower() in _STOP:
                if words:
                    break
                continue
            words.append(w)
            if len(words) == 3:
                break
        after = [stem(w.lower()) for w in words]
        phrase = (m.group() + tail[: tail.find(words[-1]) + len(words[-1])]) if words else m.group()
        before = [stem(w.lower()) for w in _WORD.findall(text[max(0, m.start() - 30) : m.start()])]
        before = [w for w in before if w not in _STOP][-2:]
        if not after and not before and not m.group("pct"):
            continue  # a bare number with nothing around it: too ambiguous to compare
        hedged = bool(HEDGES.search(text[max(0, m.start() - 25) : m.start()]))
        out.append(
            Number(
                v,
                m.group().strip(),
                " ".join(phrase.split()),
                tuple(after),
                tuple(before),
                hedged,
                bool(m.group("pct")),
                m.start(),
                m.end(),
            )
        )
    return out


def same_head(a: Number, b: Number) -> bool:
    """True if two numbers count the same thing (same head noun, or percent)."""
    if a.percent or b.percent:
        return (
            a.percent
            and b.percent
            and bool(set(a.before) & set(b.before) or set(a.after[:1]) & set(b.after[:1]))
        )
    if a.after and b.after:
        # Shared words count if one of them ends a counted phrase (the head noun, as in
        # "12 Russian intelligence officers"); a shared modifier alone ("four big parts",
        # "two big objects") does not.
        shared = set(a.after) & set(b.after)
        return bool(shared & {a.after[-1], b.after[-1]}) or len(shared) >= 2
    # "a vote of 52 to 48": nothing counted after, so the word before must agree.
    return bool(a.before and b.before and a.before[-1] == b.before[-1])


def differ(a: Number, b: Number, tolerance: float = 0.1) -> bool:
    """True if the values contradict; hedged values ("about 300") get a tolerance."""
    if a.value == b.value:
        return False
    if a.hedged or b.hedged:
        return abs(a.value - b.value) > tolerance * max(a.value, b.value)
    return True


def roles(text: str, persons: list[tuple[int, int, str]]) -> dict[str, str]:
    """Role words (up to two lowercase words before a name) -> the person's surname."""
    out: dict[str, str] = {}
    for a, _, name in persons:
        before = [w for w in _WORD.findall(text[max(0, a - 40) : a])][-3:]
        role = [stem(w.lower()) for w in before if w[0].islower() and w.lower() not in _STOP]
        if role:
            out[" ".join(role[-2:])] = name
    return out

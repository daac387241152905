"""A small date grammar for news text, resolved against the article's publish date.

Regular expressions find absolute dates ("July 16, 2018", "Sept. 27", "in 1990", "May
2018") and relative ones ("Thursday", "last week", "yesterday", "next summer", "five years
ago", "a day later"); rules resolve them. We do not use ``dateparser.search_dates``: it is
slow and fires on words like "may" or "second". Conventions (those of the labelled set):
weeks run Monday to Sunday and are ranges "start/end"; a season is its first month
("fall" -> "YYYY-09", winter "YYYY-12"); a bare weekday is the nearest one on or before the
anchor, or on or after it when the clause speaks of the future ("will", "next").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}  # fmt: skip
_FULL_MONTHS = frozenset(m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july"))
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3,
}  # fmt: skip

_MON = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_MOD = (
    r"(?:(?P<mod>last|next|this|early|late|earlier|later|on|starting|by|early\s+on|late\s+on)\s+)?"
)
_NUM = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several)"
_FUT = re.compile(
    r"\b(?:will|'ll|shall|is to|are to|plans? to|planned|scheduled|expected to|set to|"
    r"going to|upcoming|next|Next)\b"
)

_CASELESS = ("rel_day", "ago", "rel_unit", "later", "weekend", "year")
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (k, re.compile(p, re.I if k in _CASELESS else 0))
    for k, p in [
        ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
        (
            "wd_mdy",
            rf"\b{_WD},?\s+{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?\b",
        ),
        (
            "mdy",
            rf"\b(?:(?:on|since|until|by)\s+)?{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?\b",
        ),
        (
            "dmy",
            rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+(?P<y>\d{{4}}))?\b",
        ),
        (
            "my",
            rf"\b(?:(?:in|since|until|by|of|during|early|late|mid-?)\s+)?{_MON}\s+(?:of\s+)?(?P<y>\d{{4}})\b",
        ),
        (
            "season",
            r"\b(?:(?:in|during|by|until|of|for|from|through|before|after)\s+)?(?:(?P<smod>the|this|last|next|early|late|this\s+coming)\s+)?(?P<season>[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)(?:\s+(?:of\s+)?(?P<y>\d{4})|\s+(?P<rel>this|next|last)\s+year)?\b",
        ),
        ("ago", rf"\b{_NUM}\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b"),
        (
            "later",
            rf"\b(?:(?:{_NUM}|the\s+(?P<which>next|following|previous))\s+)(?P<unit>day|week|month|year)s?(?:\s+(?P<dir>later|earlier|before|after))?\b",
        ),
        (
            "rel_unit",
            r"\b(?:(?P<mod>last|next|this|earlier\s+this|later\s+this|past)\s+)(?P<unit>week|month|year)\b",
        ),
        ("weekend", r"\b(?P<mod>over\s+the|this|last|next)\s+weekend\b"),
        (
            "rel_day",
            r"\b(?P<word>yesterday|today|tonight|tomorrow|last\s+night|this\s+morning|this\s+afternoon|this\s+evening|earlier\s+in\s+the\s+day|earlier\s+today)\b",
        ),
        (
            "wd_pair",
            rf"\b{_WD}\s+(?:and|or|through|to)\s+(?P<wd2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
        ),
        ("wd", rf"\b{_MOD}{_WD}{_PART}\b"),
        (
            "mon",
            rf"\b(?P<pre>in|since|until|by|of|for|from|through|before|after|during|early|late|mid-?|in\s+mid-|in\s+early|in\s+late|last|next|this)\s*{_MON}(?![\w-])",
        ),
        (
            "year",
            r"(?:\b(?P<pre>in|since|during|by|until|from|before|after|early|late|mid-?|the|its|his|her|their)\s+)?(?<![\w$.,/-])(?P<y>1[89]\d\d|20\d\d)(?![\w%/-]|,\d|\.\d|\s*(?:percent|people|votes|feet|miles|meters|tons|troops|soldiers|acres|years|dollars))",
        ),
    ]
]


Day = date


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A date expression found in text and what it resolves to."""

    expression: str
    start: int
    end: int
    date: str  # "YYYY-MM-DD", "YYYY-MM", "YYYY" or "start/end"
    precision: str  # day, month, season, year, range
    first: Day  # first day it covers, for sorting and comparing
    last: Day


def _day(d: date) -> DateExpr:
    return DateExpr("", 0, 0, d.isoformat(), "day", d, d)


def _month(y: int, m: int, precision: str = "month") -> DateExpr:
    first = date(y, m, 1)
    span = 3 if precision == "season" else 1
    nm = m + span
    last = date(y + (nm - 1) // 12, (nm - 1) % 12 + 1, 1) - timedelta(days=1)
    return DateExpr("", 0, 0, f"{y:04d}-{m:02d}", precision, first, last)


def _year(y: int) -> DateExpr:
    return DateExpr("", 0, 0, f"{y:04d}", "year", date(y, 1, 1), date(y, 12, 31))


def _range(a: date, b: date) -> DateExpr:
    return DateExpr("", 0, 0, f"{a.isoformat()}/{b.isoformat()}", "range", a, b)


def _num(s: str | None) -> int:
    if not s:
        return 1
    return int(s) if s.isdigit() else NUMBERS.get(s.lower(), 1)


def _shift_months(d: date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def _nearest_year(anchor: date, month: int, day: int, future: bool) -> int:
    y = anchor.year
    try:
        cand = date(y, month, day)
    except ValueError:
        return y
    if future and cand < anchor - timedelta(days=60):
        return y + 1
    if not future and cand > anchor + timedelta(days=60):
        return y - 1
    return y


def _resolve(
    kind: str,
    g: dict[str, str | None],
    anchor: date | None,
    future: bool,
    ref: date | None,
    ref_any: date | None = None,
) -> DateExpr | None:
    y = int(g["y"] or 0) if g.get("y") else None
    if kind == "iso":
        return _day(date(int(g["y"] or 0), int(g["m"] or 0), int(g["d"] or 0)))
    if kind in ("wd_mdy", "mdy", "dmy"):
        m, d = MONTHS[(g["mon"] or "").lower().rstrip(".")], int(g["d"] or 0)
        if y is None:
            if anchor is None:
                return None
            y = _nearest_year(anchor, m, d, future)
        return _day(date(y, m, d))
    if kind == "my":
        return _month(y or 0, MONTHS[(g["mon"] or "").lower().rstrip(".")])
    if kind == "year":
        return _year(y or 0)
    if kind == "season":
        m = SEASONS[(g["season"] or "").lower()]
        if y is None:
            if anchor is None:
                return None
            smod, rel = (g.get("smod") or "").lower(), (g.get("rel") or "").lower()
            y = anchor.year
            if "next" in (smod, rel):
                y += 0 if rel or date(y, m, 1) > anchor else 1
            elif "last" in (smod, rel):
                end = _month(y, m, "season").last
                y -= 1 if rel or end >= anchor else 0
            if (
                not smod.startswith(("this", "next", "last"))
                and not rel
                and future
                and date(y, m, 1) < anchor - timedelta(days=92)
            ):
                y += 1
        return _month(y, m, "season")
    if anchor is None:
        return None
    if kind == "mon":
        m = MONTHS[(g["mon"] or "").lower().rstrip(".")]
        pre = (g.get("pre") or "").lower()
        fut = future or pre == "next"
        y = anchor.year
        if fut and m < anchor.month:
            y += 1
        elif (not fut and m > anchor.month) or (pre == "last" and m >= anchor.month):
            y -= 1
        return _month(y, m)
    if kind == "rel_day":
        w = " ".join((g["word"] or "").lower().split())
        off = {"yesterday": -1, "tomorrow": 1}.get(w, 0)
        return _day(anchor + timedelta(days=off))
    if kind == "weekend":
        mod = (g.get("mod") or "").lower()
        sat = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
        if mod == "next" or (mod == "this" and future):
            sat = anchor + timedelta(days=(5 - anchor.weekday()) % 7 or 7)
        return _range(sat, sat + timedelta(days=1))
    if kind == "wd_pair":
        one = _resolve("wd", {"wd": g["wd"]}, anchor, future, ref)
        two = _resolve("wd", {"wd": g["wd2"]}, anchor, future, ref)
        if one and two:
            lo, hi = min(one.first, two.first), max(one.first, two.first)
            if (hi - lo).days > 6:
                lo, hi = hi, lo + timedelta(days=7)
            return _range(lo, hi)
        return None
    if kind == "wd":
        wd = WEEKDAYS.index((g["wd"] or "").lower())
        mod = " ".join((g.get("mod") or "").lower().split())
        back = (anchor.weekday() - wd) % 7
        if mod == "last":
            back = back or 7
        elif mod == "next" or future or mod == "starting":
            ahead = (wd - anchor.weekday()) % 7
            if mod == "next":
                ahead = ahead or 7
            return _day(anchor + timedelta(days=ahead))
        return _day(anchor - timedelta(days=back))
    if kind == "rel_unit":
        mod, unit = " ".join((g.get("mod") or "").lower().split()), (g["unit"] or "").lower()
        n = -1 if mod in ("last", "past") else 1 if mod == "next" else 0
        if unit == "week":
            monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=n)
            return _range(monday, monday + timedelta(days=6))
        if unit == "month":
            return _month(*_shift_months(anchor, n))
        return _year(anchor.year + n)
    if kind == "ago":
        n, unit = _num(g.get("n")), (g["unit"] or "").lower()
        if unit == "day":
            return _day(anchor - timedelta(days=n))
        if unit == "week":
            return _day(anchor - timedelta(weeks=n))
        if unit == "month":
            return _month(*_shift_months(anchor, -n))
        return _year(anchor.year - n * (10 if unit == "decade" else 1))
    if kind == "later":
        unit0 = (g["unit"] or "").lower()
        base = (ref_any if unit0 in ("year", "month") else ref) or anchor
        which, way = (g.get("which") or "").lower(), (g.get("dir") or "").lower()
        if not which and not way:
            return None
        sign = -1 if which == "previous" or way in ("earlier", "before") else 1
        n, unit = (1 if which else _num(g.get("n"))) * sign, (g["unit"] or "").lower()
        if unit == "day":
            return _day(base + timedelta(days=n))
        if unit == "week":
            return _day(base + timedelta(weeks=n))
        if unit == "month":
            return _month(*_shift_months(base, n))
        return _year(base.year + n)
    return None


_PAST = frozenset(
    [
        "said",
        "told",
        "met",
        "was",
        "were",
        "had",
        "did",
        "went",
        "came",
        "made",
        "took",
        "gave",
        "held",
        "won",
        "lost",
        "began",
        "saw",
        "knew",
        "left",
        "hit",
        "fell",
        "rose",
        "ran",
        "got",
        "put",
        "set",
        "spoke",
        "wrote",
        "announced",
    ]
)


def _tense(words: list[str]) -> str | None:
    """'past' or 'future' from the first tense signal in ``words``, else None."""
    text = " ".join(words)
    fut = _FUT.search(text)
    for i, w in enumerate(words):
        lw = w.lower()
        if fut and fut.start() <= len(" ".join(words[:i])):
            return "future"
        if lw in _PAST or (lw.endswith("ed") and len(lw) > 4):
            return "past"
    return "future" if fut else None


def _is_future(text: str, a: int, b: int) -> bool:
    """Whether the event dated by ``text[a:b]`` lies in the future.

    A past-tense verb right before the expression wins ("said Thursday he will …" is a
    past Thursday); then the first tense signal of the expression's clause, then the first
    after the expression in the sentence ("Then, Sunday, the crew is to …"), then before.
    """
    tok = re.compile(r"[A-Za-z']+")
    before = tok.findall(text[max(0, a - 30) : a])[-3:]
    if any(w.lower() in _PAST or (w.lower().endswith("ed") and len(w) > 4) for w in before):
        return False
    left = max(text.rfind(c, 0, a) for c in ",;:")
    ends = [i for i in (text.find(c, b) for c in ",;:") if i >= 0]
    clause = text[left + 1 : min(ends, default=len(text))]
    for words in (tok.findall(clause), tok.findall(text[b:]), tok.findall(text[:a])[::-1]):
        t = _tense(words)
        if t:
            return t == "future"
    return False


def find_dates(
    text: str, anchor: date | None, ref: date | None = None, ref_any: date | None = None
) -> list[DateExpr]:
    """Date expressions in ``text`` (one sentence), resolved against ``anchor``.

    ``ref`` is the last day the article mentioned before, for "a day later"; ``ref_any``
    the last date of any precision, for "the following year".

    Examples
    --------
    >>> a = date(2018, 7, 20)  # a Friday
    >>> [(d.expression, d.date) for d in find_dates("He met her on July 16, 2018.", a)]
    [('on July 16, 2018', '2018-07-16')]
    >>> found = find_dates("She said Thursday he will visit in the fall.", a)
    >>> [(d.expression, d.date) for d in found]
    [('Thursday', '2018-07-19'), ('in the fall', '2018-09')]
    """
    taken: list[tuple[int, int]] = []
    hits: list[tuple[str, re.Match[str]]] = []
    for kind, pat in PATTERNS:  # earlier patterns win overlaps
        for m in pat.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if kind == "mon" and m.group("mon") == "May" and not (m.group("pre") or "").strip():
                continue
            taken.append((m.start(), m.end()))
            hits.append((kind, m))
    out: list[DateExpr] = []
    for kind, m in sorted(hits, key=lambda h: h[1].start()):  # resolve in text order
        future = _is_future(text, m.start(), m.end())
        try:
            r = _resolve(kind, m.groupdict(), anchor, future, ref, ref_any)
        except (ValueError, KeyError):
            r = None
        if r is None:
            continue
        expr = m.group().strip()
        if expr.endswith(".") and expr[:-1].split()[-1].lower() in _FULL_MONTHS:
            expr = expr[:-1]
        out.append(DateExpr(expr, m.start(), m.end(), r.date, r.precision, r.first, r.last))
        if r.precision == "day":
            ref = r.first
        if r.precision != "range":
            ref_any = r.first
    return out

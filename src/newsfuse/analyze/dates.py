"""A small date grammar for news text, resolved against the article's publish date.

Regular expressions find absolute dates ("July 16, 2018", "Sept. 27", "in 1990", "May
2018") and relative ones ("Thursday", "last week", "yesterday", "next summer", "five years
ago", "a day later"); rules resolve them. We do not use ``dateparser.search_dates``: it is
slow and fires on words like "may" or "second". Conventions (those of the labelled set):
weeks run Monday to Sunday and are ranges "start/end"; a season is its first month
("fall" -> "YYYY-09", winter "YYYY-12"); a bare weekday is the latest one on or before the
anchor, or the first one after it when the clause speaks of the future ("will", "is to").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from newsfuse.analyze.grammar import (
    _FULL_MONTHS,
    MONTHS,
    NUMBERS,
    PATTERNS,
    SEASONS,
    WEEKDAYS,
    _is_future,
)

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
    modifier: str = ""  # "the 2016 election": the noun phrase a bare year modifies


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
            if mod != "starting":  # "starting Monday" may be the anchor day itself
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


_PREP = frozenset({"in", "since", "during", "by", "until", "from", "before", "after"})
_STOP = frozenset(
    [
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "and",
        "or",
        "but",
        "that",
        "which",
        "who",
        "was",
        "were",
        "is",
        "are",
        "has",
        "have",
        "had",
        "with",
        "by",
        "as",
        "from",
        "than",
        "after",
        "before",
    ]
)


def _modified(text: str, m: re.Match[str]) -> str:
    """The noun phrase when a year is used as a modifier ("the 2016 US election"), else "".

    After a preposition ("in 2016 election") the next word must be lower case or an
    abbreviation, so "In 2007 Richmond had 47 homicides" is not a modifier.
    """
    pre = (m.group("pre") or "").lower()
    words: list[str] = []
    for w in re.finditer(r"\S+", text[m.end() :]):
        tok = w.group()
        abbrev = re.fullmatch(r"(?:[A-Z]\.){2,}", tok) is not None  # "U.S."
        bare = tok if abbrev else tok.rstrip(".,;:!?\"”'’)")
        if not bare or not re.match(r"[A-Za-z]", bare) or bare.lower() in _STOP:
            break
        if not words and pre in _PREP and not (bare.islower() or bare.replace(".", "").isupper()):
            return ""
        words.append(bare)
        if (bare != tok and not abbrev) or len(words) == 4:
            break
    if not words:
        return ""
    lead = m.group().strip()
    lead = lead[len(pre) :].strip() if pre in _PREP else lead
    return " ".join([lead, *words])


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
        mod = _modified(text, m) if kind == "year" else ""
        out.append(DateExpr(expr, m.start(), m.end(), r.date, r.precision, r.first, r.last, mod))
        if r.precision == "day":
            ref = r.first
        if r.precision != "range":
            ref_any = r.first
    return out

"""Metadata from plain-text page layouts: publish dates, bylines, outlets, page dates.

Why separate from the line rules: a header line is not just noise, it carries facts. A
labelled line ("Published : 20 Jul 2018, 01:22") gives the publish date; an unlabelled
date alone on a line ("Thursday April 18, 2024") is a page-header date and is *not* taken
as the publish date, because scraped pages stamp the day they were scraped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from dateutil import parser as du

AGENCIES = (
    "Associated Press",
    "AP",
    "Reuters",
    "AFP",
    "Agence France-Presse",
    "Xinhua",
    "Bloomberg",
    "UPI",
    "PTI",
    "IANS",
    "ANI",
    "dpa",
    "EFE",
    "Kyodo",
    "Yonhap",
    "TASS",
    "BSS",
    "UNB",
    "ANSA",
)
_AGENCY_RE = re.compile(r"\b(" + "|".join(re.escape(a) for a in AGENCIES) + r")\b")
_LABELLED_DATE = re.compile(
    r"^(?P<label>published|posted|updated|last updated|last modified|first published|"
    r"modified|date|dated)\s*(on|at)?\s*[:\-–|]?\s*(?P<value>.{6,60})$",
    re.I,
)
_BYLINE = re.compile(
    r"^(by\s+[A-Z][\w.'-]*(\s+[A-Z][\w.'-]*){0,4}(\s*(,|and)\s*[A-Z][\w.'-]*(\s+[A-Z][\w.'-]*){0,4})*"
    r"(\s*[,|/]\s*[\w .'-]{2,40})?"
    r"|[\w&.'-]+(\s+[\w&.'-]+){0,3}\s+(report|reporter|correspondent|desk|bureau|staff))$",
    re.I,
)
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}\s*\((?P<agency>[A-Za-z .-]{2,25})\)\s*[—–-]+\s*")
_DATE_WORDS = re.compile(
    r"\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|"
    r"oct(ober)?|nov(ember)?|dec(ember)?)\b\.?|\d{4}-\d{2}-\d{2}|"
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    re.I,
)
_WEEKDAY = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b,?", re.I)


@dataclass(frozen=True, slots=True)
class MetaLine:
    """What a header line says: ``kind`` is published, updated, page_date or byline."""

    kind: str
    value: str
    date: datetime | None = None


def parse_date(value: str) -> datetime | None:
    """A date from a short string, or ``None``; never guesses from digits alone.

    Examples
    --------
    >>> parse_date("20 Jul 2018, 01:22").isoformat()
    '2018-07-20T01:22:00'
    >>> parse_date("not a date") is None
    True
    """
    if not _DATE_WORDS.search(value):
        return None
    cleaned = _WEEKDAY.sub("", value).replace(" ,", ",").strip(" ,|-")
    cleaned = re.sub(r"\b(GMT|UTC|BST|EST|EDT|PST|PDT|IST)\b.*$", "", cleaned).strip(" ,")
    try:
        parsed: datetime = du.parse(cleaned, fuzzy=False, dayfirst=False)
        return parsed
    except (ValueError, OverflowError):
        try:
            parsed = du.parse(cleaned, fuzzy=True)
            return parsed
        except (ValueError, OverflowError):
            return None


def classify_meta_line(line: str) -> MetaLine | None:
    """Recognize a labelled date, a bare page date, or a byline line.

    Examples
    --------
    >>> classify_meta_line("Published : 20 Jul 2018, 01:22").kind
    'published'
    >>> classify_meta_line("Thursday April 18, 2024").kind
    'page_date'
    >>> classify_meta_line("By Jane Doe and John Roe").kind
    'byline'
    """
    if len(line) > 120:
        return None
    m = _LABELLED_DATE.match(line)
    if m:
        date = parse_date(m.group("value"))
        if date is not None:
            label = m.group("label").lower()
            kind = "updated" if ("updat" in label or "modif" in label) else "published"
            return MetaLine(kind, line, date)
    words = line.split()
    if len(words) <= 8 and not line.endswith((".", "!", "?")) and any(c.isdigit() for c in line):
        date = parse_date(line)
        if date is not None and len(_DATE_WORDS.sub("", _WEEKDAY.sub("", line)).split()) <= 3:
            return MetaLine("page_date", line, date)
    if len(words) <= 12 and _BYLINE.match(line):
        return MetaLine("byline", line)
    return None


def agency_in(text: str) -> str | None:
    """The first news agency named in ``text`` (a byline, credit or dateline)."""
    m = _AGENCY_RE.search(text)
    return m.group(1) if m else None


def dateline_agency(first_line: str) -> str | None:
    """``"WASHINGTON (AP) — ..."`` -> ``"AP"``."""
    m = _DATELINE.match(first_line)
    return m.group("agency").strip() if m else None

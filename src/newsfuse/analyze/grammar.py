"""The date grammar: month, weekday and season words, the expression patterns, and the
tense rules that decide whether a bare "Friday" is last Friday or next Friday.
"""

from __future__ import annotations

import re

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

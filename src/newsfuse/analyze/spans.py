"""Find quoted spans in article text.

Handles straight ("…") and curly (“…”) double quotes, DUC-style ``…'' quotes and single
quotes (‘…’ or '…' when they clearly open and close). Quotes are paired inside a paragraph;
an opening mark left unclosed at the end of a paragraph runs to the paragraph's end (the
news convention for a quotation continued in the next paragraph).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARA = re.compile(r"[^\n]+")
_STRAIGHT = re.compile(r'"')
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))['‘](?=[A-Z0-9])")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?])\s?['’](?=[\s,.;:!?)—–-]|$)")


@dataclass(frozen=True, slots=True)
class Span:
    """A quotation: ``outer`` includes the marks, ``inner`` is the quoted text only."""

    start: int
    end: int
    inner_start: int
    inner_end: int


def _pair_straight(text: str, a: int, b: int) -> list[tuple[int, int]]:
    marks = [m.start() for m in _STRAIGHT.finditer(text, a, b)]
    out = [(marks[i], marks[i + 1] + 1) for i in range(0, len(marks) - 1, 2)]
    if len(marks) % 2 == 1:
        last = marks[-1]
        # An unclosed mark opening the paragraph runs to its end (continued quotation).
        if last == a and not out:
            out.append((last, b))
    return out


def _pair(text: str, a: int, b: int, open_: str, close: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    i = text.find(open_, a, b)
    while i != -1:
        j = text.find(close, i + len(open_), b)
        k = text.find(open_, i + len(open_), b)
        if k != -1 and (j == -1 or k < j):
            # Left unclosed before a new opening mark (DUC style): it ends there.
            out.append((i, k))
            i = k
            continue
        if j == -1:
            out.append((i, b))
            break
        out.append((i, j + len(close)))
        i = text.find(open_, j + len(close), b)
    return out


def _pair_single(text: str, a: int, b: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = a
    while True:
        m = _SINGLE_OPEN.search(text, pos, b)
        if not m:
            break
        c = _SINGLE_CLOSE.search(text, m.end() + 1, b)
        if not c:
            break
        span = (m.start(), c.end())
        inner = text[m.end() : c.start()]
        # Contractions and possessives ("wouldn't", "officials'") are not closing marks;
        # require a multi-word utterance so a stray apostrophe never makes a quote.
        if len(inner.split()) >= 3 and not any(s <= span[0] < e for s, e in taken):
            out.append(span)
        pos = c.end()
    return out


def _inner(text: str, s: int, e: int) -> tuple[int, int]:
    i, j = s, e
    while i < j and text[i] in "\"“‘'`":
        i += 1
    while j > i and text[j - 1] in "\"”’'":
        j -= 1
    while i < j and text[i].isspace():
        i += 1
    while j > i and (text[j - 1].isspace() or text[j - 1] == ","):
        j -= 1
    return i, j


def find_spans(text: str) -> list[Span]:
    """Every quotation in ``text``, in order, non-overlapping.

    Examples
    --------
    >>> t = '"Go," he said, “now.” Then ``It works,' + "'' she said."
    >>> [t[s.inner_start : s.inner_end] for s in find_spans(t)]
    ['Go', 'now.', 'It works']
    """
    found: list[tuple[int, int]] = []
    for para in _PARA.finditer(text):
        a, b = para.start(), para.end()
        spans = _pair(text, a, b, "“", "”") + _pair(text, a, b, "``", "''")
        taken = list(spans)
        for s, e in _pair_straight(text, a, b):
            if not any(ts <= s < te or s <= ts < e for ts, te in taken):
                spans.append((s, e))
        taken = list(spans)
        if "'" in text[a:b] or "‘" in text[a:b]:
            for s, e in _pair_single(text, a, b, taken):
                if not any(ts <= s < te or s <= ts < e for ts, te in taken):
                    spans.append((s, e))
        found.extend(spans)
    out: list[Span] = []
    last_end = -1
    for s, e in sorted(found):
        if s < last_end:
            continue
        i, j = _inner(text, s, e)
        if j > i:
            out.append(Span(s, e, i, j))
            last_end = e
    return out

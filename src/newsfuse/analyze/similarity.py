"""Sentence similarity for the agreement map and conflict alignment.

TF-IDF over crudely stemmed content words (so "invited" matches "invite"), fitted on the
story's own sentences; the cosine of two sentences is how much content they share.
Numbers can be masked out so that "12 officials" and "11 officials" align as the same
claim with different values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_SUFFIX = re.compile(r"(?:'s|’s|ing|ed|es|s)$")
_NUMWORD = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
    ]
)


def stem(word: str) -> str:
    w = word.lower()
    return _SUFFIX.sub("", w) if len(w) > 4 else w


def tokens(text: str, *, mask_numbers: bool = False) -> list[str]:
    """Stemmed content words; with ``mask_numbers`` numbers and number words are dropped."""
    out = []
    for m in _TOKEN.finditer(text):
        w = m.group().lower()
        if w in ENGLISH_STOP_WORDS:
            continue
        if mask_numbers and (w[0].isdigit() or w in _NUMWORD):
            continue
        out.append(stem(w))
    return out


def similarity(texts: Sequence[str], *, mask_numbers: bool = False) -> NDArray[np.float64]:
    """Pairwise cosine of the texts' TF-IDF vectors (zeros if nothing is left)."""
    n = len(texts)
    if n == 0:
        return np.zeros((0, 0))
    vec = TfidfVectorizer(
        analyzer=lambda t: tokens(t, mask_numbers=mask_numbers), sublinear_tf=True
    )
    try:
        x = vec.fit_transform(list(texts))
    except ValueError:
        return np.zeros((n, n))
    return np.asarray((x @ x.T).toarray(), dtype=np.float64)

"""Cheap lexical features of a story's sentences: tokens, concepts, TF-IDF vectors.

Everything is computed per story from the story alone (IDF over its sentences, document
frequency over its articles), so no model or corpus statistics are needed and a summary
costs a few milliseconds. Tokens are lower-cased words with a light suffix stemmer
(plural and possessive ``s``, as ROUGE's Porter stemmer would merge them); concepts are
content-word unigrams and word bigrams (not both stop words), as in Gillick & Favre (2009).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
STOP = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "say", "mr", "mrs", "ms", "s", "t"}


def stem(word: str) -> str:
    """A light stemmer: drop possessives and plural endings only (fast, rarely wrong).

    Examples
    --------
    >>> [stem(w) for w in ("parties", "talks", "hun's", "glass", "bus", "it’s")]
    ['party', 'talk', 'hun', 'glass', 'bus', 'it']
    """
    if "'" in word or "’" in word:
        word = re.split(r"['’]", word, maxsplit=1)[0]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str, cache: dict[str, str] | None = None) -> list[str]:
    """Stemmed lower-case word tokens of ``text`` (``cache`` memoizes the stemmer)."""
    if cache is None:
        return [stem(w) for w in _TOKEN.findall(text.lower())]
    out = []
    for w in _TOKEN.findall(text.lower()):
        t = cache.get(w)
        if t is None:
            t = cache[w] = stem(w)
        out.append(t)
    return out


@dataclass(frozen=True)
class SentenceFeatures:
    """Per-sentence concept and TF-IDF matrices of one story (rows = sentences).

    ``concepts`` is binary (sentence contains concept); ``concept_df`` counts the articles
    containing each concept; ``tfidf`` rows are L2-normalized content-word TF-IDF vectors
    and ``similarity`` is their dense cosine matrix (stories have hundreds of sentences).
    """

    concepts: sparse.csr_matrix
    concept_df: NDArray[np.float64]
    concept_is_bigram: NDArray[np.bool_]
    tfidf: sparse.csr_matrix
    similarity: NDArray[np.float64]
    lengths: NDArray[np.int64]


def _concepts(toks: list[str]) -> set[str]:
    uni = {t for t in toks if t not in STOP and len(t) > 1}  # numbers count too
    bi = {f"{a} {b}" for a, b in pairwise(toks) if not (a in STOP and b in STOP)}
    return uni | bi


def build_features(texts: Sequence[str], articles: Sequence[int]) -> SentenceFeatures:
    """Features of sentences ``texts``; ``articles[i]`` numbers the article of sentence i."""
    n = len(texts)
    vocab: dict[str, int] = {}
    words: dict[str, int] = {}
    indptr, windptr = [0], [0]
    cols: list[int] = []
    wcols: list[int] = []
    wvals: list[int] = []
    cache: dict[str, str] = {}
    for text in texts:
        toks = tokens(text, cache)
        cols.extend([vocab.setdefault(c, len(vocab)) for c in _concepts(toks)])
        indptr.append(len(cols))
        counts = Counter(
            [words.setdefault(t, len(words)) for t in toks if t not in STOP and len(t) > 1]
        )
        wcols.extend(counts.keys())
        wvals.extend(counts.values())
        windptr.append(len(wcols))
    lengths = np.array([len(t.split()) for t in texts], dtype=np.int64)
    conc = sparse.csr_matrix((np.ones(len(cols)), cols, indptr), shape=(n, max(len(vocab), 1)))
    art = sparse.csr_matrix(
        (np.ones(n), (np.asarray(articles), np.arange(n))), shape=(max(articles) + 1, n)
    )
    df = np.asarray(((art @ conc) > 0).sum(axis=0)).ravel().astype(np.float64)
    is_bi = np.fromiter((" " in c for c in vocab), dtype=bool, count=len(vocab))
    if not len(vocab):
        is_bi = np.zeros(1, dtype=bool)
    tf = sparse.csr_matrix(
        (1.0 + np.log(np.asarray(wvals, dtype=np.float64)), wcols, windptr),
        shape=(n, max(len(words), 1)),
    )
    sdf = np.bincount(np.asarray(wcols, dtype=np.int64), minlength=tf.shape[1])
    idf = np.log((1.0 + n) / (1.0 + sdf)) + 1.0
    x = tf.multiply(idf[None, :]).tocsr()
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    x = x.multiply((1.0 / norms)[:, None])
    x = sparse.csr_matrix(x)
    return SentenceFeatures(conc, df, is_bi, x, (x @ x.T).toarray(), lengths)

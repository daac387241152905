"""Near-duplicate detection: syndicated wire copies and lightly edited rewrites.

:func:`find_duplicates` maps each duplicate article id to the id of the article it copies
(the first of its group in input order). Candidates come from MinHash LSH over word
3-shingles; each candidate pair is then verified with the exact Jaccard similarity, so
LSH only decides what is compared, never what is reported.

Why 3-shingles and Jaccard >= 0.3 (measured on clusters-dev, docs/clustering.md): copies
with 5-15% of words edited, paragraphs reordered and a new header/footer keep a
3-shingle Jaccard of 0.40 or more (1st percentile); distinct articles of the same story
rarely pass 0.15. 42 bands of 3 rows catch a pair at Jaccard 0.4 with probability 0.94
and at 0.5 with 0.996, while unrelated articles (Jaccard < 0.02) almost never collide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

import numpy as np

from newsfuse.base import Constraint, Interval, Stage, register
from newsfuse.dedup.minhash import Shingler, jaccard, lsh_candidates, signatures
from newsfuse.model import Article, Story
from newsfuse.unionfind import UnionFind

__all__ = ["Deduplicator", "dedup_story", "duplicate_groups", "find_duplicates"]

_CHUNK = 4096


def duplicate_groups(
    texts: Sequence[str], *, threshold: float = 0.3, bands: int = 42, rows: int = 3, k: int = 3
) -> list[int]:
    """For each text, the index of the first text of its near-duplicate group (itself if none)."""
    n = len(texts)
    shingler = Shingler(k)
    keep = n <= 20_000  # keep shingle sets for verification when they fit comfortably
    kept: list[np.ndarray] = []
    sig_parts = []
    for start in range(0, n, _CHUNK):
        sets = [shingler.hashes(t) for t in texts[start : start + _CHUNK]]
        sig_parts.append(signatures(sets, bands * rows))
        if keep:
            kept.extend(sets)
    sig = np.concatenate(sig_parts) if sig_parts else np.zeros((0, bands * rows), np.uint64)
    uf = UnionFind(n)
    empty = [False] * n
    for i in range(n):
        empty[i] = bool((sig[i] == np.iinfo(np.uint64).max).all())
    for i, j in lsh_candidates(sig, bands, rows):
        if empty[i] or empty[j] or uf.find(i) == uf.find(j):
            continue
        if keep:
            a, b = kept[i], kept[j]
        else:
            a, b = shingler.hashes(texts[i]), shingler.hashes(texts[j])
        if jaccard(a, b) >= threshold:
            uf.union(i, j)
    return [uf.find(i) for i in range(n)]


def find_duplicates(articles: Sequence[Article], *, threshold: float = 0.3) -> dict[str, str]:
    """Duplicate article id -> id of the first article (input order) of its group."""
    groups = duplicate_groups([a.text or a.raw for a in articles], threshold=threshold)
    return {
        articles[i].id: articles[g].id
        for i, g in enumerate(groups)
        if g != i and articles[i].id != articles[g].id
    }


@register("dedup")
class Deduplicator(Stage[Story, Story]):
    """Mark syndicated copies in a story: fills ``Story.duplicates``, keeps every article.

    Parameters
    ----------
    threshold : float
        Exact word-3-shingle Jaccard similarity at or above which two articles are copies.

    Examples
    --------
    >>> text = "The council approved the new budget on Monday after a long debate. " * 4
    >>> a, b = Article.new(text, id="a"), Article.new("Reuters\\n" + text, id="b")
    >>> Deduplicator()(Story.of([a, b])).duplicates
    {'b': 'a'}
    """

    requires = ("article.text",)
    assigns = ("story.duplicates",)
    _constraints: ClassVar[dict[str, list[Constraint]]] = {
        "threshold": [Interval(0.0, 1.0)],
    }

    def __init__(self, *, threshold: float = 0.3) -> None:
        self.threshold = threshold
        super().__init__()

    def __call__(self, story: Story) -> Story:
        found = find_duplicates(story.articles, threshold=self.threshold)
        return replace(story, duplicates={**found, **dict(story.duplicates)})


def dedup_story(story: Story, *, threshold: float = 0.3) -> Story:
    """The story with one article per duplicate group, for the summarizer.

    Duplicates are found if ``story.duplicates`` is empty. The returned story keeps the
    ``duplicates`` map (so every outlet can still be listed) and the story id.
    """
    dups = dict(story.duplicates) or find_duplicates(story.articles, threshold=threshold)
    kept = tuple(a for a in story.articles if a.id not in dups)
    return replace(story, articles=kept, duplicates=dups, id=story.id)

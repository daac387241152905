"""Story clustering: group articles about the same event, in batch or incrementally.

:func:`cluster_articles` is the library entry point (``newsfuse cluster`` and ``brief``
use it): near-duplicates are found first (one copy per syndicated group is clustered; the
copies follow it into its story and are listed in ``Story.duplicates``), then the unique
articles are clustered, then each story gets a label.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import ClassVar

import numpy as np

from newsfuse.base import Constraint, Interval, OneOf, Stage, register
from newsfuse.cluster.batch import cluster_texts, relabel
from newsfuse.cluster.features import article_text, tfidf_matrix
from newsfuse.cluster.incremental import IncrementalClusterer
from newsfuse.cluster.label import story_label, story_span
from newsfuse.cluster.prepare import MIN_WORDS
from newsfuse.dedup import duplicate_groups
from newsfuse.model import Article, Story

__all__ = [
    "BATCH_THRESHOLD",
    "INCREMENTAL_THRESHOLD",
    "IncrementalClusterer",
    "StoryClusterer",
    "cluster_articles",
    "cluster_labels",
    "story_label",
    "story_span",
]

# Tuned on clusters-dev (docs/clustering.md); similarity thresholds, not cluster counts.
BATCH_THRESHOLD = 0.28
INCREMENTAL_THRESHOLD = 0.28
DEDUP_THRESHOLD = 0.3
MAX_BATCH = 5_000  # above this, dense all-pairs batch is too slow and large: go incremental


def _incremental_labels(
    texts: Sequence[str],
    published: Sequence[datetime | None],
    threshold: float,
    batch_size: int,
    window_days: float | None,
) -> np.ndarray:
    inc = IncrementalClusterer(threshold=threshold, window_days=window_days)
    for start in range(0, len(texts), batch_size):
        inc.add(texts[start : start + batch_size], published[start : start + batch_size])
    return relabel(np.asarray(inc.finish(), dtype=np.int64))


def cluster_labels(
    articles: Sequence[Article],
    *,
    incremental: bool = False,
    batch_size: int = 20,
    threshold: float | None = None,
    dedup: bool = True,
    window_days: float | None = 30.0,
    min_words: int = MIN_WORDS,
) -> tuple[np.ndarray, list[int]]:
    """Story number per article, and per article the index of the article it duplicates.

    Batch mode falls back to the incremental path above ``MAX_BATCH`` unique articles,
    because all-pairs average link is quadratic in time and memory. Articles under
    ``min_words`` words are too short to place and become one-article stories.
    """
    texts = [article_text(a) for a in articles]
    n = len(texts)
    groups = duplicate_groups(texts, threshold=DEDUP_THRESHOLD) if dedup else list(range(n))
    tiny = [len((a.text or "").split()) < min_words for a in articles]
    groups = [i if tiny[i] or tiny[groups[i]] else groups[i] for i in range(n)]
    uniq = [i for i in range(n) if groups[i] == i and not tiny[i]]
    utexts = [texts[i] for i in uniq]
    upub = [articles[i].published for i in uniq]
    if incremental or len(uniq) > MAX_BATCH:
        th = INCREMENTAL_THRESHOLD if threshold is None else threshold
        ulab = _incremental_labels(utexts, upub, th, batch_size, window_days)
    else:
        ulab = cluster_texts(utexts, threshold=BATCH_THRESHOLD if threshold is None else threshold)
    pos = {i: k for k, i in enumerate(uniq)}
    top = int(ulab.max()) + 1 if len(ulab) else 0
    labels = np.empty(n, dtype=np.int64)
    for i in range(n):
        if tiny[i]:
            labels[i], top = top, top + 1
        else:
            labels[i] = ulab[pos[groups[i]]]
    return labels, groups


def cluster_articles(
    articles: Sequence[Article],
    *,
    incremental: bool = False,
    batch_size: int = 20,
    threshold: float | None = None,
    dedup: bool = True,
    window_days: float | None = 30.0,
    min_words: int = MIN_WORDS,
) -> list[Story]:
    """Group articles into stories, largest first (ties: earliest first article).

    Each story is titled (:func:`story_label`) and its ``duplicates`` maps each syndicated
    copy to the article it copies. Articles keep their input order inside a story.

    Examples
    --------
    >>> t1 = "Flood waters rose in Dhaka as monsoon rains hit Bangladesh villages on Monday."
    >>> t2 = "Monsoon rains hit Bangladesh: flood waters rose across Dhaka villages."
    >>> t3 = "The central bank raised interest rates to fight inflation, economists said."
    >>> arts = [Article.new(t, id=i) for i, t in zip("abc", [t1, t3, t2])]
    >>> [[a.id for a in s.articles] for s in cluster_articles(arts, min_words=3)]
    [['a', 'c'], ['b']]
    """
    if not articles:
        return []
    labels, groups = cluster_labels(
        articles,
        incremental=incremental,
        batch_size=batch_size,
        threshold=threshold,
        dedup=dedup,
        window_days=window_days,
        min_words=min_words,
    )
    members: dict[int, list[int]] = {}
    for i, lab in enumerate(labels.tolist()):
        members.setdefault(lab, []).append(i)
    texts = [article_text(a) for a in articles]
    stories: list[Story] = []
    for idx in sorted(members.values(), key=lambda m: (-len(m), m[0])):
        arts = [articles[i] for i in idx]
        dups = {articles[i].id: articles[groups[i]].id for i in idx if groups[i] != i}
        # Label from unique articles: copies would make a syndicated text the most central.
        uniq = [i for i in idx if groups[i] == i] or idx
        vecs = tfidf_matrix([texts[i] for i in uniq]) if len(uniq) > 1 else None
        title = story_label([articles[i] for i in uniq], vecs)
        stories.append(Story.of(arts, title=title, duplicates=dups))
    return stories


@register("cluster")
class StoryClusterer(Stage[Sequence[Article], list[Story]]):
    """Articles in, stories out (largest first); see :func:`cluster_articles`.

    Parameters
    ----------
    threshold : float or None
        Mean (average-link) similarity needed to join a story; ``None`` takes the tuned
        default of the mode.
    mode : str
        ``"batch"`` (all pairs) or ``"incremental"`` (one batch at a time, bounded window).
    batch_size : int
        Articles per incremental batch.
    dedup : bool
        Find syndicated copies first and cluster one copy per group.
    """

    requires = ("article.text",)
    assigns = ("story.articles", "story.title", "story.duplicates")
    _constraints: ClassVar[dict[str, list[Constraint]]] = {
        "threshold": [Interval(0.0, 1.0), OneOf((None,))],
        "mode": [OneOf(("batch", "incremental"))],
        "batch_size": [Interval(1, None, integer=True)],
        "dedup": [OneOf((True, False))],
    }

    def __init__(
        self,
        *,
        threshold: float | None = None,
        mode: str = "batch",
        batch_size: int = 20,
        dedup: bool = True,
    ) -> None:
        self.threshold = threshold
        self.mode = mode
        self.batch_size = batch_size
        self.dedup = dedup
        super().__init__()

    def __call__(self, articles: Sequence[Article]) -> list[Story]:
        return cluster_articles(
            articles,
            incremental=self.mode == "incremental",
            batch_size=self.batch_size,
            threshold=self.threshold,
            dedup=self.dedup,
        )


def with_title(story: Story) -> Story:
    """The story with a label computed from its articles (for stories built elsewhere)."""
    return replace(story, title=story_label(list(story.articles), None))

"""Which articles report the content of a summary sentence.

A summary sentence cites the article it was taken from and every other article with a
sentence that says the same thing. "The same thing" is measured as the cosine of
story-local TF-IDF vectors of content words (:mod:`newsfuse.summarize.features`) at or above
``threshold``; 0.3 was chosen on hand-labelled same-fact pairs from the DUC dev clusters
(estimated precision 0.81, recall 0.76; see docs/evaluation.md).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray


def supporting_articles(
    sim_row: NDArray[np.float64],
    sentence_articles: Sequence[str],
    own_article: str,
    threshold: float,
) -> tuple[str, ...]:
    """Article ids whose best-matching sentence reaches ``threshold``, own article first.

    ``sim_row`` holds the similarity of the summary sentence to every story sentence;
    ``sentence_articles`` names each story sentence's article.
    """
    best: dict[str, float] = {}
    for art, sim in zip(sentence_articles, sim_row.tolist(), strict=True):
        if sim > best.get(art, -1.0):
            best[art] = sim
    others = sorted(
        (a for a, s in best.items() if a != own_article and s >= threshold),
        key=lambda a: (-best[a], a),
    )
    return (own_article, *others)

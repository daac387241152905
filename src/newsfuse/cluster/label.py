"""Story labels: a short title and the time span of a story."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

import numpy as np
import scipy.sparse as sp

from newsfuse.model import Article

_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
MAX_LABEL_WORDS = 14


def medoid(vectors: sp.csr_matrix | None, n: int) -> int:
    """Index of the most central row (highest total cosine to the others); 0 if unknown."""
    if vectors is None or n <= 2:
        return 0
    sims = np.asarray((vectors @ vectors.T).sum(axis=1)).ravel()
    return int(np.argmax(sims))


def first_sentence(text: str, max_words: int = MAX_LABEL_WORDS) -> str:
    """The first sentence of ``text``, cut to ``max_words`` words (with an ellipsis)."""
    para = next((p.strip() for p in text.splitlines() if p.strip()), "")
    sent = _SENT_END.split(para, maxsplit=1)[0].strip()
    words = sent.split()
    if len(words) > max_words:
        return " ".join(words[:max_words]).rstrip(",;:") + "…"
    return sent


def story_label(articles: Sequence[Article], vectors: sp.csr_matrix | None) -> str:
    """The most representative headline, else the first sentence of the central article.

    Why the medoid: it shares most with the rest of the story, so its headline names the
    story rather than one angle of it. Without headlines, the first sentence of a news
    article is its lede, the best one-line description.

    Examples
    --------
    >>> story_label([Article.new("Rain fell. More rain.", title="Storm hits Paris")], None)
    'Storm hits Paris'
    >>> story_label([Article.new("Rain fell on Paris. More rain came.")], None)
    'Rain fell on Paris.'
    """
    if not articles:
        return ""
    order = [medoid(vectors, len(articles)), *range(len(articles))]
    for i in order:
        title = (articles[i].title or "").strip()
        if len(title.split()) >= 3:  # two words are usually a menu label ("Play Facebook")
            return title
    return first_sentence(articles[order[0]].text or articles[order[0]].raw)


def story_span(articles: Sequence[Article]) -> tuple[datetime | None, datetime | None]:
    """Earliest and latest publish time of the articles, ``(None, None)`` if none known."""
    dates = [a.published for a in articles if a.published is not None]
    if not dates:
        return None, None
    try:
        return min(dates), max(dates)
    except TypeError:  # naive and aware datetimes mixed: compare as naive UTC-less values
        naive = [d.replace(tzinfo=None) for d in dates]
        return min(naive), max(naive)

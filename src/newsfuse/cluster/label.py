"""Story labels: a short title and the time span of a story."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import numpy as np
import scipy.sparse as sp

from newsfuse.clean.sentences import split_spans
from newsfuse.model import Article

MAX_LABEL_WORDS = 14


def centrality_order(vectors: sp.csr_matrix | None, n: int) -> list[int]:
    """Row indices, most central first (highest total cosine to the others); input order if
    unknown."""
    if vectors is None or n <= 2:
        return list(range(n))
    sims = np.asarray((vectors @ vectors.T).sum(axis=1)).ravel()
    return [int(i) for i in np.argsort(-sims, kind="stable")]


def first_sentence(text: str, max_words: int = MAX_LABEL_WORDS) -> str:
    """The first sentence of ``text``, cut to ``max_words`` words (with an ellipsis).

    The project's splitter, not a regex: "U.N. envoys met…" must not end at "U.N."

    >>> first_sentence("After meeting Gadhafi, U.N. chief Kofi Annan left. He flew home.")
    'After meeting Gadhafi, U.N. chief Kofi Annan left.'
    """
    para = next((p.strip() for p in text.splitlines() if p.strip()), "")
    spans = split_spans(para)
    sent = para[spans[0][0] : spans[0][1]] if spans else para
    words = sent.split()
    if len(words) > max_words:
        return " ".join(words[:max_words]).rstrip(",;:") + "…"
    return sent


def story_label(articles: Sequence[Article], vectors: sp.csr_matrix | None) -> str:
    """The headline of the most central titled article, else the central article's lede.

    Why the most central: it shares most with the rest of the story, so its headline names the
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
    order = centrality_order(vectors, len(articles))
    # A headline from the central half only: an outlier's headline names another story.
    for i in order[: max(2, (len(order) + 1) // 2)]:
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

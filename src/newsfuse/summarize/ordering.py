"""Order chosen sentences to read well: story order, not score order.

A summary built from several articles reads best when it follows the shape of a news story:
what each article says first comes first. Sentences are sorted by their relative position
in their article (``index / sentences in article``), ties by article order, so the lead
facts open the summary and background or reactions close it; sentences from one article
keep their original order.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.model import Sentence


def reading_order(
    chosen: Sequence[int],
    sents: Sequence[Sentence],
    article_rank: dict[str, int],
    article_len: dict[str, int],
) -> list[int]:
    """``chosen`` sorted by (relative position, article order, index).

    Examples
    --------
    >>> s = [Sentence("a", 0, "x", 0, 1), Sentence("a", 1, "y", 2, 3),
    ...      Sentence("b", 0, "z", 0, 1)]
    >>> reading_order([1, 2, 0], s, {"a": 0, "b": 1}, {"a": 2, "b": 4})
    [0, 2, 1]
    """
    return sorted(
        chosen,
        key=lambda i: (
            sents[i].index / max(article_len[sents[i].article_id], 1),
            article_rank[sents[i].article_id],
            sents[i].index,
        ),
    )

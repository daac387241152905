"""Input hygiene for clustering: clean texts, rename duplicate ids, flag tiny articles.

Why not the article pipeline's Cleaner defaults: an article too short for a briefing
(under ``min_article_words``) is still an article that must get a story line in the
output, so here it is kept, cleaned as far as possible, and reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from newsfuse.clean import Cleaner
from newsfuse.errors import InputError
from newsfuse.model import Article

MIN_WORDS = 20  # fewer words than this: too little to place in a story; kept as a singleton


@dataclass
class ClusterInput:
    """Articles ready to cluster and one note per problem (nothing dropped silently)."""

    articles: list[Article] = field(default_factory=list)
    notes: list[InputError] = field(default_factory=list)


def prepare_for_clustering(articles: Sequence[Article], *, clean: bool = True) -> ClusterInput:
    """Clean each article (keeping it even if cleaning would reject it) and fix ids.

    A repeated id is renamed ``<id>#2``, ``<id>#3``...; an article under ``MIN_WORDS``
    words is noted (``cluster_articles`` makes it a singleton story).
    """
    cleaner = Cleaner(min_article_words=1)
    out = ClusterInput()
    seen: dict[str, str] = {}
    for art in articles:
        where = art.source or art.id
        if clean:
            try:
                art = cleaner(art)
            except InputError:
                art = replace(art, text=art.raw or art.text)
        if art.id in seen:
            n = 2
            while f"{art.id}#{n}" in seen:
                n += 1
            new_id = f"{art.id}#{n}"
            out.notes.append(
                InputError(
                    where, f"duplicate id {art.id!r} (first at {seen[art.id]}); kept as {new_id!r}"
                )
            )
            art = replace(art, id=new_id)
        seen[art.id] = where
        words = len((art.text or "").split())
        if words < MIN_WORDS:
            out.notes.append(
                InputError(where, f"only {words} words of text; kept as a one-article story")
            )
        out.articles.append(art)
    return out

"""Incremental story clustering: assign each new article to a story or open a new one.

Each article joins the story whose members it is most similar to *on average* (the
average-link criterion of the batch clusterer, applied one article at a time) if that
mean similarity reaches ``threshold``; otherwise it opens a story. Nothing already placed
is re-clustered.

Why this bounds time and memory: vectors are hashed (fixed width) with document
frequencies estimated from the stream; only members inside the window are kept
(the last ``window_articles`` articles, and when dates are known, those within
``window_days`` of the newest). Comparing a batch costs O(batch x window), so a stream
of N articles costs O(N x window): linear in N. Stored member vectors are re-weighted
with the current IDF whenever the pending buffer is folded in, so early articles do not
keep the poor weights of a cold start.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

import numpy as np
import scipy.sparse as sp

from newsfuse.cluster.features import OnlineTfidf


class IncrementalClusterer:
    """Online average-link assignment over a bounded window.

    Examples
    --------
    >>> inc = IncrementalClusterer(threshold=0.2)
    >>> a = "Flood waters rose in Dhaka as monsoon rains hit Bangladesh villages."
    >>> b = "Monsoon rains in Bangladesh: flood waters rose across Dhaka villages."
    >>> c = "The central bank raised interest rates to fight inflation, economists said."
    >>> labels = inc.add([a, c]) + inc.add([b])
    >>> labels[0] == labels[2] != labels[1]
    True
    """

    def __init__(
        self,
        *,
        threshold: float = 0.2,
        window_articles: int = 50_000,
        window_days: float | None = 30.0,
        n_features: int = 2**20,
    ) -> None:
        self.threshold = threshold
        self.window_articles = window_articles
        self.window_days = window_days
        self.tfidf = OnlineTfidf(n_features)
        self.n_stories = 0
        self.sizes: list[int] = []  # members per story ever assigned
        # Window members: raw counts (re-weighted on fold), weighted vectors, story, date.
        self._counts: list[sp.csr_matrix] = []
        self._m = sp.csr_matrix((0, n_features), dtype=np.float32)
        self._m_story = np.zeros(0, dtype=np.int64)
        self._m_time = np.zeros(0, dtype=np.float64)
        self._pending: list[tuple[sp.csr_matrix, sp.csr_matrix, np.ndarray, np.ndarray]] = []
        self._pending_rows = 0
        self._newest = -np.inf
        self.vectors: list[sp.csr_matrix] = []  # per added article, for labels (optional)
        self.keep_vectors = False

    # -- state -----------------------------------------------------------------------------
    def _window_rows(self) -> tuple[sp.csr_matrix, np.ndarray]:
        parts = [self._m]
        if self._pending:
            parts.append(self.tfidf.weigh(sp.vstack([p[0] for p in self._pending], format="csr")))
        stories = np.concatenate([self._m_story] + [p[2] for p in self._pending])
        return sp.csr_matrix(sp.vstack(parts, format="csr")), stories

    def _fold(self) -> None:
        """Move pending members into the window, evict old ones, re-weight with current IDF."""
        if not self._pending:
            return
        counts = sp.vstack(self._counts + [p[0] for p in self._pending], format="csr")
        stories = np.concatenate([self._m_story] + [p[2] for p in self._pending])
        times = np.concatenate([self._m_time] + [p[3] for p in self._pending])
        keep = np.ones(len(stories), dtype=bool)
        if len(stories) > self.window_articles:
            keep[: len(stories) - self.window_articles] = False
        if self.window_days is not None and np.isfinite(self._newest):
            keep &= ~(times < self._newest - self.window_days * 86400.0)
        counts = sp.csr_matrix(counts[keep])
        self._counts = [counts]
        self._m_story = stories[keep]
        self._m_time = times[keep]
        self._m = self.tfidf.weigh(counts)
        self._pending = []
        self._pending_rows = 0

    # -- work ------------------------------------------------------------------------------
    def add(
        self, texts: Sequence[str], published: Sequence[datetime | None] | None = None
    ) -> list[int]:
        """Assign a batch of articles; returns one story number per text, in order."""
        if not texts:
            return []
        stamps = np.array(
            [
                p.timestamp() if p is not None else np.nan
                for p in (published or [None] * len(texts))
            ],
            dtype=np.float64,
        )
        if np.isfinite(stamps).any():
            self._newest = max(self._newest, float(np.nanmax(stamps)))
        counts = self.tfidf.counts(texts)
        xb = self.tfidf.weigh(counts)
        if self.keep_vectors:
            self.vectors.extend(xb[i] for i in range(xb.shape[0]))
        rows, row_story = self._window_rows()
        # Sum of similarities of each new article to each story's window members.
        sums: dict[int, np.ndarray] = {}
        counts_in_window: dict[int, int] = {}
        if rows.shape[0]:
            sim = np.asarray((xb @ rows.T).todense())
            if np.isfinite(stamps).any() and self.window_days is not None:
                row_time = np.concatenate([self._m_time] + [p[3] for p in self._pending])
                far = np.abs(stamps[:, None] - row_time[None, :]) > self.window_days * 86400.0
                sim[far] = 0.0  # NaN comparisons are False: unknown dates never block
            uniq, inv = np.unique(row_story, return_inverse=True)
            agg = np.zeros((len(texts), len(uniq)))
            np.add.at(agg.T, inv, sim.T)
            n_in = np.bincount(inv, minlength=len(uniq))
            for col, s in enumerate(uniq.tolist()):
                sums[s] = agg[:, col]
                counts_in_window[s] = int(n_in[col])
        within = np.asarray((xb @ xb.T).todense())
        labels: list[int] = []
        for i in range(len(texts)):
            best, best_score = -1, self.threshold
            for s, total in sums.items():
                score = total[i] / counts_in_window[s]
                if score >= best_score:
                    best, best_score = s, score
            if best < 0:
                best = self.n_stories
                self.n_stories += 1
                self.sizes.append(0)
                sums[best] = np.zeros(len(texts))
                counts_in_window[best] = 0
            labels.append(best)
            self.sizes[best] += 1
            sums[best] = sums[best] + within[:, i]
            counts_in_window[best] += 1
        self._pending.append((counts, xb, np.asarray(labels, dtype=np.int64), stamps))
        self._pending_rows += len(texts)
        if self._pending_rows >= max(100, min(2000, self._m.shape[0] // 2)):
            self._fold()
        return labels


def window_seconds(days: float | None) -> timedelta | None:
    """The window as a timedelta (``None`` = no time bound)."""
    return timedelta(days=days) if days is not None else None

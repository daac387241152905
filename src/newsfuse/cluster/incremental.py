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
from datetime import datetime

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
    >>> _ = inc.add([a, c]), inc.add([b])
    >>> labels = inc.finish()
    >>> labels[0] == labels[2] != labels[1]
    True
    """

    def __init__(
        self,
        *,
        threshold: float = 0.2,
        window_articles: int = 50_000,
        window_days: float | None = 30.0,
        n_features: int = 2**18,
    ) -> None:
        self.threshold = threshold
        self.window_articles = window_articles
        self.window_days = window_days
        self.tfidf = OnlineTfidf(n_features)
        self.n_stories = 0
        # Window members: raw counts (re-weighted on fold), weighted vectors, story, date.
        self._counts: list[sp.csr_matrix] = []
        self._m = sp.csr_matrix((0, n_features), dtype=np.float32)
        self._mt = sp.csr_matrix((n_features, 0), dtype=np.float32)
        self._m_story = np.zeros(0, dtype=np.int64)
        self._m_time = np.zeros(0, dtype=np.float64)
        self._pending: list[tuple[sp.csr_matrix, sp.csr_matrix, np.ndarray, np.ndarray]] = []
        self._pending_rows = 0
        self._newest = -np.inf
        self.labels: list[int] = []  # story number of every article added so far

    # -- state -----------------------------------------------------------------------------
    def _fold(self) -> None:
        """Re-weight the window with the current IDF, re-assign the pending articles
        against it (their first assignment used a younger IDF), then move them in and evict.
        """
        if not self._pending:
            return
        pc = sp.vstack([p[0] for p in self._pending], format="csr")
        p_idx = np.concatenate([p[2] for p in self._pending])
        p_time = np.concatenate([p[3] for p in self._pending])
        counts = sp.vstack([*self._counts, pc], format="csr")
        n_old = self._m_story.shape[0]
        m_old = self.tfidf.weigh(counts[:n_old]) if n_old else self._m[:0]
        xp = self.tfidf.weigh(pc)
        sim = np.asarray((xp @ m_old.T).todense()) if n_old else np.zeros((pc.shape[0], 0))
        new = self._assign(xp, p_time, sim, self._m_story, self._m_time)
        for i, lab in zip(p_idx.tolist(), new, strict=True):
            self.labels[i] = lab
        stories = np.concatenate([self._m_story, np.asarray(new, dtype=np.int64)])
        times = np.concatenate([self._m_time, p_time])
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
        self._mt = sp.csr_matrix(self._m.T)  # V x m, so a batch product needs no transpose
        self._pending = []
        self._pending_rows = 0

    def _assign(
        self,
        xb: sp.csr_matrix,
        stamps: np.ndarray,
        sim: np.ndarray,
        row_story: np.ndarray,
        row_time: np.ndarray,
    ) -> list[int]:
        """Greedy average-link assignment of the rows of ``xb``, in order.

        ``sim`` holds the similarities of ``xb`` rows to the window members.
        """
        b = xb.shape[0]
        if sim.shape[1]:
            if np.isfinite(stamps).any() and self.window_days is not None:
                far = np.abs(stamps[:, None] - row_time[None, :]) > self.window_days * 86400.0
                sim[far] = 0.0  # NaN comparisons are False: unknown dates never block
            story_ids, inv = np.unique(row_story, return_inverse=True)
            memb = sp.csr_matrix(
                (np.ones(len(inv)), (inv, np.arange(len(inv)))), shape=(len(story_ids), len(inv))
            )
            agg = np.zeros((len(story_ids) + b, b))
            agg[: len(story_ids)] = memb @ sim.T
            size = np.zeros(len(story_ids) + b)
            size[: len(story_ids)] = np.bincount(inv, minlength=len(story_ids))
        else:
            story_ids = np.zeros(0, dtype=np.int64)
            agg = np.zeros((b, b))
            size = np.zeros(b)
        ids = story_ids.tolist()
        k = len(ids)  # stories so far (rows of agg in use)
        within = np.asarray((xb @ xb.T).todense())
        out: list[int] = []
        for i in range(b):
            best = -1
            if k:
                scores = agg[:k, i] / np.maximum(size[:k], 1.0)
                j = int(np.argmax(scores))
                if scores[j] >= self.threshold:
                    best = j
            if best < 0:
                best = k
                ids.append(self.n_stories)
                self.n_stories += 1
                k += 1
            out.append(ids[best])
            agg[best] += within[:, i]
            size[best] += 1
        return out

    # -- work ------------------------------------------------------------------------------
    def add(
        self, texts: Sequence[str], published: Sequence[datetime | None] | None = None
    ) -> list[int]:
        """Assign a batch of articles; returns one provisional story number per text.

        Articles still in the pending buffer may be re-assigned once when it is folded;
        :meth:`finish` returns the final numbers of every article added.
        """
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
        sims = [np.asarray((xb @ self._mt).todense())]
        if self._pending:
            pw = self.tfidf.weigh(sp.vstack([p[0] for p in self._pending], format="csr"))
            sims.append(np.asarray((xb @ pw.T).todense()))
        row_story = np.concatenate(
            [self._m_story] + [np.asarray([self.labels[i] for i in p[2]]) for p in self._pending]
        ).astype(np.int64)
        row_time = np.concatenate([self._m_time] + [p[3] for p in self._pending])
        labels = self._assign(xb, stamps, np.hstack(sims), row_story, row_time)
        idx = np.arange(len(self.labels), len(self.labels) + len(texts))
        self.labels.extend(labels)
        self._pending.append((counts, xb, idx, stamps))
        self._pending_rows += len(texts)
        if self._pending_rows >= max(100, min(2000, self._m.shape[0] // 2)):
            self._fold()
        return labels

    def finish(self) -> list[int]:
        """Fold the pending buffer and return the final story number of every article."""
        self._fold()
        return list(self.labels)

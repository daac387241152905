"""Incremental story clustering: re-cluster only the graph components a new batch touches.

Batch clustering is average link inside each connected component of the graph whose
edges are article pairs with cosine >= ``edge`` (see :mod:`newsfuse.cluster.batch`). So a
stream can keep the window's articles, their term counts and that sparse neighbour graph;
for each new batch it adds the new articles' edges (one sparse product against the
window), finds the components the new articles belong to, and re-runs the batch step
inside those components only, with vectors re-weighted by the current stream IDF. Stories
elsewhere are not touched. A component larger than ``max_component`` is not re-clustered
whole: the new articles are clustered with the stories they have edges to (bounded).

Story ids stay stable: after a re-cluster, each new cluster takes the old id it shares
most articles with (largest overlap first, older id on ties; each old id used once), so a
story that only gains articles keeps its id; when stories merge, the merged story keeps
the id of the part with most articles; when one splits, the larger part keeps the id and
the rest get new ids.

Cold start: while the window is small (<= ``refresh_max`` = 2,000 articles), every time the
stream doubles (64, 128, 256, ...) the whole window's edges are recomputed with the
current IDF and its components re-clustered; early edges were found with a young IDF.
This costs O(N) amortized and stops once the window is large.

Memory and time are bounded by the window: the last ``window_articles`` articles and,
when dates are known, those within ``window_days`` of the newest (older articles are
evicted: their stories can no longer grow). A batch costs one O(batch x window) sparse
product plus the re-clustered components.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from newsfuse.cluster.batch import EDGE_THRESHOLD, component_labels
from newsfuse.cluster.features import OnlineTfidf

REFRESH_GROWTH = 2.0  # cold-start refresh each time the stream grows by this factor


class IncrementalClusterer:
    """Stream clusterer equal to batch clustering up to IDF drift and the window.

    Examples
    --------
    >>> inc = IncrementalClusterer()
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
        threshold: float = 0.28,
        edge: float = EDGE_THRESHOLD,
        window_articles: int = 50_000,
        window_days: float | None = 30.0,
        n_features: int = 2**18,
        max_component: int = 150,
        refresh_max: int = 2_000,
    ) -> None:
        self.threshold = threshold
        self.edge = edge
        self.window_articles = window_articles
        self.window_days = window_days
        self.max_component = max_component
        self.refresh_max = refresh_max
        self.tfidf = OnlineTfidf(n_features)
        self.n_stories = 0
        self.labels: list[int] = []  # story id of every article added so far
        # Window: article ids (stream positions), counts, weighted vectors, times.
        self._ids = np.zeros(0, dtype=np.int64)
        self._counts = sp.csr_matrix((0, n_features), dtype=np.float32)
        self._mt = sp.csr_matrix((n_features, 0), dtype=np.float32)  # weighted, transposed
        self._time = np.zeros(0, dtype=np.float64)
        self._pending: list[tuple[np.ndarray, sp.csr_matrix, np.ndarray]] = []
        self._row: dict[int, tuple[int, int]] = {}  # id -> (block, row); block -1 = window
        self._adj: dict[int, set[int]] = {}
        self._story: dict[int, set[int]] = {}  # story id -> its articles in the window
        self._newest = -np.inf
        self._next_refresh = 64

    # -- helpers ---------------------------------------------------------------------------
    def _pending_counts(self) -> sp.csr_matrix:
        if not self._pending:
            return sp.csr_matrix((0, self._counts.shape[1]), dtype=np.float32)
        return sp.csr_matrix(sp.vstack([p[1] for p in self._pending], format="csr"))

    def _rows(self, ids: Sequence[int], pend: sp.csr_matrix) -> sp.csr_matrix:
        """Count rows of window articles ``ids`` (from the window or the pending buffer)."""
        offsets = np.cumsum([0] + [len(p[0]) for p in self._pending])
        where = [self._row[i] for i in ids]
        in_window = np.array([block < 0 for block, _ in where], dtype=bool)
        rows = np.array([r if block < 0 else int(offsets[block]) + r for block, r in where])
        stacked = sp.vstack([self._counts[rows[in_window]], pend[rows[~in_window]]], format="csr")
        perm = np.r_[np.flatnonzero(in_window), np.flatnonzero(~in_window)]
        return sp.csr_matrix(stacked[np.argsort(perm)])

    def _component(self, start: int, limit: int) -> tuple[list[int], bool]:
        """The component of ``start`` and True, or its first ``limit + 1`` nodes and False.

        Why bounded: on a dense stream one component can span thousands of articles, and
        walking all of it for every batch was the largest cost at 10k articles.
        """
        comp, stack, seen = [start], [start], {start}
        while stack:
            for j in self._adj.get(stack.pop(), ()):
                if j not in seen:
                    seen.add(j)
                    comp.append(j)
                    if len(comp) > limit:
                        return comp, False
                    stack.append(j)
        return comp, True

    def _set_label(self, i: int, story: int) -> None:
        old = self.labels[i]
        if old == story:
            return
        if old >= 0:
            members = self._story[old]
            members.discard(i)
            if not members:
                del self._story[old]
        self._story.setdefault(story, set()).add(i)
        self.labels[i] = story

    def _recluster(self, ids: list[int], pend: sp.csr_matrix) -> None:
        """The batch step on ``ids`` with the current IDF; stable story ids.

        The stored edges were found with the IDF of their day, so ``ids`` is first split
        into the components of its *current* cosine graph: exactly what batch clustering
        would see. Without it, edges that drifted below ``edge`` kept unrelated articles in
        one component and changed their second-order similarity (dev, 12 shuffled orders:
        mean B-cubed F1 0.922 -> 0.929, worst order 0.877 -> 0.917).
        """
        x = self.tfidf.weigh(self._rows(ids, pend))
        lab = component_labels(np.asarray((x @ x.T).todense()), self.threshold, self.edge)
        old = [self.labels[i] for i in ids]
        overlap: dict[tuple[int, int], int] = {}
        for new_lab, old_lab in zip(lab.tolist(), old, strict=True):
            if old_lab >= 0:
                overlap[(new_lab, old_lab)] = overlap.get((new_lab, old_lab), 0) + 1
        name: dict[int, int] = {}
        used: set[int] = set()
        for (new_lab, old_lab), _ in sorted(overlap.items(), key=lambda kv: (-kv[1], kv[0][1])):
            if new_lab not in name and old_lab not in used:
                name[new_lab] = old_lab
                used.add(old_lab)
        for i, new_lab in zip(ids, lab.tolist(), strict=True):
            if new_lab not in name:
                name[new_lab] = self.n_stories
                self.n_stories += 1
            self._set_label(i, name[new_lab])

    def _local(self, new: set[int]) -> list[int]:
        """Bounded stand-in for a too-large component: new articles plus linked stories."""
        hits: dict[int, int] = {}
        for i in new:
            for j in self._adj.get(i, ()):
                if self.labels[j] >= 0:
                    hits[self.labels[j]] = hits.get(self.labels[j], 0) + 1
        out = sorted(new)
        for story in sorted(hits, key=lambda s: -hits[s]):
            members = self._story[story]
            if len(out) + len(members) > self.max_component:
                break
            out.extend(sorted(members))
        return out

    def _add_edges(self, ids: np.ndarray, sim: np.ndarray, cols: np.ndarray) -> None:
        rows, cs = np.nonzero(sim >= self.edge)
        for r, c in zip(ids[rows].tolist(), cols[cs].tolist(), strict=True):
            if r != c:
                self._adj.setdefault(r, set()).add(c)
                self._adj.setdefault(c, set()).add(r)

    def _far(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        if self.window_days is None:
            return np.zeros((len(a), len(b)), dtype=bool)
        far: np.ndarray = np.abs(a[:, None] - b[None, :]) > self.window_days * 86400.0
        return far  # NaN (unknown date) compares False: never far

    # -- window maintenance ----------------------------------------------------------------
    def _fold(self) -> None:
        """Move the pending buffer into the window, evict old articles, re-weight vectors."""
        if self._pending:
            self._ids = np.concatenate([self._ids, *[p[0] for p in self._pending]])
            self._time = np.concatenate([self._time, *[p[2] for p in self._pending]])
            self._counts = sp.csr_matrix(sp.vstack([self._counts, self._pending_counts()]))
            self._pending = []
        keep = np.ones(len(self._ids), dtype=bool)
        if len(keep) > self.window_articles:
            keep[: len(keep) - self.window_articles] = False
        if self.window_days is not None and np.isfinite(self._newest):
            keep &= ~(self._time < self._newest - self.window_days * 86400.0)
        gone = set(self._ids[~keep].tolist())
        for i in gone:
            story = self._story.get(self.labels[i])
            if story is not None:
                story.discard(i)
                if not story:
                    del self._story[self.labels[i]]
            for j in self._adj.pop(i, ()):
                if j in self._adj:
                    self._adj[j].discard(i)
        self._ids, self._time = self._ids[keep], self._time[keep]
        self._counts = sp.csr_matrix(self._counts[keep])
        self._row = {int(i): (-1, r) for r, i in enumerate(self._ids.tolist())}
        self._mt = sp.csr_matrix(self.tfidf.weigh(self._counts).T)

    def _refresh(self) -> None:
        """Recompute every window edge with the current IDF and re-cluster all components."""
        self._fold()
        m = self.tfidf.weigh(self._counts)
        sim = np.asarray((m @ m.T).todense())
        sim[self._far(self._time, self._time)] = 0.0
        self._adj = {}
        self._add_edges(self._ids, sim, self._ids)
        empty = self._pending_counts()
        _, comp = connected_components(sp.csr_matrix(sim >= self.edge), directed=False)
        for k in np.unique(comp):
            ids = self._ids[comp == k].tolist()
            if len(ids) > 1:
                self._recluster(ids, empty)

    # -- work ------------------------------------------------------------------------------
    def add(
        self, texts: Sequence[str], published: Sequence[datetime | None] | None = None
    ) -> list[int]:
        """Cluster a batch into the window; returns the current story id of each text.

        Re-clustering a touched component may change the ids of earlier articles in it
        (see the module docstring); :meth:`finish` returns the ids of every article.
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
        start = len(self.labels)
        ids = np.arange(start, start + len(texts))
        counts = self.tfidf.counts(texts)
        self.labels.extend([-1] * len(texts))
        xb = self.tfidf.weigh(counts)
        pend_c = self._pending_counts()
        p_ids = np.concatenate([p[0] for p in self._pending]) if self._pending else ids[:0]
        p_time = np.concatenate([p[2] for p in self._pending]) if self._pending else stamps[:0]
        for cols, times, sim in (
            (self._ids, self._time, np.asarray((xb @ self._mt).todense())),
            (p_ids, p_time, np.asarray((xb @ self.tfidf.weigh(pend_c).T).todense())),
            (ids, stamps, np.asarray((xb @ xb.T).todense())),
        ):
            if len(cols):
                sim[self._far(stamps, times)] = 0.0
                self._add_edges(ids, sim, cols)
        self._pending.append((ids, counts, stamps))
        for r, i in enumerate(ids.tolist()):
            self._row[i] = (len(self._pending) - 1, r)
        pend = self._pending_counts()
        done: set[int] = set()
        big: set[int] = set()  # new articles in components over max_component
        new = set(ids.tolist())
        for i in ids.tolist():
            if i in done:
                continue
            comp, whole = self._component(i, self.max_component)
            done.update(new.intersection(comp))
            if len(comp) == 1:  # no edge: a new story, nothing to re-cluster
                self._set_label(i, self.n_stories)
                self.n_stories += 1
            elif whole:
                self._recluster(comp, pend)
            else:
                big.update(new.intersection(comp))
        if big:  # one bounded re-cluster for all of them (average link keeps apart)
            self._recluster(self._local(big), pend)
        n_pend = sum(len(p[0]) for p in self._pending)
        if len(self.labels) >= self._next_refresh and len(self._ids) + n_pend <= self.refresh_max:
            self._next_refresh = int(self._next_refresh * REFRESH_GROWTH)
            self._refresh()
        elif n_pend >= min(2000, max(100, int(np.sqrt(40 * len(self._ids))))):
            # Pending size P costs ~P/40 per article (re-weighed every batch of 20) and a
            # fold costs ~window/P per article: P = sqrt(40 x window) balances the two.
            self._fold()
        return [self.labels[i] for i in ids.tolist()]

    def finish(self) -> list[int]:
        """The final story id of every article added."""
        self._fold()
        return list(self.labels)

"""Batch story clustering: average link inside the components of a similarity graph.

Why average link with a threshold: the number of stories is unknown, and a similarity
threshold means the same thing whatever the corpus size, where a cluster count does not.
Single link chains unrelated stories through one shared wire paragraph; complete link
splits the multi-day topic clusters; average link sits between (measured on dev).

Why components: average link cut at ``t`` never merges two clusters unless some pair
across them is similar enough, so it can run separately inside each connected component
of the graph whose edges are pairs with cosine >= ``EDGE_THRESHOLD`` (0.15, below the
cut, so the second-order term rarely lifts a non-edge pair over it). The incremental
clusterer relies on this: it re-runs exactly this per-component step on the components a
new batch touches, so batch and incremental agree up to IDF drift.

The similarity is the cosine of TF-IDF vectors, mixed with a *second-order* cosine: how
alike two articles' top-k neighbour lists are (neighbours taken inside the component).
Articles of a broad story (a hurricane covered over ten days) often share few words
pairwise but have the same neighbours, so the mix lifts recall on those stories without
merging one-off topics. An article's own similarity (``self_weight``) is part of its
neighbour profile: without it, two unrelated articles that share a single neighbour have
identical profiles and a second-order cosine of ~1.

Why a vote: B-cubed F1 on dev jumps by +-0.01 between neighbouring settings of the cut,
the mix and the self weight (a 10-article topic merges or splits). So each component is
clustered under a small grid of those settings (:data:`VOTERS` x :data:`CUT_OFFSETS`
around the threshold) and two articles share a story when most settings put them
together (average link over the co-assignment rate, cut at 0.5: evidence accumulation,
Fred & Jain 2005). Measured in docs/clustering.md.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from scipy.cluster.hierarchy import linkage
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform

from newsfuse.cluster.features import tfidf_matrix
from newsfuse.unionfind import UnionFind

EDGE_THRESHOLD = 0.15  # cosine for a graph edge (components); measured on dev
KNN = 10
MIX = 0.3
# (self weight, mix) settings and cut offsets from the threshold that vote (docs/clustering.md)
VOTERS = ((0.0, 0.3), (0.0, 0.4), (0.3, 0.3), (0.3, 0.4), (0.5, 0.3), (0.5, 0.4))
CUT_OFFSETS = (-0.03, -0.01, 0.01, 0.03)


def _top_k_rows(sim: np.ndarray, k: int) -> np.ndarray:
    """``sim`` with each row kept to its ``k`` largest off-diagonal entries; diagonal 0."""
    t = sim.astype(np.float64).copy()
    np.fill_diagonal(t, 0.0)
    kk = min(k, t.shape[0] - 1)
    kth = -np.partition(-t, kk - 1, axis=1)[:, kk - 1 : kk]
    t[t < kth] = 0.0
    return t


def second_orders(sim: np.ndarray, k: int, self_weights: Sequence[float]) -> list[np.ndarray]:
    """:func:`second_order` for several self weights from one matrix product.

    With ``t`` the top-k rows and ``w`` the self weight, rows ``t + wI`` have dot products
    ``t t' + w (t + t') + w^2 I``: the product ``t t'`` is shared by every weight.
    """
    n = sim.shape[0]
    if n <= 1:
        return [np.ones((n, n)) for _ in self_weights]
    t = _top_k_rows(sim, k)
    gram = t @ t.T
    sym = t + t.T
    out = []
    for w in self_weights:
        dots = gram + w * sym
        dots[np.diag_indices(n)] += w * w
        norms = np.sqrt(np.maximum(np.diag(dots), 0.0))
        norms[norms == 0] = 1.0
        s2 = dots / np.outer(norms, norms)
        np.fill_diagonal(s2, 1.0)
        out.append(s2)
    return out


def second_order(sim: np.ndarray, k: int, self_weight: float = 0.0) -> np.ndarray:
    """Cosine between rows of ``sim`` kept to each row's top ``k`` neighbours.

    The diagonal (an article's similarity to itself) is set to ``self_weight``.
    """
    return second_orders(sim, k, (self_weight,))[0]


def _mix(cos: np.ndarray, s2: np.ndarray | None, mix: float) -> np.ndarray:
    s = np.asarray(cos, dtype=np.float64).copy()
    np.fill_diagonal(s, 1.0)
    if s2 is not None and mix > 0 and s.shape[0] > 2:
        s = (1.0 - mix) * s + mix * s2
    return np.clip(s, 0.0, 1.0)


def mixed_similarity(
    cos: np.ndarray, *, knn: int = KNN, mix: float = MIX, self_weight: float = 0.0
) -> np.ndarray:
    """``(1 - mix) x cosine + mix x second-order cosine``, clipped to [0, 1]."""
    s2 = second_order(cos, knn, self_weight) if mix > 0 and cos.shape[0] > 2 else None
    return _mix(cos, s2, mix)


def _average_link_tree(sim: np.ndarray) -> np.ndarray:
    """scipy's average-link tree over distance ``1 - sim`` (symmetrized).

    scipy's ``linkage`` (nearest-neighbour chain, O(n^2)) has far less per-call overhead
    than sklearn's wrapper, which matters when thousands of small components are clustered.
    """
    dist = np.maximum(1.0 - (sim + sim.T) / 2.0, 0.0)
    np.fill_diagonal(dist, 0.0)
    tree: np.ndarray = linkage(squareform(dist, checks=False), method="average")
    return tree


def _merges_within(tree: np.ndarray, threshold: float) -> int:
    """How many of the tree's merges are at distance <= ``1 - threshold``.

    Average-link heights never decrease, so these are the tree's first merges.
    """
    return int(np.searchsorted(tree[:, 2], 1.0 - threshold + 1e-9, side="right"))


def _first_merges(tree: np.ndarray, m: int) -> np.ndarray:
    """Flat labels after the first ``m`` merges of ``tree``.

    Same result as ``fcluster(criterion="distance")`` (tested), whose input validation cost
    more than the clustering itself when thousands of small components are cut many times.
    """
    n = tree.shape[0] + 1
    uf = UnionFind(2 * n - 1)
    for k, (a, b) in enumerate(tree[:m, :2].astype(np.int64).tolist()):
        uf.union(a, n + k)
        uf.union(b, n + k)
    return relabel(np.array([uf.find(i) for i in range(n)], dtype=np.int64))


def _cut(tree: np.ndarray, threshold: float) -> np.ndarray:
    """Flat clusters: the tree's merges at distance <= ``1 - threshold``."""
    return _first_merges(tree, _merges_within(tree, threshold))


def average_link(sim: np.ndarray, threshold: float) -> np.ndarray:
    """Labels 0..k-1 from average-link clustering, merging while mean similarity >= threshold."""
    n = sim.shape[0]
    if n <= 1:
        return np.zeros(n, dtype=np.int64)
    return _cut(_average_link_tree(sim), threshold)


def cluster_component(cos: np.ndarray, threshold: float) -> np.ndarray:
    """Story labels of one component from its dense cosine matrix, by majority of voters.

    Each voter is average link on :func:`mixed_similarity` under one (self weight, mix)
    setting, cut at ``threshold`` plus each of :data:`CUT_OFFSETS`; the result is average
    link on the share of votes that put two articles together, cut at one half.
    """
    n = cos.shape[0]
    if n <= 1:
        return np.zeros(n, dtype=np.int64)
    votes = np.zeros((n, n))
    weights = sorted({w for w, _ in VOTERS})
    s2 = dict(zip(weights, second_orders(cos, KNN, weights), strict=True))
    for self_weight, mix in VOTERS:
        tree = _average_link_tree(_mix(cos, s2[self_weight], mix))
        cuts = [_merges_within(tree, threshold + offset) for offset in CUT_OFFSETS]
        for m in set(cuts):  # cuts with the same merge count give the same partition
            lab = _first_merges(tree, m)
            votes += cuts.count(m) * (lab[:, None] == lab[None, :])
    return average_link(votes / (len(VOTERS) * len(CUT_OFFSETS)), 0.5)


def component_labels(cos: np.ndarray, threshold: float, edge: float = EDGE_THRESHOLD) -> np.ndarray:
    """Story labels: :func:`cluster_component` run inside each graph component."""
    n = cos.shape[0]
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    _, comp = connected_components(sp.csr_matrix(cos >= edge), directed=False)
    labels = np.empty(n, dtype=np.int64)
    top = 0
    order = np.argsort(comp, kind="stable")
    bounds = np.flatnonzero(np.r_[True, np.diff(comp[order]) != 0, True])
    for a, b in itertools.pairwise(bounds.tolist()):
        idx = order[a:b]
        lab = cluster_component(cos[np.ix_(idx, idx)], threshold)
        labels[idx] = lab + top
        top += int(lab.max()) + 1
    return relabel(labels)


def relabel(labels: np.ndarray) -> np.ndarray:
    """Renumber labels 0..k-1 in order of first appearance (stable output)."""
    out = np.empty(len(labels), dtype=np.int64)
    seen: dict[int, int] = {}
    for i, lab in enumerate(labels.tolist()):
        out[i] = seen.setdefault(int(lab), len(seen))
    return out


def cluster_texts(texts: Sequence[str], *, threshold: float) -> np.ndarray:
    """Story labels for ``texts`` (batch)."""
    x = tfidf_matrix(texts)
    return component_labels(np.asarray((x @ x.T).todense()), threshold)


__all__ = [
    "EDGE_THRESHOLD",
    "average_link",
    "cluster_component",
    "cluster_texts",
    "component_labels",
    "mixed_similarity",
    "relabel",
    "second_order",
]

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
merging one-off topics.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform

from newsfuse.cluster.features import tfidf_matrix

EDGE_THRESHOLD = 0.15  # cosine for a graph edge (components); measured on dev
KNN = 10
MIX = 0.3


def second_order(sim: np.ndarray, k: int) -> np.ndarray:
    """Cosine between rows of ``sim`` kept to each row's top ``k`` neighbours (self out)."""
    n = sim.shape[0]
    t = sim.astype(np.float64).copy()
    np.fill_diagonal(t, 0.0)
    if n <= 1:
        return np.ones_like(t)
    kk = min(k, n - 1)
    kth = -np.partition(-t, kk - 1, axis=1)[:, kk - 1 : kk]
    t[t < kth] = 0.0
    norms = np.linalg.norm(t, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    t /= norms
    s2 = t @ t.T
    np.fill_diagonal(s2, 1.0)
    return s2


def mixed_similarity(cos: np.ndarray, *, knn: int = KNN, mix: float = MIX) -> np.ndarray:
    """``(1 - mix) x cosine + mix x second-order cosine``, clipped to [0, 1]."""
    s = np.asarray(cos, dtype=np.float64).copy()
    np.fill_diagonal(s, 1.0)
    if mix > 0 and s.shape[0] > 2:
        s = (1.0 - mix) * s + mix * second_order(s, knn)
    return np.clip(s, 0.0, 1.0)


def similarity_matrix(
    texts: Sequence[str],
    *,
    knn: int = KNN,
    mix: float = MIX,
    idf_power: float = 1.5,
    proper_boost: float = 0.5,
) -> np.ndarray:
    """Pairwise article similarity in [0, 1] over all texts (dense; a few thousand at most)."""
    x = tfidf_matrix(texts, idf_power=idf_power, proper_boost=proper_boost)
    return mixed_similarity(np.asarray((x @ x.T).todense()), knn=knn, mix=mix)


def average_link(sim: np.ndarray, threshold: float) -> np.ndarray:
    """Labels 0..k-1 from average-link clustering, merging while mean similarity >= threshold.

    scipy's ``linkage`` (nearest-neighbour chain, O(n^2)) has far less per-call overhead
    than sklearn's wrapper, which matters when thousands of small components are clustered.
    """
    n = sim.shape[0]
    if n <= 1:
        return np.zeros(n, dtype=np.int64)
    dist = np.maximum(1.0 - (sim + sim.T) / 2.0, 0.0)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    return relabel(fcluster(tree, t=1.0 - threshold + 1e-9, criterion="distance"))


def cluster_component(cos: np.ndarray, threshold: float) -> np.ndarray:
    """Average-link labels of one component from its dense cosine matrix."""
    if cos.shape[0] <= 1:
        return np.zeros(cos.shape[0], dtype=np.int64)
    return average_link(mixed_similarity(cos), threshold)


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
    "similarity_matrix",
]

"""Clustering evaluation: B-cubed, pairwise F1 and ARI against gold stories.

``newsfuse eval clusters GOLD.jsonl`` scores batch and incremental newsfuse clustering and,
in the same run, the baseline: plain sublinear TF-IDF with average-link agglomerative
clustering cut at a distance tuned once on clusters-dev (``BASELINE_DISTANCE``).
"""

from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from newsfuse.errors import InputError
from newsfuse.model import Article

# Tuned on clusters-dev.jsonl (best B-cubed F1 of a 0.50..0.98 sweep in 0.02 steps).
BASELINE_DISTANCE = 0.86


@dataclass(frozen=True, slots=True)
class ClusterScores:
    """Scores of one predicted clustering against gold."""

    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    ari: float
    n_pred: int
    n_gold: int


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_clusters(gold: Sequence[Any], pred: Sequence[Any]) -> ClusterScores:
    """B-cubed (Bagga & Baldwin, 1998), pairwise precision/recall and ARI.

    Examples
    --------
    >>> s = score_clusters(["a", "a", "b"], [1, 1, 2])
    >>> s.bcubed_f1, s.pairwise_f1, s.n_pred
    (1.0, 1.0, 2)
    >>> round(score_clusters(["a", "a", "b", "b"], [1, 1, 1, 1]).bcubed_precision, 2)
    0.5
    """
    from sklearn.metrics import adjusted_rand_score

    if len(gold) != len(pred):
        raise ValueError("gold and pred differ in length")
    n = len(gold)
    if n == 0:
        return ClusterScores(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0, 0)
    joint = Counter(zip(gold, pred, strict=True))
    gsize, psize = Counter(gold), Counter(pred)
    bp = sum(c * c / psize[p] for (_, p), c in joint.items()) / n
    br = sum(c * c / gsize[g] for (g, _), c in joint.items()) / n
    same_both = sum(c * (c - 1) / 2 for c in joint.values())
    same_pred = sum(c * (c - 1) / 2 for c in psize.values())
    same_gold = sum(c * (c - 1) / 2 for c in gsize.values())
    pp = same_both / same_pred if same_pred else 1.0
    pr = same_both / same_gold if same_gold else 1.0
    return ClusterScores(
        bcubed_precision=bp,
        bcubed_recall=br,
        bcubed_f1=_f1(bp, br),
        pairwise_precision=pp,
        pairwise_recall=pr,
        pairwise_f1=_f1(pp, pr),
        ari=float(adjusted_rand_score(list(map(str, gold)), list(map(str, pred)))),
        n_pred=len(psize),
        n_gold=len(gsize),
    )


def read_gold(path: Path) -> tuple[list[Article], list[str], list[InputError]]:
    """Gold JSONL (``id``, ``text``, ``story``): articles, their stories, bad lines."""
    from newsfuse.ingest.readers import article_from_record

    arts: list[Article] = []
    stories: list[str] = []
    problems: list[InputError] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict) or rec.get("story") in (None, ""):
                raise InputError(where, "not an object with a 'story' field")
            found = list(article_from_record(rec, where))
        except json.JSONDecodeError as exc:
            problems.append(InputError(where, f"invalid JSON ({exc.msg})"))
            continue
        except InputError as err:
            problems.append(err)
            continue
        for art in found:
            arts.append(art)
            stories.append(str(rec["story"]))
    return arts, stories, problems


def baseline_labels(texts: Sequence[str], distance: float = BASELINE_DISTANCE) -> np.ndarray:
    """TF-IDF (sublinear, English stop words) + average-link cut at ``distance``."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(texts) < 2:
        return np.zeros(len(texts), dtype=np.int64)
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    dist = np.maximum(1.0 - np.asarray((x @ x.T).todense()), 0.0)
    np.fill_diagonal(dist, 0.0)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=distance
    )
    labels: np.ndarray = model.fit_predict(dist)
    return labels


def shuffled_orders(
    arts: Sequence[Article], gold: Sequence[str], n: int, *, batch_size: int = 20
) -> dict[str, Any]:
    """Batch and incremental B-cubed F1 on ``n`` shuffled orders of the same articles.

    Why: a stream's order changes what the incremental clusterer sees first (and its IDF);
    one file order says little about the worst case. Orders are ``random.Random(100 + s)``
    shuffles, s = 0..n-1, so a run is reproducible.
    """
    from newsfuse.cluster import cluster_labels

    seeds = [100 + s for s in range(n)]
    batch: list[float] = []
    inc: list[float] = []
    for seed in seeds:
        order = list(range(len(arts)))
        random.Random(seed).shuffle(order)
        a, g = [arts[i] for i in order], [gold[i] for i in order]
        labels, _ = cluster_labels(a)
        batch.append(score_clusters(g, labels.tolist()).bcubed_f1)
        labels, _ = cluster_labels(a, incremental=True, batch_size=batch_size)
        inc.append(score_clusters(g, labels.tolist()).bcubed_f1)
    return {"seeds": seeds, "batch_bcubed_f1": batch, "incremental_bcubed_f1": inc}


def evaluate_clusters(path: Path, *, batch_size: int = 20, shuffles: int = 0) -> dict[str, Any]:
    """Scores of batch, incremental (file order) and the baseline on one gold file.

    With ``shuffles`` > 0, also batch and incremental on that many shuffled orders.
    """
    from newsfuse.cluster import cluster_labels
    from newsfuse.cluster.features import article_text
    from newsfuse.cluster.prepare import prepare_for_clustering

    arts, gold, problems = read_gold(path)
    prepared = prepare_for_clustering(arts)
    arts = prepared.articles
    rows: dict[str, Any] = {}
    batch, _ = cluster_labels(arts)
    rows["newsfuse batch"] = asdict(score_clusters(gold, batch.tolist()))
    inc, _ = cluster_labels(arts, incremental=True, batch_size=batch_size)
    rows[f"newsfuse incremental (batch {batch_size})"] = asdict(score_clusters(gold, inc.tolist()))
    base = baseline_labels([article_text(a) for a in arts])
    rows["baseline tfidf+avg-link"] = asdict(score_clusters(gold, base.tolist()))
    groups: dict[str, int] = defaultdict(int)
    for g in gold:
        groups[g] += 1
    report = {
        "gold": str(path),
        "articles": len(arts),
        "gold_stories": len(groups),
        "skipped_lines": [str(p) for p in problems],
        "notes": [str(n) for n in prepared.notes],
        "results": rows,
    }
    if shuffles > 0:
        report["shuffled"] = shuffled_orders(arts, gold, shuffles, batch_size=batch_size)
    return report


def format_table(report: dict[str, Any]) -> str:
    """A plain-text table of :func:`evaluate_clusters` results."""
    head = (
        f"{'system':38} {'B3-P':>6} {'B3-R':>6} {'B3-F1':>6} {'pair-F1':>7} {'ARI':>6} "
        f"{'stories':>11}"
    )
    lines = [
        f"{report['gold']}: {report['articles']} articles, {report['gold_stories']} stories",
        head,
        "-" * len(head),
    ]
    for name, s in report["results"].items():
        lines.append(
            f"{name:38} {s['bcubed_precision']:6.4f} {s['bcubed_recall']:6.4f} "
            f"{s['bcubed_f1']:6.4f} {s['pairwise_f1']:7.4f} {s['ari']:6.4f} "
            f"{s['n_pred']:>5}/{s['n_gold']:<5}"
        )
    sh = report.get("shuffled")
    if sh:
        b, i = sh["batch_bcubed_f1"], sh["incremental_bcubed_f1"]
        gap = max(x - y for x, y in zip(b, i, strict=True))
        lines.append(
            f"{len(b)} shuffled orders (seeds {sh['seeds'][0]}-{sh['seeds'][-1]}): B3-F1 batch "
            f"mean {sum(b) / len(b):.4f} min {min(b):.4f}; incremental mean "
            f"{sum(i) / len(i):.4f} min {min(i):.4f}; largest batch-incremental gap {gap:.4f}"
        )
    return "\n".join(lines) + "\n"

"""Clustering bench: throughput of dedup, batch and incremental clustering at 1k-100k articles.

Corpora are synthesized from clusters-dev: replica ``r`` of every dev story renames all
capitalized words and two thirds of the other word types to replica-specific pseudo-words (so
replicas are distinct stories with the same shape) and dates the story ``r`` days in. The
100k row runs only with ``NEWSFUSE_BENCH_100K=1`` (it takes several minutes).

Run: ``python -m bench`` (or ``python -c "import bench.cluster as b; b.run()"``).
"""

from __future__ import annotations

import json
import os
import resource
import time
import zlib
from datetime import datetime, timedelta
from pathlib import Path

from newsfuse.model import Article

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "clusters-dev.jsonl"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def synth_corpus(n: int, seed: int = 0) -> tuple[list[Article], list[str]]:
    """``n`` articles (and gold stories) made of renamed replicas of the dev stories."""
    rows = [json.loads(x) for x in DEV.open(encoding="utf-8")]
    base = datetime(2020, 1, 1)
    arts: list[Article] = []
    gold: list[str] = []
    r = 0
    while len(arts) < n:
        salt = f"{seed}-{r}"
        cache: dict[str, str] = {}

        def rename(w: str, salt: str = salt, cache: dict[str, str] = cache) -> str:
            v = cache.get(w)
            if v is None:
                h = zlib.crc32((salt + w.lower()).encode())
                v = f"{w}{h % 997}" if w[:1].isupper() or h % 3 != 0 else w
                cache[w] = v
            return v

        for row in rows:
            if len(arts) >= n:
                break
            text = " ".join(rename(w) for w in row["text"].split())
            day = base + timedelta(days=r + (zlib.crc32(row["id"].encode()) % 3))
            arts.append(Article.new(text, id=f"{row['id']}~{r}", published=day))
            gold.append(f"{row['story']}~{r}")
        r += 1
    return arts, gold


def run() -> None:
    """Print the clustering table (articles/second, peak memory, B-cubed F1 on the synth)."""
    from newsfuse.cluster import MAX_BATCH, cluster_labels
    from newsfuse.cluster.features import article_text
    from newsfuse.dedup import duplicate_groups
    from newsfuse.eval.clusters import score_clusters

    if not DEV.exists():
        print(f"bench.cluster: {DEV} absent; skipped")
        return
    sizes = [1_000, 10_000] + ([100_000] if os.environ.get("NEWSFUSE_BENCH_100K") else [])
    print("## Clustering (synthetic corpora from clusters-dev; 1 process)")
    print(f"batch = all-pairs average link up to {MAX_BATCH} articles, else incremental path")
    head = f"{'articles':>8} {'step':<22} {'seconds':>8} {'art/s':>8} {'peak MB':>8} {'B3-F1':>6}"
    print(head)
    print("-" * len(head))
    prev: dict[str, float] = {}
    for n in sizes:
        arts, gold = synth_corpus(n)
        texts = [article_text(a) for a in arts]
        t = time.perf_counter()
        duplicate_groups(texts)
        secs = time.perf_counter() - t
        print(f"{n:>8} {'dedup':<22} {secs:8.1f} {n / secs:8.0f} {_peak_mb():8.0f} {'':>6}")
        for step, inc in (("cluster batch", False), ("cluster incremental/20", True)):
            t = time.perf_counter()
            labels, _ = cluster_labels(arts, incremental=inc, batch_size=20)
            secs = time.perf_counter() - t
            f1 = score_clusters(gold, labels.tolist()).bcubed_f1
            growth = f" (x{secs / prev[step]:.1f} time for x10 size)" if step in prev else ""
            prev[step] = secs
            print(
                f"{n:>8} {step:<22} {secs:8.1f} {n / secs:8.0f} {_peak_mb():8.0f} {f1:6.3f}"
                + growth
            )


def one(n: int) -> None:
    """One size only: dedup alone, then ``cluster_labels`` (dedup + clustering), as at 100k."""
    from newsfuse.cluster import cluster_labels
    from newsfuse.cluster.features import article_text
    from newsfuse.dedup import duplicate_groups
    from newsfuse.eval.clusters import score_clusters

    arts, gold = synth_corpus(n)
    texts = [article_text(a) for a in arts]
    t = time.perf_counter()
    duplicate_groups(texts)
    secs = time.perf_counter() - t
    print(f"{n:>8} {'dedup':<34} {secs:8.1f} {n / secs:8.0f} {_peak_mb():8.0f}", flush=True)
    t = time.perf_counter()
    labels, _ = cluster_labels(arts)
    secs = time.perf_counter() - t
    f1 = score_clusters(gold, labels.tolist()).bcubed_f1
    step = "cluster (dedup + clustering)"
    print(f"{n:>8} {step:<34} {secs:8.1f} {n / secs:8.0f} {_peak_mb():8.0f} {f1:6.3f}")


if __name__ == "__main__":
    import sys

    one(int(sys.argv[1])) if len(sys.argv) > 1 else run()

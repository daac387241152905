from __future__ import annotations

import random
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp

from newsfuse.cluster import (
    IncrementalClusterer,
    StoryClusterer,
    cluster_articles,
    cluster_labels,
    story_span,
)
from newsfuse.cluster.batch import cluster_component, component_labels, mixed_similarity
from newsfuse.cluster.features import normalize_rows
from newsfuse.cluster.label import (
    story_label,
)
from newsfuse.cluster.prepare import prepare_for_clustering
from newsfuse.eval.clusters import read_gold, score_clusters
from newsfuse.model import Article, replace
from tests.cluster.synth import story_articles

# Pinned floors on clusters-dev (measured: see docs/clustering.md); a drop fails the suite.
DEV_BATCH_FLOOR = 0.93  # measured 0.9393
DEV_INCREMENTAL_FLOOR = 0.93  # measured 0.9369 (file order, batch 20)
SHUFFLED_GAP = 0.02  # incremental on a shuffled stream vs batch (12 orders: -0.007 to 0.007)


def test_batch_recovers_generated_stories() -> None:
    arts, gold = story_articles(30, seed=1)
    labels, _ = cluster_labels(arts)
    assert score_clusters(gold, labels.tolist()).bcubed_f1 >= 0.95


def test_incremental_recovers_generated_stories_on_a_stream() -> None:
    arts, gold = story_articles(30, seed=2)
    labels, _ = cluster_labels(arts, incremental=True, batch_size=7)
    assert score_clusters(gold, labels.tolist()).bcubed_f1 >= 0.9


def test_cluster_articles_largest_first_with_labels_and_duplicates() -> None:
    arts, _ = story_articles(5, sizes=(2, 5), seed=4)
    copy = replace(arts[0], id="copy", text="Wire\n" + arts[0].text)
    stories = cluster_articles([*arts, copy])
    sizes = [len(s.articles) for s in stories]
    assert sizes == sorted(sizes, reverse=True)
    assert sum(sizes) == len(arts) + 1
    home = next(s for s in stories if any(a.id == "copy" for a in s.articles))
    assert home.duplicates == {"copy": arts[0].id}
    assert all(s.title for s in stories)


def test_tiny_articles_become_singletons_and_nothing_is_dropped() -> None:
    arts, _ = story_articles(3, seed=5)
    tiny = [Article.new("Short note.", id="t1"), Article.new("", id="t2")]
    stories = cluster_articles([*arts, *tiny])
    ids = [a.id for s in stories for a in s.articles]
    assert sorted(ids) == sorted(a.id for a in [*arts, *tiny])
    assert all(len(s.articles) == 1 for s in stories if {"t1", "t2"} & {a.id for a in s.articles})


def test_prepare_renames_duplicate_ids_and_notes_them() -> None:
    text = "The river flooded the valley town after three days of rain, officials said. " * 3
    res = prepare_for_clustering(
        [Article.new(text, id="a", source="f:1"), Article.new(text, id="a", source="f:2")]
    )
    assert [a.id for a in res.articles] == ["a", "a#2"]
    assert any("f:2" in str(n) and "duplicate id" in str(n) for n in res.notes)


def test_story_label_prefers_titles_and_span_uses_dates() -> None:
    arts, _ = story_articles(1, sizes=(3, 3), seed=6)
    d1, d2 = datetime(2024, 1, 2), datetime(2024, 1, 5)
    arts = [
        replace(arts[0], title="Flood hits the valley town", published=d2),
        replace(arts[1], published=d1),
        arts[2],
    ]
    (story,) = cluster_articles(arts)
    assert story.title == "Flood hits the valley town"
    assert story_span(story.articles) == (d1, d2)


def test_stage_runs_both_modes() -> None:
    arts, _ = story_articles(8, seed=7)
    for mode in ("batch", "incremental"):
        stories = StoryClusterer(mode=mode, batch_size=5)(arts)
        assert sum(len(s.articles) for s in stories) == len(arts)


def test_empty_input_gives_no_stories() -> None:
    assert cluster_articles([]) == []


@pytest.fixture(scope="module")
def dev(shared_data: Path) -> tuple[list[Article], list[str]]:
    arts, gold, _ = read_gold(shared_data / "clusters-dev.jsonl")
    return prepare_for_clustering(arts).articles, gold


def test_dev_batch_bcubed_above_floor(dev: tuple[list[Article], list[str]]) -> None:
    labels, _ = cluster_labels(dev[0])
    assert score_clusters(dev[1], labels.tolist()).bcubed_f1 >= DEV_BATCH_FLOOR


def test_dev_incremental_bcubed_above_floor(dev: tuple[list[Article], list[str]]) -> None:
    labels, _ = cluster_labels(dev[0], incremental=True, batch_size=20)
    assert score_clusters(dev[1], labels.tolist()).bcubed_f1 >= DEV_INCREMENTAL_FLOOR


@pytest.mark.parametrize("seed", [103, 105, 107])
def test_dev_incremental_on_shuffled_stream_stays_close_to_batch(
    dev: tuple[list[Article], list[str]], seed: int
) -> None:
    # 105 and 107 were the worst orders before re-clustered components were split by
    # their current-IDF edges and voted (gaps 0.058 and 0.026; now 0.007 and 0.006).
    arts, gold = dev
    order = list(range(len(arts)))
    random.Random(seed).shuffle(order)
    a, g = [arts[i] for i in order], [gold[i] for i in order]
    batch, _ = cluster_labels(a)
    inc, _ = cluster_labels(a, incremental=True, batch_size=20)
    gap = score_clusters(g, batch.tolist()).bcubed_f1 - score_clusters(g, inc.tolist()).bcubed_f1
    assert gap <= SHUFFLED_GAP


def test_incremental_story_keeps_its_id_when_it_only_gains_articles() -> None:
    arts, gold = story_articles(6, sizes=(4, 6), seed=8)
    seen: dict[str, int] = {}
    head = []  # the first two articles of every story: enough for a stream IDF
    for i, g in enumerate(gold):
        if seen.get(g, 0) < 2:
            seen[g] = seen.get(g, 0) + 1
            head.append(i)
    rest = [i for i in range(len(arts)) if i not in head]
    inc = IncrementalClusterer()
    ids = inc.add([arts[i].text for i in head])
    story_id = {gold[i]: lab for i, lab in zip(head, ids, strict=True)}
    assert len(set(ids)) == len(story_id) == 6
    for i in rest:
        inc.add([arts[i].text])
    final = inc.finish()
    assert final[: len(head)] == ids
    assert final[len(head) :] == [story_id[gold[i]] for i in rest]


def test_component_labels_never_join_articles_without_a_path_of_edges() -> None:
    rng = np.random.default_rng(0)
    cos = rng.uniform(0.0, 0.1, size=(12, 12))
    cos[:6, :6] = cos[6:, 6:] = 0.9
    cos = (cos + cos.T) / 2
    labels = component_labels(cos, threshold=0.05, edge=0.5)
    assert len(set(labels[:6].tolist())) == 1 and len(set(labels[6:].tolist())) == 1
    assert labels[0] != labels[6]


def test_normalize_rows_gives_unit_rows_and_keeps_empty_rows_empty() -> None:
    x = sp.csr_matrix(np.array([[3.0, 4.0, 0.0], [0.0, 0.0, 0.0], [0.0, 2.0, 0.0]]))
    out = normalize_rows(x)
    assert np.allclose(np.asarray(out.todense()), [[0.6, 0.8, 0.0], [0, 0, 0], [0, 1.0, 0]])
    assert np.asarray(x.todense())[0, 0] == 3.0  # input untouched


def test_tree_cut_matches_scipy_fcluster() -> None:
    from scipy.cluster.hierarchy import fcluster

    from newsfuse.cluster.batch import _average_link_tree, _cut, relabel

    rng = np.random.default_rng(1)
    for _ in range(100):
        x = rng.random((int(rng.integers(2, 40)), 5))
        sim = x @ x.T / (x @ x.T).max()
        tree = _average_link_tree(sim)
        for threshold in (0.2, 0.5, 0.7, 0.9):
            ours = _cut(tree, threshold)
            theirs = fcluster(tree, t=1.0 - threshold + 1e-9, criterion="distance")
            assert ours.tolist() == relabel(theirs).tolist()


def test_vote_keeps_apart_two_articles_that_only_share_a_neighbour() -> None:
    # a and b are unrelated (0.04) but both close to c: without the self weight their
    # second-order profiles are identical and the plain mix put a and b together.
    cos = np.array([[1.0, 0.04, 0.18], [0.04, 1.0, 0.39], [0.18, 0.39, 1.0]])
    old = mixed_similarity(cos, mix=0.3, self_weight=0.0)
    assert old[0, 1] > 0.28  # the flaw the self weight fixes
    labels = cluster_component(cos, 0.28)
    assert labels[0] != labels[1]


def test_story_label_ignores_the_headline_of_an_outlier() -> None:
    core = [
        Article.new(f"Flood waters rose in Dhaka as monsoon rains hit villages, report {i}.")
        for i in range(4)
    ]
    outlier = Article.new("Stock markets fell sharply in Tokyo.", title="Markets slide in Asia")
    arts = [*core, outlier]
    vecs = normalize_rows(
        sp.csr_matrix(np.array([[1.0, 0.1]] * 4 + [[0.0, 1.0]], dtype=np.float32))
    )
    label = story_label(arts, vecs)
    assert label.startswith("Flood waters rose in Dhaka")
    assert story_label([core[0], outlier], None) == "Markets slide in Asia"

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import numpy as np

from newsfuse.dedup import Deduplicator, dedup_story, duplicate_groups, find_duplicates
from newsfuse.dedup.minhash import Shingler, jaccard
from newsfuse.model import Article, Story
from tests.cluster.synth import story_articles, syndicated_copy

_W = re.compile(r"\w+")


def _shingles(text: str) -> set[tuple[str, ...]]:
    w = [x.lower() for x in _W.findall(text)]
    return {tuple(w[i : i + 3]) for i in range(len(w) - 2)}


def _distinct(texts: list[str], limit: float = 0.2) -> list[str]:
    """Texts with no near-copy among the others (exact Jaccard, brute force)."""
    sets = [_shingles(t) for t in texts]
    keep = []
    for i, a in enumerate(sets):
        if all(i == j or len(a & b) / max(1, len(a | b)) < limit for j, b in enumerate(sets)):
            keep.append(texts[i])
    return keep


def _copy_recall_and_false_rate(bases: list[str], seed: int) -> tuple[float, float]:
    rnd = random.Random(seed)
    texts, origin = list(bases), list(range(len(bases)))
    for i, t in enumerate(bases):
        for _ in range(rnd.randint(0, 2)):
            texts.append(syndicated_copy(t, rnd, rnd.uniform(0.05, 0.15)))
            origin.append(i)
    order = list(range(len(texts)))
    rnd.shuffle(order)
    texts, origin = [texts[i] for i in order], [origin[i] for i in order]
    groups = duplicate_groups(texts)
    found = sum(
        1
        for i in range(len(texts))
        if groups[i] != i or any(groups[j] == i for j in range(len(texts)) if j != i)
    )
    should = sum(1 for i in range(len(texts)) if origin.count(origin[i]) > 1)
    members: dict[int, list[int]] = {}
    for i, g in enumerate(groups):
        members.setdefault(g, []).append(i)
    pairs = [(a, b) for m in members.values() for x, a in enumerate(m) for b in m[x + 1 :]]
    false = sum(origin[a] != origin[b] for a, b in pairs)
    return found / max(1, should), false / max(1, len(pairs))


def test_dedup_finds_synthetic_copies_without_false_pairs() -> None:
    arts, _ = story_articles(40, sizes=(2, 4), seed=3)
    recall, false_rate = _copy_recall_and_false_rate([a.text for a in arts], seed=1)
    assert recall >= 0.95 and false_rate < 0.01, (recall, false_rate)


def test_dedup_finds_dev_copies_without_false_pairs(shared_data: Path) -> None:
    rows = [json.loads(x) for x in (shared_data / "clusters-dev.jsonl").open()]
    bases = _distinct([r["text"] for r in rows][:200])
    assert len(bases) > 150
    recall, false_rate = _copy_recall_and_false_rate(bases, seed=2)
    assert recall >= 0.95 and false_rate < 0.01, (recall, false_rate)


def test_find_duplicates_maps_copy_to_first_article() -> None:
    text = "The council approved the new budget on Monday after a long debate in the hall. " * 5
    other = (
        "Heavy snow closed the mountain pass and stranded drivers overnight near the border. " * 5
    )
    arts = [
        Article.new(text, id="a"),
        Article.new(other, id="b"),
        Article.new("Reuters\n" + text + "\nMore news", id="c"),
    ]
    assert find_duplicates(arts) == {"c": "a"}


def test_dedup_story_keeps_one_copy_and_the_map() -> None:
    text = "Rescue teams pulled survivors from the collapsed school after the earthquake. " * 5
    arts = [Article.new(text, id="a"), Article.new(text + " Updated.", id="b")]
    story = Deduplicator()(Story.of(arts))
    slim = dedup_story(story)
    assert [a.id for a in slim.articles] == ["a"]
    assert slim.duplicates == {"b": "a"} and slim.id == story.id
    assert len(story.articles) == 2  # input untouched


def test_dedup_empty_and_tiny_texts_do_not_crash() -> None:
    assert duplicate_groups([]) == []
    assert duplicate_groups(["", "", "x"]) == [0, 1, 2]


def test_shingle_hashes_with_repeats_give_the_same_jaccard_as_unique_sets() -> None:
    sh = Shingler(3)
    a = "the cat sat on the mat and the cat sat on the mat again " * 3
    b = "a dog sat on the mat and the cat sat on the rug " * 2
    ha, hb = sh.hashes(a), sh.hashes(b)
    assert len(ha) > len(np.unique(ha))  # repeats are kept
    assert jaccard(ha, hb) == jaccard(sh(a), sh(b)) > 0.0
    assert np.array_equal(sh(a), np.unique(ha))

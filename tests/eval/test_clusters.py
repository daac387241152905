from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsfuse.eval.clusters import score_clusters


def test_score_perfect_and_all_in_one() -> None:
    gold = ["a", "a", "b", "c", "c", "c"]
    perfect = score_clusters(gold, [1, 1, 2, 3, 3, 3])
    assert perfect.bcubed_f1 == 1.0 and perfect.ari == 1.0 and perfect.n_pred == 3
    lumped = score_clusters(gold, [0] * 6)
    assert lumped.bcubed_recall == 1.0 and lumped.bcubed_precision < 0.5


@given(st.lists(st.integers(0, 4), min_size=1, max_size=30), st.integers(0, 10**6))
def test_score_bounds_and_label_renaming_invariance(gold: list[int], salt: int) -> None:
    pred = [(g * 7 + i % 2) for i, g in enumerate(gold)]
    s = score_clusters(gold, pred)
    renamed = score_clusters(gold, [p + salt for p in pred])
    assert 0 <= s.bcubed_f1 <= 1 and 0 <= s.pairwise_f1 <= 1
    assert s == renamed

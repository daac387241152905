"""Quality gate: newsfuse on the dev sets must stay above the floors in baseline.json.

Floors are the measured dev figures minus a tolerance (see docs/evaluation.md); update
baseline.json only with figures from ``newsfuse eval summaries`` on the same data.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.eval.datasets import load_dataset
from newsfuse.eval.summaries import evaluate, newsfuse_method

BASELINE = json.loads((Path(__file__).parent / "baseline.json").read_text())


@pytest.mark.parametrize("name", sorted(BASELINE["datasets"]))
def test_quality_gate_rouge_floors(name: str, shared_data: Path) -> None:
    spec = BASELINE["datasets"][name]
    stories = load_dataset(shared_data / spec["path"])
    res = evaluate("newsfuse", newsfuse_method(spec["words"]), stories)
    scores = getattr(res.scores, spec["measure"])
    tol = BASELINE["tolerance"]
    for rouge_type, measured in spec["measured"].items():
        assert scores[rouge_type] >= measured - tol, (name, rouge_type, scores[rouge_type])

"""The analysis evaluation on the hand-labelled set must stay above its floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.eval.analysis import evaluate, speaker_ok, token_f1
from tests.conftest import ROOT, run_cli

LABELS = ROOT / "tests" / "data" / "analysis"


def _labels() -> Path:
    for name in ("quotes.jsonl", "events.jsonl"):
        if not (LABELS / name).exists():
            pytest.skip(f"{LABELS / name} not present (hand labels are merged separately)")
    return LABELS


def test_eval_matching_rules() -> None:
    assert token_f1("We will win, he said", "We will win") > 0.6
    assert speaker_ok({"speaker": "Trump", "anonymous": False}, "Donald J. Trump", False)
    assert speaker_ok({"speaker": "Donald Trump", "anonymous": False}, "Donald J. Trump", False)
    assert not speaker_ok({"speaker": "Jane Doe", "anonymous": False}, "John Doe", False)
    assert speaker_ok({"speaker": "an officer", "anonymous": True}, "the police", True)


def test_eval_analysis_meets_floors(shared_data: Path) -> None:
    res = evaluate(_labels(), shared_data)
    assert res["quotes"]["f1"] >= 0.90
    assert res["speaker_accuracy"] >= 0.85
    assert res["date_accuracy"] >= 0.85
    for part in res["conflicts"].values():
        assert part["precision"] >= 0.8 and part["recall"] >= 0.8


def test_eval_analysis_cli_json(shared_data: Path) -> None:
    labels = _labels()
    res = run_cli("eval", "analysis", "--labels", str(labels), "--data", str(shared_data), "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert {"quotes", "speaker_accuracy", "date_accuracy", "conflicts"} <= set(data)


def test_conflict_set_meets_floors(shared_data: Path) -> None:
    from newsfuse.eval.conflict_set import evaluate_conflicts

    res = evaluate_conflicts(LABELS / "conflicts.jsonl", shared_data)
    assert res["all"]["positives"] >= 40 and res["all"]["pairs"] >= 80
    assert res["all"]["precision"] >= 0.8 and res["all"]["recall"] >= 0.8
    assert res["handwritten"]["precision"] >= 0.8 and res["handwritten"]["recall"] >= 0.8


def test_claims_threshold_measured_figures_hold() -> None:
    from newsfuse.eval.analysis import evaluate_claims

    res = evaluate_claims(LABELS / "claims.jsonl")
    assert res["pairs"] == 40
    assert res["precision"] >= 0.9 and res["recall"] >= 0.65

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.errors import InputError
from newsfuse.eval.baselines import BASELINES, run_baseline
from newsfuse.eval.datasets import load_dataset
from newsfuse.eval.rouge import Rouge, mean_scores, sentence_lines
from newsfuse.eval.summaries import evaluate_all
from tests.conftest import run_cli

DOCS = (
    "The river flooded the town on Sunday. Crews rescued fourteen people from cars. "
    "Schools will stay closed on Monday.",
    "Fourteen people were rescued as the river flooded the town. The mayor asked for "
    "federal help. Roads reopened late on Sunday evening.",
)


def test_rouge_identical_text_scores_100_and_disjoint_scores_0() -> None:
    r = Rouge()
    same = r.score("The cat sat on the mat.", ["The cat sat on the mat."])
    assert all(v == pytest.approx(100.0) for v in same.f1.values())
    none = r.score("Dogs bark loudly.", ["The cat sat on the mat."])
    assert none.recall["rouge1"] == 0.0


def test_rouge_stems_and_averages_over_references() -> None:
    r = Rouge()
    stemmed = r.score("cats running", ["cat runs"])
    assert stemmed.recall["rouge1"] == pytest.approx(100.0)
    two = r.score("cat runs", ["cat runs", "dogs bark"])
    assert two.recall["rouge1"] == pytest.approx(50.0)
    assert mean_scores([stemmed, two]).recall["rouge1"] == pytest.approx(75.0)


def test_rouge_lsum_uses_sentence_lines() -> None:
    assert sentence_lines("One here. Two there.") == "One here.\nTwo there."
    assert sentence_lines("a\n\nb") == "a\nb"


def test_load_jsonl_and_duc_dirs(tmp_path: Path) -> None:
    jl = tmp_path / "mn.jsonl"
    jl.write_text(
        json.dumps({"id": "s1", "documents": list(DOCS), "summary": "Town flooded."})
        + "\n\n"
        + json.dumps({"id": "s2", "documents": "a ||||| b", "summary": "x"})
        + "\n"
    )
    stories = load_dataset(jl)
    assert [s.id for s in stories] == ["s1", "s2"]
    assert stories[1].documents == ("a ", " b")
    assert load_dataset(jl, limit=1)[0].references == ("Town flooded.",)
    for k, text in enumerate(DOCS * 6):
        p = tmp_path / "duc" / "d1" / "docs" / f"D{k + 1}.txt"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
    for ref in "AB":
        p = tmp_path / "duc" / "d1" / "refs" / f"{ref}.txt"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"ref {ref}")
    (duc,) = load_dataset(tmp_path / "duc")
    assert len(duc.documents) == 12 and duc.documents[1] == DOCS[1]  # D2 before D10
    assert duc.references == ("ref A", "ref B")
    with pytest.raises(InputError):
        load_dataset(tmp_path / "missing")
    with pytest.raises(InputError):
        load_dataset(tmp_path / "duc" / "d1" / "docs")


@pytest.mark.parametrize("name", BASELINES)
def test_baselines_respect_budget(name: str) -> None:
    for words in (5, 12, 30):
        out = run_baseline(name, DOCS, words)
        assert len(" ".join(out).split()) <= words
    assert run_baseline(name, DOCS, 30)


def test_round_robin_takes_leads_of_each_document_first() -> None:
    out = run_baseline("roundrobin", DOCS, 20)
    assert out[:2] == ["The river flooded the town on Sunday.", DOCS[1].split(". ")[0] + "."]


def test_unknown_baseline_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown baseline"):
        run_baseline("oracle", DOCS, 10)


def test_evaluate_all_reports_every_method(tmp_path: Path) -> None:
    jl = tmp_path / "mn.jsonl"
    jl.write_text(json.dumps({"id": "s", "documents": list(DOCS), "summary": DOCS[1]}) + "\n")
    res = evaluate_all(load_dataset(jl), 25, ["lead", "lexrank"])
    assert [r.name for r in res] == ["newsfuse", "lead", "lexrank"]
    assert all(r.scores.f1["rouge1"] > 0 and r.seconds_per_story >= 0 for r in res)


def test_cli_eval_summaries_json(tmp_path: Path) -> None:
    jl = tmp_path / "mn.jsonl"
    jl.write_text(json.dumps({"id": "s", "documents": list(DOCS), "summary": DOCS[0]}) + "\n")
    res = run_cli("eval", "summaries", str(jl), "--words", "20", "--baselines", "lead", "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["headline"] == "f1" and [r["method"] for r in data["results"]] == [
        "newsfuse",
        "lead",
    ]
    bad = run_cli("eval", "summaries", str(jl), "--baselines", "oracle")
    assert bad.returncode == 2 and "oracle" in bad.stderr
    table = run_cli("eval", "summaries", str(jl), "--words", "20", "--baselines", "none")
    assert table.returncode == 0 and "newsfuse" in table.stdout

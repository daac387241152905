from __future__ import annotations

import json
from pathlib import Path

from tests.cluster.synth import story_articles
from tests.conftest import run_cli


def _write(path: Path, n_stories: int = 6) -> list[str]:
    arts, gold = story_articles(n_stories, seed=11)
    lines = [
        json.dumps({"id": a.id, "text": a.text, "story": g})
        for a, g in zip(arts, gold, strict=True)
    ]
    path.write_text("\n".join(lines) + "\n")
    return gold


def test_cluster_cli_one_line_per_article_in_order(tmp_path: Path) -> None:
    inp = tmp_path / "in.jsonl"
    _write(inp)
    ids = [json.loads(x)["id"] for x in inp.read_text().splitlines()]
    with inp.open("a") as f:
        f.write('{"id": "tiny", "text": "Too short."}\n')
        f.write("{not json\n")
        f.write('{"id": "nodate", "text": "x y z", "published": "not a date"}\n')
        f.write('{"id": "empty", "text": ""}\n')
        f.write(json.dumps({"id": ids[0], "text": "A second article reusing an id. " * 5}) + "\n")
    out = tmp_path / "out.jsonl"
    res = run_cli("cluster", str(inp), "-o", str(out), "--incremental", "--batch-size", "5")
    assert res.returncode == 0, res.stderr
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    # The article with a bad date is kept (without its date), as a one-article story.
    assert [r["id"] for r in rows] == [*ids, "tiny", "nodate", f"{ids[0]}#2"]
    assert all(set(r) == {"id", "story", "duplicate_of"} for r in rows)
    err = res.stderr
    n = len(ids)
    for k, problem in enumerate(
        ["only 2 words", "invalid JSON", "invalid date", "empty 'text'", "duplicate id"], 1
    ):
        where = f"in.jsonl:{n + k}:"
        assert any(where in ln and problem in ln for ln in err.splitlines()), (where, err)
    assert "stories (count x size" in err


def test_cluster_cli_missing_file_exits_1(tmp_path: Path) -> None:
    res = run_cli("cluster", str(tmp_path / "nope.jsonl"))
    assert res.returncode == 1 and "no such file" in res.stderr


def test_eval_clusters_cli_reports_all_systems(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    _write(gold, 8)
    res = run_cli("eval", "clusters", str(gold), "--json")
    assert res.returncode == 0, res.stderr
    report = json.loads(res.stdout)
    names = list(report["results"])
    assert len(names) == 3 and any("baseline" in n for n in names)
    for s in report["results"].values():
        assert 0 <= s["bcubed_f1"] <= 1 and s["n_gold"] == report["gold_stories"]
    assert report["results"]["newsfuse batch"]["bcubed_f1"] >= 0.9


def test_eval_clusters_cli_scores_shuffled_orders(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    _write(gold, 8)
    res = run_cli("eval", "clusters", str(gold), "--json", "--shuffles", "2")
    assert res.returncode == 0, res.stderr
    shuffled = json.loads(res.stdout)["shuffled"]
    assert shuffled["seeds"] == [100, 101]
    assert len(shuffled["batch_bcubed_f1"]) == len(shuffled["incremental_bcubed_f1"]) == 2
    assert all(f >= 0.9 for f in shuffled["incremental_bcubed_f1"])
    table = run_cli("eval", "clusters", str(gold), "--shuffles", "2")
    assert "2 shuffled orders (seeds 100-101)" in table.stdout

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SEEDS, run_cli


def test_brief_seeds_json_cites_both_articles_within_budget() -> None:
    res = run_cli("brief", str(SEEDS), "--format", "json", "--words", "250")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    ids = {a["id"] for a in data["articles"]}
    cited = {s for sent in data["summary"] for s in sent["sources"]}
    assert len(ids) == 2 and cited == ids
    text = " ".join(s["text"] for s in data["summary"])
    assert len(text.split()) <= 250
    for bad in ("More news", "Related news", "an error occurred", "Hamas"):
        assert bad not in text
    pub = {a["published"][:10] for a in data["articles"] if a["published"]}
    assert "2018-07-20" in pub


def test_brief_markdown_has_markers_and_sources() -> None:
    res = run_cli("brief", str(SEEDS))
    assert res.returncode == 0
    assert "## Sources" in res.stdout and "[1]" in res.stdout and "[2]" in res.stdout


def test_brief_bad_inputs_are_named_and_good_ones_kept(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "cp.txt").write_bytes(
        (
            "Caf\u00e9 owners said the new tax would close many shops in the old town, and the "
            "mayor promised a review of the plan before the vote next month."
        ).encode("cp1252")
    )
    (tmp_path / "bad.jsonl").write_text('{"id": 1, "text": "x"\n{oops\n')
    (tmp_path / "nav.html").write_text("<html><body><nav>Home | News</nav></body></html>")
    res = run_cli("brief", str(tmp_path), str(SEEDS), "--format", "json")
    assert res.returncode == 0, res.stderr
    err = res.stderr
    for name, problem in [
        ("empty.txt", "empty file"),
        ("blob.bin", "binary"),
        ("bad.jsonl:2", "invalid JSON"),
        ("nav.html", "no article text"),
    ]:
        assert any(name in line and problem in line for line in err.splitlines()), err
    titles = json.loads(res.stdout)["articles"]
    assert len(titles) == 3  # two seeds + the cp1252 file


def test_brief_nothing_usable_exits_1(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    res = run_cli("brief", str(tmp_path / "empty.txt"))
    assert res.returncode == 1
    assert "empty.txt: empty file" in res.stderr


def test_brief_strict_exits_1_when_something_skipped(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    res = run_cli("brief", str(tmp_path / "empty.txt"), str(SEEDS), "--strict")
    assert res.returncode == 1 and "# " in res.stdout


def test_usage_error_exits_2() -> None:
    assert run_cli("brief", str(SEEDS), "--words", "zero").returncode == 2


def test_summarize_batch_keeps_order_and_indexes_sources(tmp_path: Path) -> None:
    seeds = [p.read_text() for p in sorted(SEEDS.glob("*.txt"))]
    inp = tmp_path / "in.jsonl"
    inp.write_text(
        json.dumps({"id": "s1", "documents": seeds, "summary": "ignored"})
        + "\n"
        + "not json\n"
        + json.dumps({"id": "s2", "documents": [seeds[1]]})
        + "\n"
    )
    out = tmp_path / "out.jsonl"
    res = run_cli("summarize-batch", str(inp), str(out), "--words", "100")
    assert res.returncode == 0, res.stderr
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["s1", "s2"]
    assert len(rows[0]["summary"].split()) <= 100
    assert {i for s in rows[0]["sentences"] for i in s["sources"]} == {0, 1}
    assert "in.jsonl:2" in res.stderr


def test_brief_db_saves_briefing(tmp_path: Path) -> None:
    from newsfuse.store import Store

    db = tmp_path / "b.db"
    res = run_cli("brief", str(SEEDS), "--db", str(db), "--format", "json")
    assert res.returncode == 0, res.stderr
    story_id = json.loads(res.stdout)["story_id"]
    with Store(db) as store:
        assert store.get_briefing_dict(story_id) is not None

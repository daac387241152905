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


def _story_docs(tmp_path: Path) -> Path:
    """Two unrelated stories, two reports each, plus a syndicated copy of one report."""
    quake = [
        "A magnitude 6.4 earthquake struck the coastal city of Izmir on Friday, damaging "
        "dozens of buildings and injuring at least 120 people, Turkish officials said. "
        "Rescue teams searched collapsed apartment blocks through the night in Izmir.",
        "Rescuers in Izmir pulled survivors from collapsed apartment blocks after the 6.4 "
        "magnitude earthquake on Friday. Officials said 120 people were injured and the "
        "quake damaged dozens of buildings along the coast.",
    ]
    budget = [
        "The city council of Springfield approved a 48 million dollar school budget on "
        "Wednesday after a long public hearing. Teachers will receive a three percent raise "
        "under the Springfield plan, the council chair said.",
        "Springfield teachers will get a three percent raise after the council approved "
        "the 48 million dollar school budget at Wednesday's hearing, officials said. "
        "Parents at the hearing in Springfield welcomed the vote.",
    ]
    d = tmp_path / "stories"
    d.mkdir()
    for i, text in enumerate(quake + budget):
        (d / f"a{i}.txt").write_text(text)
    (d / "a0-copy.txt").write_text("By Wire Staff\n\n" + quake[0] + "\n\nRead more: quakes")
    return d


def test_brief_groups_inputs_into_stories_largest_first(tmp_path: Path) -> None:
    d = _story_docs(tmp_path)
    res = run_cli("brief", str(d), "--format", "json", "--sections", "summary")
    assert res.returncode == 0, res.stderr
    stories = json.loads(res.stdout)
    assert isinstance(stories, list) and len(stories) == 2
    sizes = [len(s["articles"]) for s in stories]
    assert sizes == sorted(sizes, reverse=True) == [3, 2]
    quake = stories[0]
    assert "Izmir" in " ".join(s["text"] for s in quake["summary"])
    copies = [a for a in quake["articles"] if a["duplicate_of"]]
    by_id = {a["id"]: a["source"] for a in quake["articles"]}
    assert len(copies) == 1
    pair = {Path(copies[0]["source"]).name, Path(by_id[copies[0]["duplicate_of"]]).name}
    assert pair == {"a0.txt", "a0-copy.txt"}


def test_brief_one_story_flag_keeps_everything_together(tmp_path: Path) -> None:
    d = _story_docs(tmp_path)
    res = run_cli("brief", str(d), "--one-story", "--format", "json", "--sections", "summary")
    data = json.loads(res.stdout)
    assert isinstance(data, dict) and len(data["articles"]) == 5


def test_brief_jsonl_is_one_briefing_per_line(tmp_path: Path) -> None:
    res = run_cli("brief", str(_story_docs(tmp_path)), "-f", "jsonl", "--sections", "summary")
    lines = res.stdout.splitlines()
    assert len(lines) == 2 and all(json.loads(x)["summary"] for x in lines)

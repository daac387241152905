"""Acceptance on the bundled seed story, through the real CLI."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import SEEDS, run_cli


@pytest.fixture(scope="module")
def seed_json() -> dict[str, Any]:
    res = run_cli("brief", str(SEEDS), "--format", "json")
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)  # type: ignore[no-any-return]


def test_seeds_quotes_attributed_to_sanders_and_trump(seed_json: dict[str, Any]) -> None:
    quotes = seed_json["quotes"]
    speakers = {q["speaker"] for q in quotes}
    assert {"Sarah Sanders", "Donald Trump"} <= speakers
    fake = [q for q in quotes if q["text"].startswith("The Fake News Media wants so badly")]
    assert fake and fake[0]["speaker"] == "Donald Trump" and fake[0]["kind"] == "direct"
    added = [q for q in quotes if "@Ambjohnbolton" in q["text"]]
    assert added and added[0]["speaker"] == "Sarah Sanders"


def test_seeds_entities_people_places_and_merged_aliases(seed_json: dict[str, Any]) -> None:
    ents = {e["name"]: e for e in seed_json["entities"]}
    for name in ("Donald Trump", "Vladimir Putin", "John Bolton", "Sarah Sanders"):
        assert ents[name]["type"] == "person"
    for name in ("Helsinki", "Washington", "Russia"):
        assert ents[name]["type"] == "place"
    assert "Russian Federation" in ents["Russia"]["aliases"]
    assert "Russian Federation" not in ents
    assert "@Ambjohnbolton" in ents["John Bolton"]["aliases"]


def test_seeds_timeline_has_summit_and_invitation(seed_json: dict[str, Any]) -> None:
    tl = seed_json["timeline"]
    assert any(t["date"] == "2018-07-16" and "Finland" in t["text"] for t in tl)
    invite = [t for t in tl if t["date"] == "2018-07-19" and "invit" in t["text"]]
    assert invite and len(invite[0]["sources"]) == 2
    dates = [t["date"][:10] for t in tl]
    assert dates == sorted(dates)


def test_seeds_claims_invitation_shared_and_coats_single(seed_json: dict[str, Any]) -> None:
    claims = seed_json["claims"]
    invite = [c for c in claims if "invite" in c["text"] and "Washington" in c["text"]]
    assert invite and len(invite[0]["sources"]) == 2 and not invite[0]["single_source"]
    coats = [c for c in claims if "Dan Coats" in c["text"]]
    assert coats and coats[0]["single_source"]


def test_seeds_markdown_shows_sections_and_sections_flag_limits() -> None:
    res = run_cli("brief", str(SEEDS), "--sections", "quotes,timeline")
    assert res.returncode == 0, res.stderr
    assert "## Quotes" in res.stdout and "## Timeline" in res.stdout
    assert "## Summary" not in res.stdout and "## People" not in res.stdout
    bad = run_cli("brief", str(SEEDS), "--sections", "gossip")
    assert bad.returncode == 2 and "gossip" in bad.stderr

from __future__ import annotations

import json

from newsfuse.model import Article, Briefing, Entity, Quote, Story, SummarySentence
from newsfuse.render import LIMITS, render, source_label, to_markdown


def _briefing() -> Briefing:
    arts = [Article.new(f"Article number {i} about the harbour strike.") for i in range(3)]
    ids = [a.id for a in arts]
    many = [
        Quote(f"We will keep the harbour open for everyone number {i}", "Ana Ruiz", (ids[0],))
        for i in range(12)
    ]
    quotes = (
        *many,
        Quote("The strike ends today for all of the dock workers", "Ben Ode", (ids[2], ids[0])),
        Quote("the union would talk again next week", "Ben Ode", (ids[1],), kind="reported"),
    )
    ents = tuple(Entity(f"Person {i}", "person", (), {ids[0]: 1}) for i in range(20))
    summary = (SummarySentence("The dock strike ended.", (ids[2], ids[0], ids[1])),)
    return Briefing(
        story=Story.of(arts), title="Strike", summary=summary, quotes=quotes, entities=ents
    )


def test_render_markdown_caps_sections_and_json_keeps_everything() -> None:
    b = _briefing()
    md = to_markdown(b)
    quotes = md.split("## Quotes")[1].split("##")[0]
    assert quotes.count("\n- ") == LIMITS["quotes"] + 1
    assert "… and 5 more (see --format json)" in quotes
    assert quotes.index("strike ends today") < quotes.index("number 0")  # most sources first
    assert "## Reported speech" in md and "Ben Ode: the union would talk" in md
    people = md.split("## People")[1].split("##")[0]
    assert "… and 8 more" in people
    data = json.loads(render(b, "json"))
    assert len(data["quotes"]) == 14 and len(data["entities"]) == 20


def test_render_source_markers_are_in_ascending_order() -> None:
    md = to_markdown(_briefing())
    assert "The dock strike ended. [1][2][3]" in md
    assert "dock workers” — Ben Ode [1][3]" in md


def test_source_label_names_outlet_and_title_or_file_and_id() -> None:
    named = Article.new("Body text.", id="a1", outlet="Reuters", title="Floods in Dhaka")
    assert source_label(named) == "Reuters — Floods in Dhaka"
    record = Article.new("Body text.", id="story-7", source="feed.jsonl:3")
    assert source_label(record) == "feed.jsonl:3 · id story-7"
    assert source_label(Article.new("Body text.", id="x9")) == "x9"

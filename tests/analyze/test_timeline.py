from __future__ import annotations

from datetime import date, datetime

import pytest

from newsfuse.analyze.dates import find_dates
from newsfuse.analyze.timeline import TimelineBuilder
from newsfuse.clean import SentenceSplitter
from newsfuse.model import Article, Briefing, Story

ANCHOR = date(2021, 3, 12)  # a Friday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote was held on Oct. 4, 2019.", ("2019-10-04", "day")),
        ("Officials said Wednesday the road was open.", ("2021-03-10", "day")),
        ("The storm hit yesterday.", ("2021-03-11", "day")),
        ("Prices rose last week.", ("2021-03-01/2021-03-07", "range")),
        ("The plant will open next month.", ("2021-04", "month")),
        ("The company was founded in 1998.", ("1998", "year")),
        ("They plan to return in the fall.", ("2021-09", "season")),
        ("The festival takes place next summer.", ("2021-06", "season")),
        ("He left the firm five years ago.", ("2016", "year")),
        ("The team will play on Monday.", ("2021-03-15", "day")),
        ("Sales fell in February.", ("2021-02", "month")),
        ("The law changed last year.", ("2020", "year")),
    ],
)
def test_dates_resolve_against_anchor(text: str, expected: tuple[str, str]) -> None:
    found = find_dates(text, ANCHOR)
    assert [(d.date, d.precision) for d in found] == [expected]


def test_dates_relative_without_anchor_stay_unresolved_but_absolute_resolve() -> None:
    found = find_dates("On Monday he recalled the crash of March 3, 2009.", None)
    assert [d.date for d in found] == ["2009-03-03"]


def test_dates_may_the_verb_is_not_a_month() -> None:
    assert find_dates("The board may decide soon.", ANCHOR) == []


def test_dates_a_day_later_follows_the_previous_date() -> None:
    found = find_dates("The fire started on June 2, 2020 and a day later it was out.", ANCHOR)
    assert [d.date for d in found] == ["2020-06-02", "2020-06-03"]


def test_timeline_merges_across_articles_and_anchors_undated_to_story() -> None:
    split = SentenceSplitter()
    a = split(
        Article.new(
            "The dam failed on Tuesday, flooding three villages.",
            published=datetime(2021, 3, 12),
        )
    )
    b = split(Article.new("On Tuesday the dam failed and three villages were flooded."))
    brief = Briefing(story=Story.of([a, b]), title="")
    tl = TimelineBuilder()(brief).timeline
    assert [(t.date, len(t.sources)) for t in tl] == [("2021-03-09", 2)]
    none = TimelineBuilder(anchor_undated="none")(brief).timeline
    assert [(t.date, len(t.sources)) for t in none] == [("2021-03-09", 1)]


def test_dates_future_clause_moves_weekday_forward_and_past_verb_wins() -> None:
    found = find_dates("Then, Sunday, the crew is to dock with the station.", ANCHOR)
    assert [d.date for d in found] == ["2021-03-14"]
    found = find_dates("She said Thursday that the plant will close.", ANCHOR)
    assert [d.date for d in found] == ["2021-03-11"]


def test_dates_following_year_and_weekday_pairs() -> None:
    found = find_dates("The army left in 1975 and returned the following year.", ANCHOR)
    assert [d.date for d in found] == ["1975", "1976"]
    found = find_dates("Storms hit on Tuesday and Wednesday.", ANCHOR)
    assert [(d.date, d.precision) for d in found] == [("2021-03-09/2021-03-10", "range")]


def test_dates_year_as_modifier_keeps_its_noun_phrase() -> None:
    found = find_dates("Turnout fell in the 2012 mayoral race, officials said.", ANCHOR)
    assert [(d.date, d.modifier) for d in found] == [("2012", "the 2012 mayoral race")]
    assert find_dates("In 2007 Springfield had 12 floods.", ANCHOR)[0].modifier == ""
    assert find_dates("The mill closed in 1998, he said.", ANCHOR)[0].modifier == ""


def test_timeline_year_modifiers_merge_and_long_clauses_are_trimmed() -> None:
    split = SentenceSplitter()
    long = (
        "The council, which had argued for months over the cost of the new bridge across "
        "the river and the plan to widen the harbour road for trucks, finally voted on "
        "Tuesday to approve the plan, according to the minutes published by the city clerk."
    )
    a = split(
        Article.new("Fraud marred the 2012 mayoral race. " + long, published=datetime(2021, 3, 12))
    )
    b = split(Article.new("Observers still discuss the 2012 mayoral races in the town."))
    tl = TimelineBuilder()(Briefing(story=Story.of([a, b]), title="")).timeline
    year = [t for t in tl if t.date == "2012"]
    assert len(year) == 1 and len(year[0].sources) == 2 and "mayoral race" in year[0].text
    vote = next(t for t in tl if t.date == "2021-03-09")
    assert "Tuesday" in vote.text and len(vote.text.split()) <= 27 and "…" in vote.text

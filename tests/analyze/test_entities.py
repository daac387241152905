from __future__ import annotations

from newsfuse.analyze.entities import EntityExtractor
from newsfuse.analyze.names import canonical_place, full_name, handle_matches
from newsfuse.clean import SentenceSplitter
from newsfuse.model import Article, Briefing, Entity, Story


def _entities(*texts: str) -> tuple[Entity, ...]:
    arts = [SentenceSplitter()(Article.new(t)) for t in texts]
    return EntityExtractor()(Briefing(story=Story.of(arts), title="")).entities


def test_names_country_aliases_normalize_but_cities_stay() -> None:
    assert canonical_place("the United States of America") == "United States"
    assert canonical_place("Britain") == "United Kingdom"
    assert canonical_place("Lyon") == "Lyon"


def test_names_handle_and_surname_rules() -> None:
    assert handle_matches("@SenKamalaHarris", "Kamala Harris")
    assert not handle_matches("@harrisburgnews", "Kamala Harris")
    assert full_name("Merkel", ["Angela Merkel"]) == "Angela Merkel"


def test_entities_merge_titles_surnames_and_counts_per_article() -> None:
    ents = _entities(
        "Chancellor Angela Merkel met French President Emmanuel Macron in Berlin. "
        "Merkel said the talks went well.",
        "Mrs. Merkel's government and Macron agreed on a plan, officials in Berlin said.",
    )
    merkel = next(e for e in ents if e.name == "Angela Merkel")
    assert merkel.type == "person" and sum(merkel.mentions.values()) == 3
    assert len(merkel.mentions) == 2
    assert any(e.name == "Berlin" and e.type == "place" for e in ents)


def test_entities_country_long_forms_are_one_place() -> None:
    ents = _entities(
        "The Russian Federation and the USA signed the treaty in Geneva.",
        "Russia and the U.S. signed a treaty; the United States called it historic.",
    )
    names = {e.name for e in ents if e.type == "place"}
    assert {"Russia", "United States"} <= names
    assert "Russian Federation" not in names and "USA" not in names


def test_entities_one_name_gets_one_type_and_seas_are_places() -> None:
    ents = _entities(
        "Garuda Airlines said its pilots were safe. Garuda Airlines flew over the Java Sea.",
        "Garuda Airlines cancelled flights on Monday.",
    )
    garuda = [e for e in ents if e.name == "Garuda Airlines"]
    assert len(garuda) == 1 and sum(garuda[0].mentions.values()) == 3
    assert all(e.type == "place" for e in ents if e.name == "Java Sea")

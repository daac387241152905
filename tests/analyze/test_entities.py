from __future__ import annotations

from newsfuse.analyze.entities import EntityExtractor
from newsfuse.analyze.names import canonical_place, full_name, handle_matches
from newsfuse.analyze.nlp import Ent
from newsfuse.analyze.noise import clean_mention, is_noise, lower_words, platform_mentions
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


def _ent(text: str, whole: str, label: str) -> Ent:
    i = whole.index(text)
    return Ent(text, label, i, i + len(text))


def test_noise_sentence_initial_fragments_titles_figures_and_quoted_names() -> None:
    text = (
        "Walk-outs were rare. Budget talks resumed, said Defence Minister Ann Cole. "
        'See Supplementary Fig 3. The account "Happy Voter," posted it. '
        "Rain fell. The rain stopped. LAPD Cmdr. Joe Park spoke."
    )
    low = lower_words([text])
    assert is_noise(_ent("Walk", text, "ORG"), text, low)
    assert is_noise(_ent("Defence", text, "ORG"), text, low)
    assert is_noise(_ent("Supplementary Fig", text, "ORG"), text, low)
    assert is_noise(_ent("Happy Voter", text, "PERSON"), text, low)
    assert is_noise(_ent("Rain", text, "PERSON"), text, low)  # "rain" is lower case later
    assert is_noise(_ent("LAPD Cmdr", text, "PERSON"), text, low)
    assert not is_noise(_ent("Ann Cole", text, "PERSON"), text, low)
    assert not is_noise(_ent("Budget", text, "ORG"), text, low)  # never lower case here


def test_noise_slogan_fragment_in_quotes_and_platforms_are_organizations() -> None:
    text = 'She wrote "the Lying Press Corps is at it again" on Facebook. Ed Lee joined Reddit.'
    spans = [(text.index("the Lying"), text.index(" on Facebook") - 1)]
    assert is_noise(_ent("Lying Press", text, "ORG"), text, set(), spans)
    ents = platform_mentions(text, [_ent("Facebook", text, "PERSON")])
    assert [(e.text, e.label) for e in ents] == [("Facebook", "ORG"), ("Reddit", "ORG")]
    assert clean_mention(_ent("Ed Lee joined", text, "PERSON")).text == "Ed Lee joined"
    t2 = "Dana K. Ruiz - DoD said"
    assert clean_mention(_ent("Dana K. Ruiz - DoD", t2, "PERSON")).text == "Dana K. Ruiz"


def test_entities_given_name_acronym_and_suffix_forms_merge() -> None:
    ents = _entities(
        "Prime Minister Anwar Ibrahim met officials of the Trans-Pacific Trade Council "
        "in Jakarta. Anwar said the TPTC summit would go ahead. The United Nations "
        "Security Council met on Monday. The Security Council said it was concerned."
    )
    names = {e.name for e in ents}
    assert "Anwar" not in names and "Anwar Ibrahim" in names
    assert "Security Council" not in names
    assert "TPTC" not in names and "Trans-Pacific Trade Council" in names


def test_noise_span_across_a_sentence_break_and_titled_person_tagged_org() -> None:
    text = "Talks with Lee Park. Events moved fast."
    assert is_noise(_ent("Lee Park. Events", text, "ORG"), text, set())
    ents = _entities(
        "Premier Kim Dae-ho met the press. Kim Dae-ho said talks would resume. "
        "Officials said Premier Kim Dae-ho would travel. Kim Dae-ho left on Monday."
    )
    assert [e.type for e in ents if "Kim" in e.name] == ["person"]

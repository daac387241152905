from __future__ import annotations

from newsfuse.analyze.quotes import QuoteExtractor
from newsfuse.analyze.spans import find_spans
from newsfuse.clean import SentenceSplitter
from newsfuse.model import Article, Briefing, Quote, Story


def _brief(*texts: str) -> Briefing:
    arts = [SentenceSplitter()(Article.new(t)) for t in texts]
    return Briefing(story=Story.of(arts), title="")


def _quotes(*texts: str) -> tuple[Quote, ...]:
    return QuoteExtractor()(_brief(*texts)).quotes


def _by_text(quotes: tuple[Quote, ...], part: str) -> Quote:
    return next(q for q in quotes if part in q.text)


def test_spans_find_straight_curly_duc_and_unclosed_paragraph_quotes() -> None:
    text = "A said ``Fine by me.'' \u201cNo,\u201d B said.\n\"It runs on and on\nNext line."
    inner = [text[s.inner_start : s.inner_end] for s in find_spans(text)]
    assert inner == ["Fine by me.", "No", "It runs on and on"]


def test_quotes_split_quote_is_one_quote_with_one_speaker() -> None:
    qs = _quotes(
        'Mayor Jane Porter spoke on Monday. "We will rebuild the bridge," Porter said, '
        '"and we will do it before winter."'
    )
    q = _by_text(qs, "rebuild")
    assert "before winter" in q.text and q.speaker == "Jane Porter" and q.kind == "direct"


def test_quotes_pronoun_resolves_to_most_recent_compatible_named_speaker() -> None:
    qs = _quotes(
        'Health minister Ana Lopez said the clinic would open. "We are ready to serve '
        'every family in the valley," she added. Mr. Carl Reyes disagreed. "This plan is '
        'far too expensive for the town," he said.'
    )
    assert _by_text(qs, "every family").speaker == "Ana Lopez"
    assert _by_text(qs, "too expensive").speaker == "Carl Reyes"


def test_quotes_anonymous_speaker_is_flagged() -> None:
    qs = _quotes('"The talks will resume next week in Geneva," the official said.')
    q = _by_text(qs, "talks will resume")
    assert q.anonymous and q.speaker == "the official"


def test_quotes_scare_quotes_are_skipped_and_tweets_attributed() -> None:
    qs = _quotes(
        'The senator called the bill a "disaster" and left. "This is the worst deal in '
        'history, believe me," Senator Mark Hill tweeted.'
    )
    assert not any(q.text == "disaster" for q in qs)
    assert _by_text(qs, "worst deal").speaker == "Mark Hill"


def test_quotes_reported_speech_and_surname_resolution() -> None:
    qs = _quotes(
        "Governor Maria Chen visited the flooded district on Tuesday. Chen said Tuesday "
        "that the state would pay for temporary housing."
    )
    q = _by_text(qs, "temporary housing")
    assert q.kind == "reported" and q.speaker == "Maria Chen"


def test_quotes_same_quote_in_two_articles_is_merged_with_both_sources() -> None:
    b = _brief(
        '"We have no plans to raise taxes this year," Finance Minister Olaf Berg said.',
        'Berg told reporters: "We have no plans to raise taxes this year."',
    )
    qs = QuoteExtractor()(b).quotes
    q = _by_text(qs, "raise taxes")
    assert len(q.sources) == 2 and q.speaker == "Olaf Berg"


def test_spans_duc_quote_left_open_ends_at_next_opening_mark() -> None:
    text = "``We will stay. ``We will not leave,'' he said."
    inner = [text[s.inner_start : s.inner_end] for s in find_spans(text)]
    assert inner == ["We will stay.", "We will not leave"]


def test_quotes_statement_is_attributed_to_the_organization() -> None:
    qs = _quotes(
        "The Bank of Lisbon cut its main rate on Tuesday. "
        '"Inflation is expected to remain low for some time," the statement said.'
    )
    q = _by_text(qs, "Inflation")
    assert q.speaker == "Bank of Lisbon" and not q.anonymous


def test_quotes_pronoun_prefers_the_sentence_subject_over_an_earlier_speaker() -> None:
    qs = _quotes(
        '"We expected a long night," said coach Ivan Petrov after the game. '
        "Team president Marta Solis welcomed the result. "
        '"It shows what this club can do," she said.'
    )
    assert _by_text(qs, "this club").speaker == "Marta Solis"


def test_quotes_one_word_scare_quote_vs_own_utterance() -> None:
    qs = _quotes(
        'The move was made "erroneously," according to a spokesman. '
        '"Yes," the minister Paul Grant said when asked about the plan.'
    )
    assert not any(q.text == "erroneously" for q in qs)
    assert _by_text(qs, "Yes").speaker == "Paul Grant"


def test_quotes_appositive_subject_and_long_role_before_name() -> None:
    qs = _quotes(
        "Ann Lee, the lawyer who represented the Friends of the Park against the city, "
        'called the ruling "a victory for every family in town." '
        '"We found the wreck," search and rescue agency chief Omar Haddad told reporters.'
    )
    assert _by_text(qs, "victory").speaker == "Ann Lee"
    assert _by_text(qs, "wreck").speaker == "Omar Haddad"


def test_quotes_named_organization_is_not_anonymous() -> None:
    qs = _quotes('"The test was simulated," the Democratic National Committee said.')
    q = _by_text(qs, "simulated")
    assert q.speaker == "Democratic National Committee" and not q.anonymous


def test_quotes_standalone_quote_after_unrelated_paragraph_is_unattributed() -> None:
    qs = _quotes(
        'Fire chief Laura Banks called the blaze "the worst in a decade" on Monday.\n\n'
        "The county board met on Tuesday to discuss the budget for next year.\n\n"
        "The council approved the new park plan after a short debate.\n\n"
        '"We will need every volunteer we can find this summer."'
    )
    assert _by_text(qs, "every volunteer").speaker is None


def test_quotes_standalone_quote_continues_previous_paragraph_speaker() -> None:
    qs = _quotes(
        'Fire chief Laura Banks said the crews were tired. "They worked all night," she said.'
        '\n\n"We will need every volunteer we can find this summer."'
    )
    assert _by_text(qs, "every volunteer").speaker == "Laura Banks"


def test_quotes_pronoun_skips_a_person_named_in_the_reported_clause() -> None:
    qs = _quotes(
        "Budget director Tom Okafor said on Monday the deficit had grown.\n\n"
        "Mayor Rita Vance met union leaders later that day.\n\n"
        "He added that he did not know what Mayor Vance had promised the unions."
    )
    assert _by_text(qs, "promised the unions").speaker == "Tom Okafor"


def test_quotes_described_subject_resolves_to_the_introduced_person() -> None:
    qs = _quotes(
        "Chilean President Ana Morales met the Argentine delegation in Santiago. "
        "Tomas Ruiz, a trade envoy, said talks went well.\n\n"
        "The Chilean leader praised the deal. "
        '"This is good for both countries," she said.'
    )
    assert _by_text(qs, "good for both").speaker == "Ana Morales"


def test_quotes_known_person_tagged_as_organization_is_a_person() -> None:
    from newsfuse.analyze.nlp import Ent
    from newsfuse.analyze.quotes import _as_people

    ents = [Ent("Okafor", "ORG", 0, 6), Ent("Acme Corp", "ORG", 10, 19)]
    out = _as_people(ents, ["Tom Okafor"])
    assert [e.label for e in out] == ["PERSON", "ORG"]

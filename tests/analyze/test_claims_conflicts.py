from __future__ import annotations

from datetime import datetime

from newsfuse.analyze.claims import ClaimMapper
from newsfuse.analyze.conflicts import ConflictFinder
from newsfuse.clean import SentenceSplitter
from newsfuse.model import Article, Briefing, Story


def _brief(*texts: str, dup: dict[str, str] | None = None) -> Briefing:
    arts = [SentenceSplitter()(Article.new(t, published=datetime(2022, 5, 6))) for t in texts]
    story = Story.of(arts, duplicates=dup or {})
    return Briefing(story=story, title="")


A = (
    "The city council approved a new budget for public schools on Thursday. "
    "The mayor's office said the library branch on Elm Street will close."
)
B = (
    "On Thursday the city council approved the new public schools budget. "
    "Teachers held a rally outside the council chamber to protest the cuts."
)


def test_claims_shared_claim_has_both_sources_and_others_are_single() -> None:
    b = _brief(A, B)
    claims = ClaimMapper()(b).claims
    shared = next(c for c in claims if "budget" in c.text)
    assert len(shared.sources) == 2 and not shared.single_source
    assert next(c for c in claims if "Elm Street" in c.text).single_source
    assert claims[0] is shared  # most-supported claims come first


def test_claims_syndicated_copy_counts_once() -> None:
    b = _brief(A, A)
    ids = [a.id for a in b.articles]
    b2 = _brief(A, A.replace("Thursday", "Thursday morning"), dup={})
    dup = {b2.articles[1].id: b2.articles[0].id}
    b3 = Briefing(story=Story.of(b2.articles, duplicates=dup), title="")
    claims = ClaimMapper()(b3).claims
    assert all(c.single_source for c in claims) and len(set(ids)) == 1


def test_conflicts_numbers_dates_names_are_flagged() -> None:
    b = _brief(
        "Prosecutors charged 12 intelligence officers with hacking. The summit is set for "
        "September in Vienna. Fire chief Tom Alder said the blaze was under control.",
        "Prosecutors charged 11 intelligence officers with hacking. The summit is set for "
        "the autumn in Vienna. Fire chief Ray Moss said the blaze was under control.",
    )
    kinds = {c.kind: c for c in ConflictFinder()(b).conflicts}
    assert set(kinds) == {"count", "date", "name"}
    values = [v.value for v in kinds["count"].values]
    assert values == ["12 intelligence officers", "11 intelligence officers"]
    assert all(len(v.sources) == 1 for v in kinds["count"].values)


def test_conflicts_paraphrase_and_alias_wording_is_not_a_conflict() -> None:
    b = _brief(
        "The Russian Federation and the USA agreed to cut 1,500 warheads by July 2023.",
        "Russia and the U.S. agreed to cut 1500 warheads by July 2023.",
    )
    assert ConflictFinder()(b).conflicts == ()


def test_conflicts_shared_modifier_is_not_the_same_count() -> None:
    b = _brief(
        "Divers said they found four big parts of the wreck near the island on Monday.",
        "Divers said they found two big objects near the island on Monday.",
    )
    assert ConflictFinder()(b).conflicts == ()

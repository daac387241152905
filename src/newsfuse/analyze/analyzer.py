"""Run the selected analysis stages over a briefing, sharing one spaCy pipeline."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from newsfuse.analyze.nlp import NLP
from newsfuse.base import Constraint, InstanceOf, Stage, register
from newsfuse.errors import ConfigError
from newsfuse.model import Briefing

SECTIONS = ("quotes", "entities", "timeline", "claims", "conflicts")


def _stages() -> dict[str, type[Stage[Briefing, Briefing]]]:
    from newsfuse.analyze.claims import ClaimMapper
    from newsfuse.analyze.conflicts import ConflictFinder
    from newsfuse.analyze.entities import EntityExtractor
    from newsfuse.analyze.quotes import QuoteExtractor
    from newsfuse.analyze.timeline import TimelineBuilder

    return {
        "quotes": QuoteExtractor,
        "entities": EntityExtractor,
        "timeline": TimelineBuilder,
        "claims": ClaimMapper,
        "conflicts": ConflictFinder,
    }


def parse_sections(sections: str | Iterable[str] | None, allowed: Iterable[str]) -> tuple[str, ...]:
    """Normalize "a,b" / ["a", "b"] / None (all) into a tuple, rejecting unknown names."""
    allowed = tuple(allowed)
    if sections is None or sections == "all":
        return allowed
    items = sections.split(",") if isinstance(sections, str) else list(sections)
    out = tuple(dict.fromkeys(s.strip().lower() for s in items if s.strip()))
    bad = [s for s in out if s not in allowed]
    if bad:
        raise ConfigError(f"unknown section(s) {', '.join(bad)}; choose from {', '.join(allowed)}")
    return out


@register("analyze")
class Analyzer(Stage[Briefing, Briefing]):
    """Fill the analysis sections of a briefing (quotes, entities, timeline, claims, conflicts).

    Parameters
    ----------
    sections : str or tuple of str
        Which sections to compute: "all", a comma-separated string or a tuple of names.
    """

    requires = ("article.sentences",)
    assigns = tuple(f"briefing.{s}" for s in SECTIONS)
    _constraints: ClassVar[dict[str, list[Constraint]]] = {
        "sections": [InstanceOf((str, tuple))],
    }

    def __init__(self, *, sections: str | tuple[str, ...] = "all") -> None:
        self.sections = sections
        super().__init__()
        parse_sections(sections, SECTIONS)
        self._nlp = NLP()
        self._cache: dict[str, Any] = {}

    def _stage(self, name: str) -> Stage[Briefing, Briefing]:
        if name not in self._cache:
            stage = _stages()[name]()
            stage._nlp = self._nlp  # type: ignore[attr-defined]
            self._cache[name] = stage
        return self._cache[name]  # type: ignore[no-any-return]

    def __call__(self, briefing: Briefing) -> Briefing:
        # Conflicts reuse nothing from the other sections, so order only matters for reading.
        for name in parse_sections(self.sections, SECTIONS):
            briefing = self._stage(name)(briefing)
        return briefing

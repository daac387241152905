"""What the sources say: quotes and speakers, entities, timeline, agreement and conflicts."""

from newsfuse.analyze.analyzer import SECTIONS, Analyzer, parse_sections
from newsfuse.analyze.claims import ClaimMapper
from newsfuse.analyze.conflicts import ConflictFinder
from newsfuse.analyze.entities import EntityExtractor
from newsfuse.analyze.quotes import QuoteExtractor
from newsfuse.analyze.timeline import TimelineBuilder

__all__ = [
    "SECTIONS",
    "Analyzer",
    "ClaimMapper",
    "ConflictFinder",
    "EntityExtractor",
    "QuoteExtractor",
    "TimelineBuilder",
    "parse_sections",
]

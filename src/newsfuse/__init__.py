"""newsfuse: turn many noisy news articles into trustworthy, source-attributed briefings.

Examples
--------
>>> import newsfuse
>>> b = newsfuse.brief(["examples/seeds"], words=100)
>>> sorted({src for s in b.summary for src in s.sources}) == sorted(a.id for a in b.articles)
True
"""

from newsfuse.api import brief, brief_articles, brief_stories, briefs, load, prepare
from newsfuse.base import Stage, registered
from newsfuse.clean import Cleaner, SentenceSplitter
from newsfuse.cluster import StoryClusterer, cluster_articles
from newsfuse.dedup import Deduplicator, dedup_story
from newsfuse.errors import ConfigError, InputError, NewsfuseError
from newsfuse.model import Article, Briefing, Sentence, Story, SummarySentence
from newsfuse.pipeline import Pipeline, make_pipeline
from newsfuse.summarize import Summarizer

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Briefing",
    "Cleaner",
    "ConfigError",
    "Deduplicator",
    "InputError",
    "NewsfuseError",
    "Pipeline",
    "Sentence",
    "SentenceSplitter",
    "Stage",
    "Story",
    "StoryClusterer",
    "Summarizer",
    "SummarySentence",
    "brief",
    "brief_articles",
    "brief_stories",
    "briefs",
    "cluster_articles",
    "dedup_story",
    "load",
    "make_pipeline",
    "prepare",
    "registered",
]

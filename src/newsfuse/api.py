"""The Python API; it mirrors the CLI (``newsfuse brief`` is :func:`brief`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsfuse.clean import Cleaner, SentenceSplitter
from newsfuse.errors import InputError
from newsfuse.ingest import read
from newsfuse.model import Article, Briefing, Story
from newsfuse.pipeline import Pipeline
from newsfuse.summarize import Summarizer


def article_pipeline() -> Pipeline:
    """The per-article stages: clean, then split into sentences."""
    return Pipeline([("clean", Cleaner()), ("split", SentenceSplitter())])


@dataclass
class Prepared:
    """Articles ready for story-level stages, and the inputs that were unusable."""

    articles: list[Article] = field(default_factory=list)
    problems: list[InputError] = field(default_factory=list)


def prepare(articles: Iterable[Article], pipeline: Pipeline | None = None) -> Prepared:
    """Run the per-article pipeline; an article that fails becomes a problem, not a crash."""
    pipe = pipeline or article_pipeline()
    out = Prepared()
    for art in articles:
        try:
            out.articles.append(pipe(art))
        except InputError as err:
            out.problems.append(err)
    return out


def load(sources: Iterable[str | Path]) -> Prepared:
    """Read and prepare articles from paths, globs, ``-`` or URLs."""
    res = read(sources)
    prepared = prepare(res.articles)
    prepared.problems[:0] = res.problems
    return prepared


def _usable(sources: Iterable[str | Path]) -> list[Article]:
    """Prepared articles from ``sources``; raise if none is usable."""
    prepared = load(sources)
    if not prepared.articles:
        detail = "; ".join(str(p) for p in prepared.problems[:3]) or "no inputs"
        raise InputError("input", f"no usable article ({detail})")
    return prepared.articles


ALL_SECTIONS = ("summary", "quotes", "entities", "timeline", "claims", "conflicts")


def brief_articles(
    articles: Iterable[Article],
    *,
    words: int | None = None,
    sections: str | Iterable[str] | None = None,
) -> Briefing:
    """One briefing of already prepared articles, treated as one story.

    ``sections`` picks what to compute: any of ``ALL_SECTIONS``, as a list or a
    comma-separated string; ``None`` means all of them.
    """
    from newsfuse.dedup import Deduplicator

    return story_briefing(Deduplicator()(Story.of(articles)), words=words, sections=sections)


def story_briefing(
    story: Story,
    *,
    words: int | None = None,
    sections: str | Iterable[str] | None = None,
) -> Briefing:
    """The briefing of one story: summary, then the chosen analysis sections.

    Syndicated copies marked in ``story.duplicates`` count once as evidence and are
    still listed as sources.
    """
    from newsfuse.analyze import Analyzer, parse_sections

    chosen = parse_sections(sections, ALL_SECTIONS)
    if "summary" in chosen:
        briefing = Summarizer(words=words)(story)
    else:
        title = story.title or next((a.title for a in story.articles if a.title), None) or ""
        briefing = Briefing(story=story, title=title)
    analysis = tuple(s for s in chosen if s != "summary")
    if analysis:
        briefing = Analyzer(sections=analysis)(briefing)
    return briefing


def brief(
    sources: Iterable[str | Path],
    *,
    words: int | None = None,
    sections: str | Iterable[str] | None = None,
) -> Briefing:
    """Read all ``sources`` as one story and return its briefing.

    Raises
    ------
    InputError
        If no input held a usable article; the message lists the first problems.

    Examples
    --------
    >>> b = brief(["examples/seeds"], words=120)
    >>> len(b.articles), len(b.summary_text.split()) <= 120
    (2, True)
    """
    return brief_articles(_usable(sources), words=words, sections=sections)


def brief_stories(
    articles: Iterable[Article],
    *,
    words: int | None = None,
    sections: str | Iterable[str] | None = None,
) -> list[Briefing]:
    """Find the stories among prepared articles; one briefing each, largest story first."""
    from newsfuse.cluster import cluster_articles

    return [
        story_briefing(story, words=words, sections=sections)
        for story in cluster_articles(list(articles))
    ]


def briefs(
    sources: Iterable[str | Path],
    *,
    words: int | None = None,
    sections: str | Iterable[str] | None = None,
) -> list[Briefing]:
    """Read ``sources``, group them into stories, and brief each (largest first).

    Examples
    --------
    >>> [len(b.articles) for b in briefs(["examples/seeds"], words=80, sections="summary")]
    [2]
    """
    return brief_stories(_usable(sources), words=words, sections=sections)

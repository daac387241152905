"""The cleaning stage: drop boilerplate lines, keep title, outlet, byline, publish date."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import ClassVar

from newsfuse import settings
from newsfuse.base import Constraint, Interval, Stage, register
from newsfuse.clean.metadata import agency_in, classify_meta_line, dateline_agency
from newsfuse.clean.rules import is_sentence_like, line_reason, strip_tail_credit
from newsfuse.errors import InputError
from newsfuse.model import Article, RemovedLine

_CONTINUES = re.compile(r"[,;\-–(]$|\b(a|an|the|of|to|and|or|in|for|with|on|at|by|that)$", re.I)


def _norm(line: str) -> str:
    # str.split() folds all Unicode whitespace (NBSP included) but not zero-width spaces.
    return " ".join(line.replace("\u200b", " ").split())


def logical_lines(raw: str) -> list[str]:
    """Lines of ``raw`` with hard-wrapped sentences re-joined.

    Within a block (no blank line between), a line that does not end a sentence is joined
    to the next when the next starts in lower case or the line ends mid-phrase. Scraped
    PDFs and e-mail style text wrap at ~70 characters; without this, every wrapped piece
    would look like a fragment.

    Examples
    --------
    >>> logical_lines("The committee met on\\nTuesday and voted.\\n\\nNext")
    ['The committee met on Tuesday and voted.', 'Next']
    """
    out: list[str] = []
    joinable = False
    for rawline in raw.splitlines():
        line = _norm(rawline)
        if not line:
            joinable = False
            continue
        if joinable and out and (line[0].islower() or _CONTINUES.search(out[-1])):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        joinable = not is_sentence_like(out[-1]) and not out[-1].endswith(":")
    return out


@register("clean")
class Cleaner(Stage[Article, Article]):
    """Remove boilerplate lines from an article and fill its metadata from the header.

    Parameters
    ----------
    min_words : int
        A line without sentence-final punctuation and fewer words than this is a fragment
        (heading, share button, label) and is dropped.
    min_article_words : int or None
        An article with fewer words left is unusable: :class:`InputError` is raised.
        ``None`` takes the ``min_article_words`` setting.

    Examples
    --------
    >>> raw = "Storm hits coast\\n\\nStorm hits coast\\n\\nRelated news\\n\\n" + (
    ...     "The storm reached the coast on Monday, officials said, and thousands left. " * 3)
    >>> art = Cleaner(min_article_words=5)(Article.new(raw))
    >>> art.title, "Related news" in art.text
    ('Storm hits coast', False)
    """

    requires = ("article.text",)
    assigns = ("article.text", "article.title", "article.published", "article.removed")
    _constraints: ClassVar[dict[str, list[Constraint]]] = {
        "min_words": [Interval(1, 100, integer=True)],
        "min_article_words": [Interval(1, None, integer=True)],
    }

    def __init__(self, *, min_words: int = 8, min_article_words: int | None = None) -> None:
        self.min_words = min_words
        self.min_article_words = (
            int(settings.get("min_article_words"))
            if min_article_words is None
            else min_article_words
        )
        super().__init__()

    def __call__(self, article: Article) -> Article:
        raw = article.raw or article.text
        lines = logical_lines(raw)
        title, byline, published, outlet = (
            article.title,
            article.byline,
            article.published,
            article.outlet,
        )
        removed: list[RemovedLine] = []
        kept: list[str] = []
        seen: set[str] = set()
        in_header = True
        title_key = title.lower() if title else None
        for line in lines:
            line, credit = strip_tail_credit(line)
            if credit:
                removed.append(RemovedLine(credit, "wire credit"))
            key = line.lower()
            reason: str | None = None
            meta = classify_meta_line(line)
            if key in seen:
                reason = "repeated line"
            elif title_key and key == title_key:
                reason = "title"
            elif meta is not None:
                if meta.kind == "published" and meta.date is not None:
                    published = published or meta.date
                    reason = "publish date line"
                elif meta.kind == "updated":
                    reason = "update date line"
                elif meta.kind == "page_date":
                    reason = "page-header date (not the publish date)"
                else:
                    byline = byline or line
                    outlet = outlet or agency_in(line)
                    reason = "byline"
            else:
                reason = line_reason(line, min_words=self.min_words)
                headline = not is_sentence_like(line) and 2 <= len(line.split()) <= 25
                if in_header and headline and reason in (None, "fragment (no sentence)"):
                    reason = "subheading" if title is not None else "title"
                    if title is None:
                        title, title_key = line, key
            seen.add(key)
            if reason is None:
                if in_header:
                    outlet = outlet or dateline_agency(line)
                in_header = False
                kept.append(line)
            else:
                removed.append(RemovedLine(line, reason))
        text = "\n\n".join(kept)
        if len(text.split()) < self.min_article_words:
            raise InputError(
                article.source or article.id,
                f"only {len(text.split())} words of article text after cleaning "
                f"(minimum {self.min_article_words})",
            )
        return replace(
            article,
            text=text,
            raw=raw,
            title=title,
            byline=byline,
            outlet=outlet,
            published=published,
            sentences=(),
            removed=tuple(removed),
        )

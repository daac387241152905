"""Summarize many stories from JSONL, keeping input order; a bad line never stops the run."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from newsfuse.api import prepare
from newsfuse.errors import InputError
from newsfuse.ingest.readers import json_records, jsonl_lines, read_text
from newsfuse.model import Article, Briefing, Story
from newsfuse.summarize import Summarizer


def story_articles(rec: dict[str, Any], where: str) -> list[Article]:
    """The articles of one ``{"id", "documents": [...]}`` record, ids ``<doc index>``."""
    docs = rec.get("documents")
    if isinstance(docs, str):
        docs = [d for d in docs.split("|||||")]
    if not isinstance(docs, list) or not docs:
        raise InputError(where, "missing or empty 'documents' list")
    arts: list[Article] = []
    for i, doc in enumerate(docs):
        if isinstance(doc, str) and doc.strip():
            for art in read_text(doc, f"{where}#{i}"):
                arts.append(replace(art, id=str(i)))
    return arts


def summary_record(story_id: str, briefing: Briefing) -> dict[str, Any]:
    return {
        "id": story_id,
        "summary": briefing.summary_text,
        "sentences": [
            {"text": s.text, "sources": [int(x) for x in s.sources]} for s in briefing.summary
        ],
    }


def iter_records(path: Path) -> Iterator[tuple[str, dict[str, Any] | InputError]]:
    """``(path:lineno, record or problem)`` for each non-blank line of a JSONL file."""
    with path.open(encoding="utf-8", errors="replace") as fh:
        yield from json_records(jsonl_lines(fh, str(path)))


def summarize_jsonl(
    infile: Path, outfile: Path, *, words: int = 250, progress: bool = True
) -> tuple[int, list[InputError]]:
    """Write one summary line per usable input story; return (written, problems).

    A story whose documents are all unusable still gets a line with an empty summary, so
    output lines match input stories; it is also reported as a problem.
    """
    summarizer = Summarizer(words=words)
    problems: list[InputError] = []
    records = list(iter_records(infile))
    done = 0
    bar: Any = None
    if progress and len(records) > 20:
        from rich.progress import Progress

        bar = Progress(transient=True)
        bar.start()
        task = bar.add_task("summarizing", total=len(records))
    try:
        with outfile.open("w", encoding="utf-8") as out:
            for where, rec in records:
                if isinstance(rec, InputError):
                    problems.append(rec)
                    continue
                sid = str(rec.get("id", where.rsplit(":", 1)[-1]))
                try:
                    prepared = prepare(story_articles(rec, where))
                except InputError as err:
                    problems.append(err)
                    continue
                problems.extend(prepared.problems)
                briefing = summarizer(Story.of(prepared.articles))
                out.write(json.dumps(summary_record(sid, briefing), ensure_ascii=False) + "\n")
                done += 1
                if bar is not None:
                    bar.advance(task)
    finally:
        if bar is not None:
            bar.stop()
    return done, problems

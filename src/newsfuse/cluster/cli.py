"""``newsfuse cluster``: one story id per input article, and a story summary on stderr."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from newsfuse.model import Story


def _summary_lines(stories: list[Story], top: int = 10) -> list[str]:
    from newsfuse.cluster.label import story_span

    sizes = Counter(len(s.articles) for s in stories)
    hist = ", ".join(f"{n}x{size}" for size, n in sorted(sizes.items(), reverse=True))
    lines = [f"{len(stories)} stories (count x size: {hist})"]
    for s in stories[:top]:
        lo, hi = story_span(s.articles)
        span = f" [{lo:%Y-%m-%d} .. {hi:%Y-%m-%d}]" if lo and hi else ""
        dups = f", {len(s.duplicates)} duplicates" if s.duplicates else ""
        lines.append(f"  {s.id}  {len(s.articles)} articles{dups}{span}: {s.title}")
    return lines


def register(app: typer.Typer) -> None:
    """Add the ``cluster`` command to ``app``."""

    @app.command("cluster")
    def cluster(
        infile: Annotated[
            Path, typer.Argument(help='JSONL: {"id", "text", "title"?, "outlet"?, "published"?}.')
        ],
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="Write JSONL here (default stdout).")
        ] = None,
        incremental: Annotated[
            bool, typer.Option(help="Assign batch by batch instead of all at once.")
        ] = False,
        batch_size: Annotated[
            int, typer.Option(min=1, help="Articles per incremental batch.")
        ] = 20,
        threshold: Annotated[
            float | None, typer.Option(min=0.0, max=1.0, help="Similarity to join a story.")
        ] = None,
        strict: Annotated[bool, typer.Option(help="Exit 1 if any line had a problem.")] = False,
    ) -> None:
        """Group articles into stories; one output line per article, in input order.

        Output lines: {"id", "story", "duplicate_of"}. Example:
        newsfuse cluster articles.jsonl -o stories.jsonl --incremental --batch-size 50
        """
        from newsfuse.cli import fail, report_problems, warn
        from newsfuse.cluster import cluster_articles
        from newsfuse.cluster.prepare import prepare_for_clustering
        from newsfuse.ingest import read_bytes

        if not infile.exists():
            fail(f"{infile}: no such file")
        res = read_bytes(infile.read_bytes(), str(infile))
        prepared = prepare_for_clustering(res.articles)
        if not prepared.articles:
            report_problems(res.problems, strict=False)
            fail(f"{infile}: no usable article")
        stories = cluster_articles(
            prepared.articles, incremental=incremental, batch_size=batch_size, threshold=threshold
        )
        story_of: dict[str, str] = {}
        dup_of: dict[str, str] = {}
        for s in stories:
            for a in s.articles:
                story_of[a.id] = s.id
            dup_of.update(s.duplicates)
        lines = [
            json.dumps({"id": a.id, "story": story_of[a.id], "duplicate_of": dup_of.get(a.id)})
            for a in prepared.articles
        ]
        text = "\n".join(lines) + "\n"
        if output is None or str(output) == "-":
            sys.stdout.write(text)
        else:
            output.write_text(text, encoding="utf-8")
        for note in prepared.notes:
            warn(f"note: {note}")
        for line in _summary_lines(stories):
            print(line, file=sys.stderr)
        report_problems(res.problems + prepared.notes if strict else res.problems, strict=strict)

"""``newsfuse eval ...`` commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

eval_app = typer.Typer(
    help="Measure newsfuse against gold data and baselines.", no_args_is_help=True
)


@eval_app.command("clusters")
def eval_clusters(
    gold: Annotated[Path, typer.Argument(help='Gold JSONL: {"id", "text", "story"} per line.')],
    batch_size: Annotated[int, typer.Option(min=1, help="Incremental batch size.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """B-cubed P/R/F1, pairwise F1, ARI: batch, incremental and TF-IDF baseline.

    Example: newsfuse eval clusters ../shared/data/clusters-dev.jsonl
    """
    import json
    import sys

    from newsfuse.cli import fail, warn
    from newsfuse.eval.clusters import evaluate_clusters, format_table

    if not gold.exists():
        fail(f"{gold}: no such file")
    report = evaluate_clusters(gold, batch_size=batch_size)
    for line in report["skipped_lines"]:
        warn(f"skipped: {line}")
    if report["articles"] == 0:
        fail(f"{gold}: no usable gold line")
    sys.stdout.write(json.dumps(report, indent=2) + "\n" if as_json else format_table(report))

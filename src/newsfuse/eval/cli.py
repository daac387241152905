"""``newsfuse eval ...`` commands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

eval_app = typer.Typer(
    help="Measure newsfuse against gold data and baselines.", no_args_is_help=True
)


@eval_app.command("summaries")
def summaries(
    data: Annotated[Path, typer.Argument(help="Multi-News-style JSONL, or a DUC-style directory.")],
    words: Annotated[int, typer.Option("--words", "-w", min=1, help="Word budget.")] = 250,
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first K stories.")] = None,
    baselines: Annotated[
        str, typer.Option(help="Comma-separated: lead,roundrobin,lexrank,textrank (or none).")
    ] = "lead,roundrobin,lexrank,textrank",
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object on stdout.")] = False,
) -> None:
    """ROUGE-1/2/L/Lsum (F1 and recall, Porter-stemmed) of newsfuse and baselines.

    DUC-style directories (several references) are headlined by recall, JSONL by F1.

    Example: newsfuse eval summaries ../shared/data/duc2004-dev --words 100
    """
    from newsfuse.cli import fail
    from newsfuse.errors import NewsfuseError
    from newsfuse.eval.baselines import BASELINES
    from newsfuse.eval.datasets import load_dataset
    from newsfuse.eval.summaries import evaluate_all

    names = [b.strip() for b in baselines.split(",") if b.strip() and b.strip() != "none"]
    bad = [b for b in names if b not in BASELINES]
    if bad:
        fail(f"unknown baseline(s) {', '.join(bad)}; choose from {', '.join(BASELINES)}", 2)
    try:
        stories = load_dataset(data, limit)
    except NewsfuseError as err:
        fail(str(err))
    if not stories:
        fail(f"{data}: no stories")
    headline = "recall" if data.is_dir() else "f1"
    results = evaluate_all(stories, words, names)
    if as_json:
        print(
            json.dumps(
                {
                    "data": str(data),
                    "stories": len(stories),
                    "words": words,
                    "headline": headline,
                    "results": [r.to_dict() for r in results],
                }
            )
        )
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(
        title=f"{data.name}: {len(stories)} stories, {words} words "
        f"(headline: ROUGE {headline}, Porter-stemmed)"
    )
    table.add_column("method")
    for kind in ("f1", "recall"):
        for t in ("R-1", "R-2", "R-L", "R-Lsum"):
            table.add_column(f"{t} {'F1' if kind == 'f1' else 'rec'}", justify="right")
    table.add_column("ms/story", justify="right")
    for r in results:
        cells = [f"{v:.2f}" for v in r.scores.f1.values()]
        cells += [f"{v:.2f}" for v in r.scores.recall.values()]
        table.add_row(r.name, *cells, f"{1000 * r.seconds_per_story:.1f}")
    Console(width=160).print(table)


@eval_app.command("clusters")
def eval_clusters(
    gold: Annotated[Path, typer.Argument(help='Gold JSONL: {"id", "text", "story"} per line.')],
    batch_size: Annotated[int, typer.Option(min=1, help="Incremental batch size.")] = 20,
    shuffles: Annotated[
        int, typer.Option(min=0, help="Also score batch and incremental on N shuffled orders.")
    ] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """B-cubed P/R/F1, pairwise F1, ARI: batch, incremental and TF-IDF baseline.

    Example: newsfuse eval clusters ../shared/data/clusters-dev.jsonl --shuffles 12
    """
    import json
    import sys

    from newsfuse.cli import fail, warn
    from newsfuse.eval.clusters import evaluate_clusters, format_table

    if not gold.exists():
        fail(f"{gold}: no such file")
    report = evaluate_clusters(gold, batch_size=batch_size, shuffles=shuffles)
    for line in report["skipped_lines"]:
        warn(f"skipped: {line}")
    if report["articles"] == 0:
        fail(f"{gold}: no usable gold line")
    sys.stdout.write(json.dumps(report, indent=2) + "\n" if as_json else format_table(report))


@eval_app.command("analysis")
def analysis(
    labels: Annotated[
        Path, typer.Option("--labels", help="Directory with quotes/events/conflicts.jsonl.")
    ] = Path("tests/data/analysis"),
    data: Annotated[
        Path, typer.Option("--data", help="Shared dev data (multinews-dev.jsonl, duc2004-dev).")
    ] = Path("../shared/data"),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="List every miss on stderr.")] = False,
) -> None:
    """Quote P/R/F1, speaker and date accuracy on hand labels; conflict P/R.

    Example: newsfuse eval analysis --labels tests/data/analysis --data ../shared/data
    """
    import json
    import sys

    from newsfuse.cli import fail
    from newsfuse.eval.analysis import evaluate, format_report

    for need in (labels / "quotes.jsonl", labels / "events.jsonl", data):
        if not need.exists():
            fail(f"{need}: not found")
    res = evaluate(labels, data)
    if errors:
        for e in res["errors"]:
            print(e, file=sys.stderr)
    if as_json:
        print(json.dumps({k: v for k, v in res.items() if k != "errors"}, indent=2))
    else:
        print(format_report(res))

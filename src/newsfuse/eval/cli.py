"""``newsfuse eval ...`` commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

eval_app = typer.Typer(
    help="Measure newsfuse against gold data and baselines.", no_args_is_help=True
)


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

    from newsfuse.eval.analysis import evaluate, format_report

    for need in (labels / "quotes.jsonl", labels / "events.jsonl", data):
        if not need.exists():
            print(f"newsfuse: error: {need}: not found", file=sys.stderr)
            raise typer.Exit(1)
    res = evaluate(labels, data)
    if errors:
        for e in res["errors"]:
            print(e, file=sys.stderr)
    if as_json:
        print(json.dumps({k: v for k, v in res.items() if k != "errors"}, indent=2))
    else:
        print(format_report(res))

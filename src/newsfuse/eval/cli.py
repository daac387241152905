"""``newsfuse eval ...`` commands."""

from __future__ import annotations

import typer

eval_app = typer.Typer(
    help="Measure newsfuse against gold data and baselines.", no_args_is_help=True
)

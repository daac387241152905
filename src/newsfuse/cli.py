"""The ``newsfuse`` command line: parse arguments, call the library, print.

Exit codes (every command): 0 ok, also when some inputs were skipped (one stderr line
each, then a count); 1 nothing usable remained, or ``--strict`` and something was
skipped, or a run failed; 2 usage error.
"""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from newsfuse.errors import InputError, InputNote, NewsfuseError

app = typer.Typer(
    name="newsfuse",
    help="Turn many noisy news articles into source-attributed story briefings.\n\n"
    "Exit codes: 0 ok (some inputs may be skipped, one stderr line each); "
    "1 nothing usable, or --strict and something was skipped; 2 usage error.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def warn(msg: str) -> None:
    """One line on stderr, prefixed so it is greppable."""
    print(f"newsfuse: {msg}", file=sys.stderr)


def fail(msg: str, code: int = 1) -> NoReturn:
    warn(f"error: {msg}")
    raise typer.Exit(code)


def report_problems(problems: list[InputError], *, strict: bool) -> None:
    """One stderr line per problem; a count of skipped inputs; exit 1 under ``--strict``.

    Notes (an input used with a part dropped) are printed but are not skips.
    """
    skipped = [p for p in problems if not isinstance(p, InputNote)]
    for p in problems:
        warn(f"note: {p}" if isinstance(p, InputNote) else f"skipped: {p}")
    if skipped:
        warn(f"{len(skipped)} input(s) skipped")
        if strict:
            raise typer.Exit(1)


def write_out(text: str, output: Path | None) -> None:
    if output is None or str(output) == "-":
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


def _version(value: bool) -> None:
    if value:
        names = ("newsfuse", "trafilatura", "spacy", "scikit-learn", "nupunkt")
        for n in names:
            try:
                print(f"{n} {metadata.version(n)}")
            except metadata.PackageNotFoundError:
                print(f"{n} (not installed)")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print versions.")
    ] = False,
) -> None:
    """newsfuse: story briefings from noisy news."""


Fmt = typer.Option("--format", "-f", help="md (people), json or jsonl (machines), or html.")


@app.command()
def brief(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, globs, URLs or -.")],
    words: Annotated[int, typer.Option("--words", "-w", min=1, help="Summary word budget.")] = 250,
    fmt: Annotated[str, Fmt] = "md",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here.")] = None,
    strict: Annotated[bool, typer.Option(help="Exit 1 if any input was skipped.")] = False,
    sections: Annotated[
        str,
        typer.Option(
            "--sections",
            help="Comma-separated: summary,quotes,entities,timeline,claims,conflicts (or all).",
        ),
    ] = "all",
    db: Annotated[
        Path | None, typer.Option("--db", help="Also save the briefings in this SQLite file.")
    ] = None,
    one_story: Annotated[
        bool, typer.Option("--one-story", help="Treat all inputs as one story (no clustering).")
    ] = False,
) -> None:
    """Group the inputs into stories and print one briefing per story, largest first.

    One story gives one briefing (JSON: one object); several give several (JSON: an
    array; jsonl: one per line). Syndicated copies count once but are all cited.

    Example: newsfuse brief examples/seeds/ --words 150 --format md --sections summary,quotes
    """
    from newsfuse.analyze import parse_sections
    from newsfuse.api import ALL_SECTIONS, brief_articles, brief_stories, load
    from newsfuse.render import render_many

    if fmt not in ("md", "json", "jsonl", "html"):
        fail(f"--format must be md, json, jsonl or html; got {fmt!r}", 2)
    try:
        chosen = parse_sections(sections, ALL_SECTIONS)
    except NewsfuseError as err:
        fail(f"--sections: {err}", 2)
    prepared = load(paths)
    if not prepared.articles:
        report_problems(prepared.problems, strict=False)
        fail("no usable article in the inputs")
    if one_story or len(prepared.articles) == 1:
        briefings = [brief_articles(prepared.articles, words=words, sections=chosen)]
    else:
        briefings = brief_stories(prepared.articles, words=words, sections=chosen)
    if db is not None:
        from newsfuse.store import Store

        with Store(db) as store:
            for briefing in briefings:
                store.save_briefing(briefing)
    write_out(render_many(briefings, fmt, sections=chosen), output)
    report_problems(prepared.problems, strict=strict)


@app.command("summarize-batch")
def summarize_batch(
    infile: Annotated[Path, typer.Argument(help='JSONL: {"id", "documents": [str, ...]}.')],
    outfile: Annotated[Path, typer.Argument(help='JSONL: {"id", "summary", "sentences"}.')],
    words: Annotated[int, typer.Option("--words", "-w", min=1)] = 250,
    progress: Annotated[bool, typer.Option(help="Progress bar on stderr.")] = True,
    strict: Annotated[bool, typer.Option(help="Exit 1 if any story was skipped.")] = False,
) -> None:
    """Summarize many stories, one per JSONL line, in input order.

    Example: newsfuse summarize-batch stories.jsonl summaries.jsonl --words 250
    """
    from newsfuse.batch import summarize_jsonl

    if not infile.exists():
        fail(f"{infile}: no such file", 1)
    try:
        done, problems = summarize_jsonl(infile, outfile, words=words, progress=progress)
    except NewsfuseError as err:
        fail(str(err))
    report_problems(problems, strict=strict)
    if done == 0:
        fail(f"{infile}: no story could be summarized")


def _register_subcommands() -> None:
    """Commands that live beside their stage (cluster, eval, serve) join the one app here."""
    from newsfuse.cluster.cli import register as register_cluster
    from newsfuse.eval.cli import eval_app
    from newsfuse.serve.cli import register as register_serve

    register_cluster(app)
    app.add_typer(eval_app, name="eval")
    register_serve(app)


_register_subcommands()


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except NewsfuseError as err:
        fail(str(err))


if __name__ == "__main__":  # pragma: no cover
    main()

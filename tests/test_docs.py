from __future__ import annotations

from pathlib import Path

from newsfuse.docgen import reference_markdown

ROOT = Path(__file__).parents[1]


def test_reference_doc_is_current() -> None:
    """Fails on an undocumented command, option, setting or stage: regenerate the file."""
    committed = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    assert committed == reference_markdown(), (
        "docs/reference.md is stale: run `python -m newsfuse.docgen > docs/reference.md`"
    )


def test_readme_opens_with_the_two_commands() -> None:
    head = (ROOT / "README.md").read_text(encoding="utf-8")[:1200]
    assert "make demo" in head and "make test" in head

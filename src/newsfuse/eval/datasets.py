"""Evaluation data: Multi-News-style JSONL and DUC-style cluster directories.

Both load into :class:`EvalStory` (raw document texts + reference summaries), so every
method, newsfuse and baselines alike, starts from the same raw text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from newsfuse.errors import InputError


@dataclass(frozen=True, slots=True)
class EvalStory:
    """One story: its raw documents and one or more human reference summaries."""

    id: str
    documents: tuple[str, ...]
    references: tuple[str, ...]


def load_jsonl(path: Path, limit: int | None = None) -> list[EvalStory]:
    """``{"id", "documents": [str], "summary": str}`` per line (Multi-News).

    ``documents`` may also be one string with ``|||||`` separators (the original release).
    """
    out: list[EvalStory] = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{lineno}", f"invalid JSON ({exc.msg})") from exc
            docs = rec.get("documents")
            if isinstance(docs, str):
                docs = docs.split("|||||")
            summary = rec.get("summary")
            if not isinstance(docs, list) or not isinstance(summary, str | list):
                raise InputError(f"{path}:{lineno}", "needs 'documents' and 'summary'")
            refs = (summary,) if isinstance(summary, str) else tuple(map(str, summary))
            texts = tuple(str(d) for d in docs if str(d).strip())
            out.append(EvalStory(str(rec.get("id", lineno)), texts, refs))
            if limit is not None and len(out) >= limit:
                break
    return out


def load_duc(root: Path, limit: int | None = None) -> list[EvalStory]:
    """``<cluster>/docs/*.txt`` and ``<cluster>/refs/*.txt``, clusters in name order.

    Documents are read in natural file order (``D2`` before ``D10``).
    """

    def natural(p: Path) -> tuple[str, int]:
        stem = p.stem.rstrip("0123456789")
        digits = p.stem[len(stem) :]
        return stem, int(digits) if digits else -1

    out: list[EvalStory] = []
    for cluster in sorted(p for p in root.iterdir() if p.is_dir()):
        docs = sorted((cluster / "docs").glob("*.txt"), key=natural)
        refs = sorted((cluster / "refs").glob("*.txt"))
        if not docs or not refs:
            continue
        out.append(
            EvalStory(
                cluster.name,
                tuple(d.read_text(encoding="utf-8", errors="replace") for d in docs),
                tuple(r.read_text(encoding="utf-8", errors="replace") for r in refs),
            )
        )
        if limit is not None and len(out) >= limit:
            break
    if not out:
        raise InputError(str(root), "no <cluster>/docs/*.txt with <cluster>/refs/*.txt found")
    return out


def load_dataset(path: Path, limit: int | None = None) -> list[EvalStory]:
    """A JSONL file or a DUC-style directory, by what ``path`` is."""
    if path.is_dir():
        return load_duc(path, limit)
    if path.is_file():
        return load_jsonl(path, limit)
    raise InputError(str(path), "no such file or directory")

"""Counts for the hand-labelled quote and timeline data (run: python tests/data/analysis/stats.py).

The README's figures are produced by this script, so they cannot drift from the files.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
QUOTES = HERE / "quotes.jsonl"
EVENTS = HERE / "events.jsonl"


def load(path: Path) -> list[dict[str, Any]]:
    """Read one JSON object per non-empty line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def source(ref: str) -> str:
    """'mn' or 'duc', from a doc ref such as 'duc:d30001t/D1.txt'."""
    return ref.split(":", 1)[0]


def stats() -> dict[str, Any]:
    """Summary counts over both label files."""
    qdocs, edocs = load(QUOTES), load(EVENTS)
    quotes = [(source(d["doc"]), q) for d in qdocs for q in d["quotes"]]
    events = [(source(d["doc"]), e) for d in edocs for e in d["events"]]
    return {
        "quote_articles": dict(Counter(source(d["doc"]) for d in qdocs)),
        "quote_stories": len(
            {
                d["doc"].rsplit(":", 1)[0] if d["doc"].startswith("mn:") else d["doc"].split("/")[0]
                for d in qdocs
            }
        ),
        "quotes_by_kind": dict(Counter(q["kind"] for _, q in quotes)),
        "direct_quotes_by_source": dict(Counter(s for s, q in quotes if q["kind"] == "direct")),
        "partial_quotes": sum(1 for _, q in quotes if q["partial"]),
        "grouped_quotes": sum(1 for _, q in quotes if "group" in q),
        "anonymous_quotes": sum(1 for _, q in quotes if q["anonymous"]),
        "null_speaker_quotes": sum(1 for _, q in quotes if q["speaker"] is None),
        "distinct_speakers": len({q["speaker"] for _, q in quotes}),
        "event_articles": dict(Counter(source(d["doc"]) for d in edocs)),
        "events_by_source": dict(Counter(s for s, _ in events)),
        "events_by_precision": dict(Counter(e["precision"] for _, e in events)),
    }


if __name__ == "__main__":
    print(json.dumps(stats(), indent=2, sort_keys=True))

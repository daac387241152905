from __future__ import annotations

import json
from pathlib import Path

import nupunkt
import pytest

from newsfuse.clean.sentences import split_spans

GOLD = [
    json.loads(line)["sentences"]
    for line in (Path(__file__).parents[1] / "data" / "sentences.jsonl").read_text().splitlines()
]


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in split_spans(text)]


def test_split_exact_match_on_labelled_news_sample_beats_raw_nupunkt() -> None:
    ours = sum(_split(" ".join(g)) == g for g in GOLD) / len(GOLD)
    raw = sum([s.strip() for s in nupunkt.sent_tokenize(" ".join(g))] == g for g in GOLD) / len(
        GOLD
    )
    assert ours >= 0.95 and ours > raw


@pytest.mark.parametrize(
    "gold",
    [
        ['"We are not done. We will keep fighting," she said.', "Aides declined to comment."],
        ["Lt. Gen. Ann Ray arrived.", "Capt. Bo Li left."],
        ["He said “It is over. Go home.”", "They went."],
        ["Talks stalled with Hun Sen.", "The king offered help."],
        ["It was backed by Sen. John McCain.", "He spoke first."],
        ["LIMA (Reuters) - U.S. Secretary Ann Ray arrived on Friday.", "She met officials."],
        ["The plan was backed by the U.S.", "The president agreed."],
    ],
)
def test_split_keeps_quotes_and_titles_together(gold: list[str]) -> None:
    assert _split(" ".join(gold)) == gold


def test_split_treats_line_break_as_boundary() -> None:
    assert _split("Breaking news\nThe mayor resigned.") == ["Breaking news", "The mayor resigned."]

"""The conflict test set: handwritten pairs plus contradictions planted in dev sentences.

Handwritten pairs live in ``tests/data/analysis/conflicts.jsonl`` (``{"id", "a", "b",
"conflict": bool, "kind"}``). The planted part is generated at run time from Multi-News
dev sentences (the dev text is never copied into the repo): for a sentence with a counted
number or a date, a *conflict* pair changes the value ("12 officers" -> "15 officers",
"Tuesday" -> "Friday"), a *paraphrase* pair only rewrites its form ("3" -> "three",
"1,500" -> "1500", "U.S." -> "United States", "said" -> "told reporters"). Each pair is a
two-article story; a pair counts as flagged when ``ConflictFinder`` reports any conflict.
"""

from __future__ import annotations

import json
import random
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from newsfuse.analyze.conflicts import ConflictFinder
from newsfuse.analyze.dates import find_dates
from newsfuse.analyze.grammar import WEEKDAYS
from newsfuse.analyze.values import numbers
from newsfuse.clean import SentenceSplitter
from newsfuse.clean.sentences import split_spans
from newsfuse.model import Article, Briefing, Story

ANCHOR = date(2018, 7, 20)
_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def _planted(data: Path, n: int = 40, seed: int = 0) -> list[dict[str, Any]]:
    path = data / "multinews-dev.jsonl"
    if not path.exists():
        return []
    sents: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            for doc in json.loads(line)["documents"]:
                for a, b in split_spans(doc):
                    s = doc[a:b]
                    if 10 <= len(s.split()) <= 40 and '"' not in s and "“" not in s:
                        sents.append(s)
    rng = random.Random(seed)
    rng.shuffle(sents)
    out: list[dict[str, Any]] = []
    n_num = n_date = 0
    for s in sents:
        if n_num >= n // 2 and n_date >= n // 2:
            break
        dates = find_dates(s, ANCHOR)
        nums = numbers(s, [(d.start, d.end) for d in dates])
        if nums and n_num < n // 2:
            x = nums[0]
            new = int(x.value + max(1, round(x.value * 0.25))) if x.value < 1e6 else x.value * 2
            body = re.sub(r"^[\w,.]+", f"{new:g}", s[x.start : x.end])
            changed = s[: x.start] + body + s[x.end :]
            out.append({"id": f"dev-num-{n_num}", "a": s, "b": changed, "conflict": True})
            out.append({"id": f"dev-num-{n_num}p", "a": s, "b": _rephrase(s, x.start, x.end)})
            n_num += 1
        elif dates and n_date < n // 2 and dates[0].precision == "day":
            d = dates[0]
            # Only a bare weekday: changing "Tuesday, Oct. 27" would contradict itself.
            bare = re.fullmatch(r"(?:on\s+)?\w+day", d.expression, re.I)
            wd = next((w for w in WEEKDAYS if w in d.expression.lower()), None) if bare else None
            if wd is None:
                continue
            other = WEEKDAYS[(WEEKDAYS.index(wd) + 3) % 7].capitalize()
            expr = re.sub(wd, other, d.expression, flags=re.I)
            changed = s[: d.start] + expr + s[d.end :]
            out.append({"id": f"dev-date-{n_date}", "a": s, "b": changed, "conflict": True})
            out.append({"id": f"dev-date-{n_date}p", "a": s, "b": _rephrase(s, -1, -1)})
            n_date += 1
    for item in out:
        item.setdefault("conflict", False)
        item["source"] = "planted"
    return out


def _rephrase(s: str, a: int, b: int) -> str:
    """Same content, other form: number spelling, country name, speech verb."""
    if a >= 0:
        num = s[a:b]
        if num.isdigit() and int(num) < 10:
            s = s[:a] + _SMALL[int(num)] + s[b:]
        elif num.lower() in _SMALL:
            s = s[:a] + str(_SMALL.index(num.lower())) + s[b:]
        elif re.fullmatch(r"\d{1,3}(,\d{3})+", num):
            s = s[:a] + num.replace(",", "") + s[b:]
    s = s.replace("U.S.", "United States").replace(" said ", " told reporters ", 1)
    return s


def _flagged(finder: ConflictFinder, a: str, b: str) -> bool:
    split = SentenceSplitter()
    pub = datetime(ANCHOR.year, ANCHOR.month, ANCHOR.day)
    arts = [split(Article.new(t, id=f"x{i}", published=pub)) for i, t in enumerate((a, b))]
    return bool(finder(Briefing(story=Story.of(arts), title="")).conflicts)


def evaluate_conflicts(path: Path, data: Path) -> dict[str, dict[str, Any]]:
    """Precision and recall of conflict flagging, for handwritten, planted and all pairs."""
    hand = [
        {**json.loads(x), "source": "handwritten"}
        for x in path.read_text(encoding="utf-8").splitlines()
        if x.strip()
    ]
    items = hand + _planted(data)
    finder = ConflictFinder()
    out: dict[str, dict[str, Any]] = {}
    results = [(it, _flagged(finder, it["a"], it["b"])) for it in items]
    for part in ("handwritten", "planted", "all"):
        sel = [(it, f) for it, f in results if part == "all" or it["source"] == part]
        if not sel:
            continue
        tp = sum(1 for it, f in sel if f and it["conflict"])
        fp = sum(1 for it, f in sel if f and not it["conflict"])
        pos = sum(1 for it, _ in sel if it["conflict"])
        out[part] = {
            "precision": tp / (tp + fp) if tp + fp else 0.0,
            "recall": tp / pos if pos else 0.0,
            "pairs": len(sel),
            "positives": pos,
            "missed": [it["id"] for it, f in sel if it["conflict"] and not f],
            "false_alarms": [it["id"] for it, f in sel if f and not it["conflict"]],
        }
    return out

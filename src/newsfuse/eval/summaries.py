"""Run newsfuse and baselines over an evaluation set; ROUGE and seconds per story.

newsfuse is timed on its real path from raw text (the same one ``summarize-batch`` takes):
read each document, clean, split, summarize. Baselines are timed on the raw documents.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsfuse.eval.baselines import run_baseline
from newsfuse.eval.datasets import EvalStory
from newsfuse.eval.rouge import Rouge, RougeScores, mean_scores
from newsfuse.model import Story
from newsfuse.summarize import Summarizer


@dataclass
class MethodResult:
    """One method's mean ROUGE over the stories and its mean seconds per story."""

    name: str
    scores: RougeScores
    seconds_per_story: float
    per_story: list[RougeScores] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "method": self.name,
            **self.scores.to_dict(),
            "seconds_per_story": self.seconds_per_story,
        }


def newsfuse_method(
    words: int, summarizer: Summarizer | None = None
) -> Callable[[Sequence[str]], list[str]]:
    """newsfuse's full path from raw documents to summary sentences."""
    from newsfuse.api import prepare
    from newsfuse.batch import story_articles

    summ = summarizer or Summarizer(words=words)

    def run(documents: Sequence[str]) -> list[str]:
        prepared = prepare(story_articles({"documents": list(documents)}, "eval"))
        if not prepared.articles:
            return []
        return [s.text for s in summ(Story.of(prepared.articles)).summary]

    return run


def _baseline_method(name: str, words: int) -> Callable[[Sequence[str]], list[str]]:
    def run(documents: Sequence[str]) -> list[str]:
        return run_baseline(name, documents, words)

    return run


def evaluate(
    name: str,
    method: Callable[[Sequence[str]], list[str]],
    stories: Sequence[EvalStory],
    rouge: Rouge | None = None,
) -> MethodResult:
    """Score ``method`` on ``stories``; only the method's own work is timed."""
    rouge = rouge or Rouge()
    per: list[RougeScores] = []
    spent = 0.0
    for st in stories:
        t0 = time.perf_counter()
        sents = method(st.documents)
        spent += time.perf_counter() - t0
        per.append(rouge.score("\n".join(sents), st.references))
    return MethodResult(name, mean_scores(per), spent / max(len(stories), 1), per)


def evaluate_all(
    stories: Sequence[EvalStory],
    words: int,
    baselines: Sequence[str] = (),
    summarizer: Summarizer | None = None,
) -> list[MethodResult]:
    """newsfuse first, then each baseline, all on the same stories and budget."""
    rouge = Rouge()
    results = [evaluate("newsfuse", newsfuse_method(words, summarizer), stories, rouge)]
    for b in baselines:
        results.append(evaluate(b, _baseline_method(b, words), stories, rouge))
    return results

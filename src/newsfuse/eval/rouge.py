"""ROUGE as the summarization literature reports it: rouge-score with Porter stemming.

ROUGE-Lsum treats newlines as sentence boundaries, so summaries and references are passed
one sentence per line (we split with the project's sentence splitter when a text has no
newlines). With several references (DUC has four) every figure is the mean over references,
which is how DUC-2004 results are usually given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")


@dataclass(frozen=True, slots=True)
class RougeScores:
    """F1 and recall (in percent) per ROUGE type."""

    f1: dict[str, float] = field(default_factory=dict)
    recall: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, dict[str, float]]:
        return {"f1": dict(self.f1), "recall": dict(self.recall)}


def sentence_lines(text: str) -> str:
    """``text`` with one sentence per line (kept as is if it already has line breaks)."""
    if "\n" in text.strip():
        return "\n".join(x.strip() for x in text.splitlines() if x.strip())
    from newsfuse.clean.sentences import split_spans

    return "\n".join(text[a:b] for a, b in split_spans(text))


class Rouge:
    """A reusable scorer (building one costs a little; score many pairs with one).

    Examples
    --------
    >>> s = Rouge().score("The cats sat on the mat.", ["A cat sat on a mat."])
    >>> round(s.recall["rouge1"], 1), s.f1["rouge2"] > 0
    (66.7, True)
    """

    def __init__(self, types: Sequence[str] = ROUGE_TYPES, *, stem: bool = True) -> None:
        from rouge_score import rouge_scorer

        self.types = tuple(types)
        self._scorer = rouge_scorer.RougeScorer(list(self.types), use_stemmer=stem)

    def score(self, summary: str, references: Sequence[str]) -> RougeScores:
        """Mean over ``references`` of F1 and recall, in percent."""
        if not references:
            raise ValueError("at least one reference is needed")
        pred = sentence_lines(summary)
        f1 = dict.fromkeys(self.types, 0.0)
        rec = dict.fromkeys(self.types, 0.0)
        for ref in references:
            res = self._scorer.score(sentence_lines(ref), pred)
            for t in self.types:
                f1[t] += 100.0 * res[t].fmeasure / len(references)
                rec[t] += 100.0 * res[t].recall / len(references)
        return RougeScores(f1=f1, recall=rec)


def mean_scores(scores: Sequence[RougeScores]) -> RougeScores:
    """Macro average over stories (each story counts once)."""
    if not scores:
        return RougeScores()
    types = list(scores[0].f1)
    n = len(scores)
    return RougeScores(
        f1={t: sum(s.f1[t] for s in scores) / n for t in types},
        recall={t: sum(s.recall[t] for s in scores) / n for t in types},
    )

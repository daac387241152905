"""Reference points for summaries, each under the same word budget as newsfuse.

All baselines read the raw documents, concatenated in order (as the literature runs them):

- ``lead``: the first ``words`` words of the concatenation (cut mid-sentence if need be).
- ``roundrobin``: first sentence of each document in turn, then the second, ... (whole
  sentences; one that does not fit is skipped).
- ``lexrank`` / ``textrank``: sumy's implementations, sentences taken best-rated first while
  they fit, then put back in document order.

sumy's stock tokenizer needs NLTK data (unavailable offline), so we hand it our own
sentence splitter and a word regex; its stemmer and stop words ship with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from newsfuse.clean.sentences import split_spans

BASELINES = ("lead", "roundrobin", "lexrank", "textrank")
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def n_words(text: str) -> int:
    return len(text.split())


def sentences_of(text: str) -> list[str]:
    return [text[a:b] for a, b in split_spans(text)]


class SumyTokenizer:
    """What sumy's parser calls: ``to_sentences`` and ``to_words``, offline."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(sentences_of(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


def lead(documents: Sequence[str], words: int) -> list[str]:
    """The first ``words`` words of the concatenated documents."""
    toks = " ".join(d.strip() for d in documents).split()[:words]
    return [" ".join(toks)] if toks else []


def round_robin(documents: Sequence[str], words: int) -> list[str]:
    """Lead sentences of every document in turn, whole sentences within ``words``."""
    per_doc = [sentences_of(d) for d in documents]
    out: list[str] = []
    used = 0
    depth = max((len(s) for s in per_doc), default=0)
    for k in range(depth):
        for sents in per_doc:
            if k < len(sents) and used + n_words(sents[k]) <= words:
                out.append(sents[k])
                used += n_words(sents[k])
    return out


def _budget_count(words: int) -> Callable[[list[Any]], list[Any]]:
    """A sumy ``sentences_count`` callable: best-rated sentences while they fit."""

    def take(infos: list[Any]) -> list[Any]:
        chosen, used = [], 0
        for info in infos:
            w = n_words(str(info.sentence))
            if used + w <= words:
                chosen.append(info)
                used += w
        return chosen

    return take


def sumy_summary(documents: Sequence[str], words: int, method: str) -> list[str]:
    """sumy LexRank or TextRank over the concatenated documents."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    text = "\n\n".join(d.strip() for d in documents)
    doc = PlaintextParser.from_string(text, SumyTokenizer()).document
    cls = LexRankSummarizer if method == "lexrank" else TextRankSummarizer
    summarizer = cls(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return [str(s) for s in summarizer(doc, _budget_count(words))]


def run_baseline(name: str, documents: Sequence[str], words: int) -> list[str]:
    """The sentences of baseline ``name``'s summary (see :data:`BASELINES`).

    Examples
    --------
    >>> docs = ["One two three. Four five six.", "Seven eight nine. Ten."]
    >>> run_baseline("roundrobin", docs, 6)
    ['One two three.', 'Seven eight nine.']
    >>> run_baseline("lead", docs, 4)
    ['One two three. Four']
    """
    if name == "lead":
        return lead(documents, words)
    if name == "roundrobin":
        return round_robin(documents, words)
    if name in ("lexrank", "textrank"):
        return sumy_summary(documents, words, name)
    raise ValueError(f"unknown baseline {name!r}; choose from {', '.join(BASELINES)}")

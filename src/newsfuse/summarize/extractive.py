"""Extractive multi-document summarization: covering, lead-aware, attributed.

Pipeline per story: features (tokens, concepts, TF-IDF; :mod:`.features`), eligibility
(whole sentences of reasonable length, not questions), greedy
budgeted concept coverage with a lead prior (:mod:`.selection`), reading order
(:mod:`.ordering`) and attribution of each sentence to every article reporting the same
content (:mod:`.attribution`). All lexical, so a story takes milliseconds.
"""

from __future__ import annotations

import re
from typing import ClassVar

import numpy as np
from numpy.typing import NDArray

from newsfuse import settings
from newsfuse.base import Constraint, InstanceOf, Interval, Stage, register
from newsfuse.model import Briefing, Sentence, Story, SummarySentence
from newsfuse.summarize.attribution import supporting_articles
from newsfuse.summarize.features import build_features
from newsfuse.summarize.ordering import reading_order
from newsfuse.summarize.selection import SelectionParams, select

_QUESTION = re.compile(r"\?[\"'”’)]*$")
_LETTER = re.compile(r"[a-z]")
# A whole sentence opens with a capital, digit or quote and closes with . ! ? (or a quote
# or bracket after them); lines like "donate now (you can adjust ...)" are page debris.
_OPENS = re.compile(r"^[\"'“‘`(\[_\s]*[A-Z0-9]")
_CLOSES = re.compile(r"[.!?…][\s\"'”’)\]]*$")


def opens_unclosed_quote(text: str) -> bool:
    """Whether ``text`` opens a quotation it does not close (a multi-sentence quote's part).

    Such a sentence ("``I think Hun Sen has got everything.") is only a piece of what
    someone said and reads as a fragment out of context. Curly and TeX-style quotes are
    counted by side; straight double quotes by parity.

    Examples
    --------
    >>> [opens_unclosed_quote(t) for t in ('“We won,” she said.', '“We won.', 'He said "no.')]
    [False, True, True]
    """
    if '"' not in text and "“" not in text and "`" not in text:
        return False
    opening = text.count("``") + text.count("“")
    closing = text.count("''") + text.count("”")
    return opening > closing or text.count('"') % 2 == 1


# Page furniture that survives cleaning inside article text: photo captions and credits
# ("FILE - In this 2014 file photo ...", "Hide Caption 5 of 23 Photos: ...", "(Photo: ...)",
# "... / Reuters file"), wholly parenthetical asides ("(See the full-body ...)", "(This
# story has been updated ...)") and teasers cut off with an ellipsis. Cheap substring
# tests guard the regexes: this runs on every sentence of every story.
_CAPTION_START = re.compile(r"FILE\b\s*(?:PHOTO)?\s*[-–—:]|Buy Photo\b|Hide Caption\b")
_PHOTO = re.compile(r"\b\d+ of \d+ Photos?:|\((?:AP )?Photos?(?: by)?:|\bPhoto:\s")
_CREDIT = re.compile(r"/ (?:Reuters|AP|Getty|AFP)\b")


def is_page_furniture(text: str) -> bool:
    """Whether ``text`` is a caption, photo credit, parenthetical note or cut-off teaser.

    Examples
    --------
    >>> [is_page_furniture(t) for t in (
    ...     "FILE - In this 2014 file photo, the mayor speaks.",
    ...     "(Reporting by Jane Doe; Editing by John Roe)",
    ...     "The difference is that Mr. Trump has...",
    ...     "The mayor spoke. (Photo: Jane Doe, AP)",
    ...     "The mayor (a Democrat) spoke on Monday.")]
    [True, True, True, True, False]
    """
    if text.startswith(("FILE", "Buy Photo", "Hide Caption")) and _CAPTION_START.match(text):
        return True
    if (text.startswith("(") and text.endswith(")")) or text.endswith("…"):
        return True
    if text.endswith("...") and not text.endswith("...."):
        return True
    return ("Photo" in text and _PHOTO.search(text) is not None) or (
        " / " in text and _CREDIT.search(text) is not None
    )


@register("summarize")
class Summarizer(Stage[Story, Briefing]):
    """Summarize a story into a :class:`Briefing` of attributed sentences.

    Parameters
    ----------
    words : int or None
        Word budget (whitespace tokens); the summary never exceeds it. ``None`` takes the
        setting.
    position_weight : float
        Strength of the lead prior: a sentence's gain is multiplied by
        ``1 + position_weight / n_articles / (1 + index) ** position_power``. Dividing by
        the number of articles lets cross-article agreement dominate in big stories.
    position_power : float
        How fast the lead prior decays with the sentence's index in its article.
    length_power : float
        Cost scaling: gain is divided by ``words ** length_power`` (1 = gain per word).
    unigram_weight : float
        Weight of content-word concepts relative to bigram concepts.
    df_power : float
        A concept shared by ``df`` articles weighs ``df ** df_power``.
    max_similarity : float
        A sentence this TF-IDF-similar to a chosen one is never added: by default the
        attribution threshold, so no two summary sentences report the same content.
    min_sentence_words, max_sentence_words : int
        Sentences outside this length range are not selected.
    skip_questions : bool
        Do not select questions: they rarely carry the facts and read badly out of
        context. (Quotes are kept: on the dev data, sentences opening with a quotation
        overlap the human summaries as much as others or more.)
    support_threshold : float
        TF-IDF cosine at which another article's sentence counts as reporting the same
        content (measured on dev paraphrase pairs; docs/evaluation.md).

    Examples
    --------
    >>> from newsfuse.clean import SentenceSplitter
    >>> from newsfuse.model import Article
    >>> arts = [SentenceSplitter()(Article.new(t)) for t in (
    ...     "The council approved the new budget on Monday after a long debate. "
    ...     "Critics said the plan cuts school funding.",
    ...     "On Monday the council approved the new budget. The mayor welcomed the vote.")]
    >>> b = Summarizer(words=12)(Story.of(arts))
    >>> len(b.summary_text.split()) <= 12, len(b.summary[0].sources)
    (True, 2)
    """

    requires = ("article.sentences",)
    assigns = ("briefing.summary",)
    _constraints: ClassVar[dict[str, list[Constraint]]] = {
        "words": [Interval(1, 100_000, integer=True)],
        "position_weight": [Interval(0.0, 100.0)],
        "position_power": [Interval(0.0, 10.0)],
        "length_power": [Interval(0.0, 2.0)],
        "unigram_weight": [Interval(0.0, 10.0)],
        "df_power": [Interval(0.0, 5.0)],
        "max_similarity": [Interval(0.0, 1.0)],
        "min_sentence_words": [Interval(1, 200, integer=True)],
        "max_sentence_words": [Interval(1, 1000, integer=True)],
        "skip_questions": [InstanceOf((bool,))],
        "support_threshold": [Interval(0.0, 1.0)],
    }

    def __init__(
        self,
        *,
        words: int | None = None,
        position_weight: float = 10.0,
        position_power: float = 1.0,
        length_power: float = 1.0,
        unigram_weight: float = 0.5,
        df_power: float = 2.0,
        max_similarity: float = 0.3,
        min_sentence_words: int = 6,
        max_sentence_words: int = 60,
        skip_questions: bool = True,
        support_threshold: float = 0.3,
    ) -> None:
        self.words = int(settings.get("summary_words")) if words is None else words
        self.position_weight = position_weight
        self.position_power = position_power
        self.length_power = length_power
        self.unigram_weight = unigram_weight
        self.df_power = df_power
        self.max_similarity = max_similarity
        self.min_sentence_words = min_sentence_words
        self.max_sentence_words = max_sentence_words
        self.skip_questions = skip_questions
        self.support_threshold = support_threshold
        super().__init__()

    def eligible(self, sents: list[Sentence], lengths: NDArray[np.int64]) -> NDArray[np.bool_]:
        """Which sentences may be selected.

        Whole sentences in the length range, no questions if asked, no piece of a
        quotation that runs over several sentences and no page furniture (photo captions
        and credits, parenthetical asides, teasers cut off with an ellipsis).
        """
        ok = (lengths >= self.min_sentence_words) & (lengths <= self.max_sentence_words)
        for i, s in enumerate(sents):
            if (
                (
                    not _LETTER.search(s.text)
                    or not _OPENS.match(s.text)
                    or not _CLOSES.search(s.text)
                )
                or (self.skip_questions and _QUESTION.search(s.text))
                or opens_unclosed_quote(s.text)
                or is_page_furniture(s.text)
            ):
                ok[i] = False
        return np.asarray(ok, dtype=bool)

    def __call__(self, story: Story) -> Briefing:
        sents: list[Sentence] = [s for a in story.articles for s in a.sentences]
        title = story.title or next((a.title for a in story.articles if a.title), None) or ""
        if not sents:
            return Briefing(story=story, title=title)
        rank = {a.id: r for r, a in enumerate(story.articles)}
        n_in_article = {a.id: len(a.sentences) for a in story.articles}
        # Copies of one report (Story.duplicates, from dedup) count once as evidence.
        group = {
            a.id: rank.get(story.duplicates.get(a.id, a.id), rank[a.id]) for a in story.articles
        }
        feats = build_features([s.text for s in sents], [group[s.article_id] for s in sents])
        prior = 1.0 / (1.0 + np.array([s.index for s in sents], dtype=np.float64)) ** (
            self.position_power
        )
        params = SelectionParams(
            df_power=self.df_power,
            unigram_weight=self.unigram_weight,
            position_weight=self.position_weight,
            length_power=self.length_power,
            max_similarity=self.max_similarity,
        )
        chosen = select(
            feats,
            self.eligible(sents, feats.lengths),
            prior,
            len(set(group.values())),
            self.words,
            params,
        )
        order = reading_order(chosen, sents, rank, n_in_article)
        art_of = [s.article_id for s in sents]
        summary = tuple(
            SummarySentence(
                text=sents[i].text,
                sources=supporting_articles(
                    feats.similarity[i], art_of, sents[i].article_id, self.support_threshold
                ),
                article_id=sents[i].article_id,
                sentence_index=sents[i].index,
            )
            for i in order
        )
        return Briefing(story=story, title=title, summary=summary)

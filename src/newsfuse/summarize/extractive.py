"""Extractive multi-document summarization: central, non-redundant, attributed.

Scores each sentence by its similarity to the story's centroid (content shared across
articles), with a lead-position prior and a length prior, then selects greedily with
maximal marginal relevance under a word budget, and orders the result to read well
(by position in its article, earlier first) rather than by score.
"""

from __future__ import annotations

from typing import ClassVar

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from newsfuse import settings
from newsfuse.base import Constraint, Interval, Stage, register
from newsfuse.model import Briefing, Sentence, Story, SummarySentence
from newsfuse.summarize.attribution import supporting_articles


@register("summarize")
class Summarizer(Stage[Story, Briefing]):
    """Summarize a story into a :class:`Briefing` of attributed sentences.

    Parameters
    ----------
    words : int or None
        Word budget; the summary never exceeds it. ``None`` takes the setting.
    redundancy : float
        MMR trade-off: weight of the similarity to sentences already chosen.
    position_weight : float
        Strength of the prior for sentences early in their article.
    min_sentence_words, max_sentence_words : int
        Sentences outside this length range are not selected.
    support_threshold : float
        Cosine at which another article's sentence counts as reporting the same content.

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
        "redundancy": [Interval(0.0, 1.0)],
        "position_weight": [Interval(0.0, 10.0)],
        "min_sentence_words": [Interval(1, 200, integer=True)],
        "max_sentence_words": [Interval(1, 1000, integer=True)],
        "support_threshold": [Interval(0.0, 1.0)],
    }

    def __init__(
        self,
        *,
        words: int | None = None,
        redundancy: float = 0.5,
        position_weight: float = 0.5,
        min_sentence_words: int = 6,
        max_sentence_words: int = 60,
        support_threshold: float = 0.35,
    ) -> None:
        self.words = int(settings.get("summary_words")) if words is None else words
        self.redundancy = redundancy
        self.position_weight = position_weight
        self.min_sentence_words = min_sentence_words
        self.max_sentence_words = max_sentence_words
        self.support_threshold = support_threshold
        super().__init__()

    def __call__(self, story: Story) -> Briefing:
        sents: list[Sentence] = [s for a in story.articles for s in a.sentences]
        title = story.title or next((a.title for a in story.articles if a.title), None) or ""
        if not sents:
            return Briefing(story=story, title=title)
        n_in_article = {a.id: max(len(a.sentences), 1) for a in story.articles}
        vec = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1)
        try:
            x = vec.fit_transform([s.text for s in sents])
        except ValueError:  # only stop words
            return Briefing(story=story, title=title)
        sim = (x @ x.T).toarray()
        centroid = np.asarray(x.mean(axis=0)).ravel()
        norm = np.linalg.norm(centroid) or 1.0
        central = np.asarray(x @ (centroid / norm)).ravel()
        lengths = np.array([len(s.text.split()) for s in sents])
        pos = np.array([s.index / n_in_article[s.article_id] for s in sents])
        score = central * (1.0 + self.position_weight * (1.0 - pos))
        ok = (lengths >= self.min_sentence_words) & (lengths <= self.max_sentence_words)
        chosen: list[int] = []
        used = 0
        candidates = set(np.flatnonzero(ok).tolist())
        while candidates:
            best, best_val = -1, -np.inf
            for i in candidates:
                red = max((sim[i, j] for j in chosen), default=0.0)
                val = (1 - self.redundancy) * score[i] - self.redundancy * red
                if val > best_val or (val == best_val and i < best):
                    best, best_val = i, val
            candidates.discard(best)
            if used + lengths[best] <= self.words:
                chosen.append(best)
                used += int(lengths[best])
        order = sorted(chosen, key=lambda i: (pos[i], i))
        art_of = [s.article_id for s in sents]
        summary = tuple(
            SummarySentence(
                text=sents[i].text,
                sources=supporting_articles(
                    sim[i], art_of, sents[i].article_id, self.support_threshold
                ),
                article_id=sents[i].article_id,
                sentence_index=sents[i].index,
            )
            for i in order
        )
        return Briefing(story=story, title=title, summary=summary)

"""Greedy budgeted concept coverage with a lead prior (Gillick & Favre, Lin & Bilmes).

The summary should cover the facts many articles share. A concept (content word or word
bigram) is worth more the more articles mention it; a sentence's gain is the weight of the
concepts it adds that the summary does not cover yet, so redundancy is penalized for free.
Greedy selection by gain per word (cost-scaled, ``gain / words**length_power``) is the
classic near-optimal algorithm for this budgeted submodular objective; a lead prior
multiplies the gain because news puts the key facts first. Selection goes on while any
sentence still fits, which fills the budget with whole sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from newsfuse.summarize.features import SentenceFeatures


@dataclass(frozen=True, slots=True)
class SelectionParams:
    """Knobs of the objective (defaults measured on the dev data, docs/evaluation.md)."""

    df_power: float = 2.0
    unigram_weight: float = 0.5
    min_df: int = 2
    single_weight: float = 0.1
    position_weight: float = 10.0
    article_power: float = 1.0
    length_power: float = 1.0
    max_similarity: float = 0.3


def concept_weights(
    feats: SentenceFeatures, prior: NDArray[np.float64], n_articles: int, p: SelectionParams
) -> NDArray[np.float64]:
    """Weight of each concept, higher when shared by more articles and near their leads.

    A bigram shared by ``min_df`` articles weighs ``df**df_power * (1 + lead)``, where
    ``lead`` sums the lead prior of the sentences containing it; a content word weighs
    ``unigram_weight * freq * (1 + lead)`` if it occurs twice. Rare concepts keep a small
    weight so the budget still fills by position once shared content is covered.
    """
    df = feats.concept_df
    freq = np.asarray(feats.concepts.sum(axis=0)).ravel()
    lead = 1.0 + np.asarray(feats.concepts.T @ prior).ravel()
    shared = df >= min(p.min_df, max(n_articles, 1))
    if n_articles <= 1:
        shared = freq >= 2
        df = freq
    wb = np.where(shared, df**p.df_power * lead, p.single_weight * freq)
    wu = np.where(freq >= 2, freq * lead, p.single_weight)
    return np.asarray(np.where(feats.concept_is_bigram, wb, p.unigram_weight * wu), np.float64)


def select(
    feats: SentenceFeatures,
    eligible: NDArray[np.bool_],
    prior: NDArray[np.float64],
    n_articles: int,
    budget: int,
    p: SelectionParams,
) -> list[int]:
    """Indices of the chosen sentences (in selection order), total words <= ``budget``."""
    weights = concept_weights(feats, prior, n_articles, p)
    conc = feats.concepts
    lengths = feats.lengths.astype(np.float64)
    # The lead prior matters less the more articles there are: with many articles,
    # how many of them repeat a fact is strong evidence of its importance on its own.
    boost = 1.0 + p.position_weight / max(n_articles, 1) ** p.article_power * prior
    cost = np.maximum(lengths, 1.0) ** p.length_power
    open_ = eligible & (feats.lengths <= budget)
    chosen: list[int] = []
    left = budget
    sim_max = np.zeros(len(lengths))
    while open_.any():
        # A tiny floor keeps filling the budget (by lead prior) once concepts run out.
        gain = conc @ weights + 1e-9
        val = np.where(open_, gain * boost / cost, -np.inf)
        best = int(np.argmax(val))
        if not np.isfinite(val[best]):
            break
        chosen.append(best)
        left -= int(feats.lengths[best])
        weights[conc.indices[conc.indptr[best] : conc.indptr[best + 1]]] = 0.0
        sim_max = np.maximum(sim_max, feats.similarity[best])
        open_ &= (feats.lengths <= left) & (sim_max < p.max_similarity)
        open_[best] = False
    return chosen

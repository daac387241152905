"""Generated news-like corpora for tests: stories with their own names and words."""

from __future__ import annotations

import random

from newsfuse.model import Article

_COMMON = [
    "officials",
    "said",
    "on",
    "the",
    "day",
    "after",
    "a",
    "report",
    "that",
    "people",
    "were",
    "in",
    "the",
    "city",
    "and",
    "the",
    "government",
    "would",
    "take",
    "new",
    "steps",
    "while",
    "police",
    "and",
    "residents",
    "spoke",
    "about",
    "the",
    "plan",
    "which",
    "many",
    "called",
    "important",
    "for",
    "the",
    "region",
    "as",
    "talks",
    "continued",
    "through",
    "the",
    "week",
]
_SYL = ["ka", "lo", "mi", "ran", "tes", "vo", "zu", "pel", "dor", "quin", "sha", "bri", "nok"]


def pseudo_word(rnd: random.Random, n: int = 3) -> str:
    return "".join(rnd.choice(_SYL) for _ in range(n))


def story_articles(
    n_stories: int, sizes: tuple[int, int] = (2, 6), seed: int = 0, words: int = 160
) -> tuple[list[Article], list[str]]:
    """Articles and their gold story ids: each story has its own names and topic words."""
    rnd = random.Random(seed)
    common = _COMMON + [pseudo_word(random.Random(i), 2) + "s" for i in range(400)]
    zipf = [1.0 / (r + 1) for r in range(len(common))]
    arts: list[Article] = []
    gold: list[str] = []
    for s in range(n_stories):
        names = [pseudo_word(rnd).capitalize() for _ in range(6)]
        topic = [pseudo_word(rnd, 2) for _ in range(25)]
        for a in range(rnd.randint(*sizes)):
            sents = []
            for _ in range(words // 16):
                toks = [
                    rnd.choice(names)
                    if r < 0.15
                    else rnd.choice(topic)
                    if r < 0.45
                    else rnd.choices(common, zipf)[0]
                    for r in (rnd.random() for _ in range(16))
                ]
                sents.append(" ".join(toks).capitalize() + ".")
            arts.append(Article.new(" ".join(sents), id=f"s{s}-a{a}"))
            gold.append(f"s{s}")
    order = list(range(len(arts)))
    rnd.shuffle(order)
    return [arts[i] for i in order], [gold[i] for i in order]


def syndicated_copy(text: str, rnd: random.Random, rate: float) -> str:
    """A syndicated copy: new header/footer, paragraphs reordered, ``rate`` of words edited."""
    paras = [p for p in text.split("\n") if p.strip()]
    if len(paras) > 2:
        rnd.shuffle(paras)
    out = []
    for p in paras:
        ws = p.split()
        for i in range(len(ws)):
            r = rnd.random()
            if r < rate / 3:
                ws[i] = rnd.choice(["the", "new", "local", "reported", "also"])
            elif r < 2 * rate / 3:
                ws[i] = ""
            elif r < rate:
                ws[i] += " " + rnd.choice(["reportedly", "today", "again"])
        out.append(" ".join(w for w in ws if w))
    head = rnd.choice(["By Staff Writer, Daily Example", "From our wire desk", "Special report"])
    foot = rnd.choice(["Copyright 2024 Example Media.", "Follow us for more news.", "(AP)"])
    return head + "\n" + "\n".join(out) + "\n" + foot

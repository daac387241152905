"""Cost of the analysis sections per story, next to summarization alone.

Run: ``python -m bench`` (all benches) or ``python -c "import bench.analyze as b; b.run()"``.
Uses the first ``N`` Multi-News dev stories (``../shared/data/multinews-dev.jsonl``),
prepared once (cleaning is not timed). spaCy is loaded before timing (a one-off ~0.5 s).
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from newsfuse.analyze import SECTIONS, Analyzer
from newsfuse.api import prepare
from newsfuse.model import Article, Story
from newsfuse.summarize import Summarizer

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "multinews-dev.jsonl"
N = 20


def _stories(n: int) -> list[Story]:
    out = []
    with DATA.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            arts = [Article.new(t, id=f"{d['id']}:{i}") for i, t in enumerate(d["documents"])]
            prepared = prepare(arts).articles
            if prepared:
                out.append(Story.of(prepared))
            if len(out) == n:
                break
    return out


def _ms(fn: object, *args: object) -> float:
    t = time.perf_counter()
    fn(*args)  # type: ignore[operator]
    return (time.perf_counter() - t) * 1000


def run() -> None:
    if not DATA.exists():
        print(f"bench.analyze: skipped, {DATA} not present")
        return
    stories = _stories(N)
    summarize = Summarizer()
    analyzer = Analyzer()
    t0 = time.perf_counter()
    analyzer._nlp._load()
    load_ms = (time.perf_counter() - t0) * 1000
    per: dict[str, list[float]] = {"summary": [], "ner (spaCy)": []}
    per.update({s: [] for s in SECTIONS})
    per["all analysis"] = []
    for story in stories:
        per["summary"].append(_ms(summarize, story))
        briefing = summarize(story)
        analyzer._nlp._cache.clear()  # each story pays for its own NER
        per["all analysis"].append(_ms(analyzer, briefing))
        analyzer._nlp._cache.clear()
        texts = [a.text for a in story.articles]
        per["ner (spaCy)"].append(_ms(analyzer._nlp.entities, texts))
        for s in SECTIONS:  # NER cached: the rule-based work of each section
            per[s].append(_ms(analyzer._stage(s), briefing))
    words = statistics.mean(sum(a.word_count for a in st.articles) for st in stories)
    arts = statistics.mean(len(st.articles) for st in stories)
    print(
        f"bench.analyze: {len(stories)} Multi-News dev stories, "
        f"{arts:.1f} articles / {words:.0f} words per story; spaCy load {load_ms:.0f} ms once"
    )
    print(f"{'step':<14} {'mean ms/story':>14} {'median':>8} {'max':>8}")
    for name, vals in per.items():
        print(
            f"{name:<14} {statistics.mean(vals):>14.1f} {statistics.median(vals):>8.1f} "
            f"{max(vals):>8.1f}"
        )
    added = statistics.mean(per["all analysis"])
    base = statistics.mean(per["summary"])
    print(
        f"analysis adds {added:.0f} ms per story to summarization's {base:.0f} ms "
        f"({added / base:.1f}x); {statistics.mean(per['ner (spaCy)']) / added:.0%} of it is NER"
    )


if __name__ == "__main__":
    run()

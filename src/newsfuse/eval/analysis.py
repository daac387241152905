"""``newsfuse eval analysis``: quotes, speakers and dates against hand labels; conflicts
against a set of planted contradictions and paraphrases.

Labels (``tests/data/analysis``): ``quotes.jsonl`` lists every direct quote of an article
(each contiguous quoted span is one entry, so split quotes are scored piece by piece);
``events.jsonl`` lists dated events with the article's anchor date. Documents are read
from the shared dev data and run through the real cleaning path (``api.prepare``); each
article is analysed as a one-article story, as the labels resolve names within the article.

Metrics
-------
quote P/R/F1
    A predicted direct quote matches an unmatched gold quote of the same article when their
    word-token F1 is at least 0.6 (one-to-one, best first).
speaker accuracy
    Over matched quotes: the normalized names are equal; or one side is a single token equal
    to the other's surname (the article gives only a surname); or both are anonymous.
date accuracy
    The fraction of gold events for which a predicted event has an overlapping expression
    (one contains the other) in a clause sharing words with the gold snippet, and the same
    date and precision.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from newsfuse.analyze.names import canonical_place, clean_person
from newsfuse.analyze.quotes import QuoteExtractor
from newsfuse.analyze.timeline import article_events
from newsfuse.api import prepare
from newsfuse.clean import SentenceSplitter
from newsfuse.errors import InputError
from newsfuse.eval.conflict_set import evaluate_conflicts
from newsfuse.model import Article, Briefing, Story

QUOTE_F1 = 0.6
_QCHARS = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "`": "'"})


def _load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def doc_text(ref: str, data: Path, cache: dict[str, list[str]]) -> str:
    """The raw text of a labelled document ref (``mn:<id>:<i>`` or ``duc:<cl>/<file>``)."""
    kind, rest = ref.split(":", 1)
    if kind == "duc":
        cluster, name = rest.split("/", 1)
        return (data / "duc2004-dev" / cluster / "docs" / name).read_text(encoding="utf-8")
    story, idx = rest.rsplit(":", 1)
    if not cache:
        with (data / "multinews-dev.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                cache[d["id"]] = d["documents"]
    return cache[story][int(idx)]


def prepared(ref: str, text: str, anchor: date | None = None) -> Article:
    """The article as ``newsfuse brief`` would see it (cleaned and split)."""
    pub = datetime(anchor.year, anchor.month, anchor.day) if anchor else None
    art = Article.new(text, id=ref, published=pub)
    try:
        out = prepare([art]).articles
    except InputError:
        out = []
    if out:
        return out[0] if pub is None or out[0].published else _with_date(out[0], pub)
    return SentenceSplitter()(art)


def _with_date(art: Article, pub: datetime) -> Article:
    from dataclasses import replace

    return replace(art, published=pub)


def _tokens(s: str) -> list[str]:
    return re.findall(r"\w+", s.translate(_QCHARS).lower())


def token_f1(a: str, b: str) -> float:
    ta, tb = Counter(_tokens(a)), Counter(_tokens(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def _norm_name(name: str | None) -> str:
    """Lower-cased name tokens without titles and middle initials ("Donald J. Trump")."""
    toks = _tokens(clean_person(name or ""))
    return " ".join(t for i, t in enumerate(toks) if len(t) > 1 or i in (0, len(toks) - 1))


def speaker_ok(gold: dict[str, Any], name: str | None, anonymous: bool) -> bool:
    """Whether a predicted speaker matches a gold one (see the module docstring)."""
    if gold.get("anonymous"):
        return anonymous
    g, p = _norm_name(gold.get("speaker")), _norm_name(name)
    if not g or not p or anonymous:
        return g == p
    if g == p:
        return True
    gt, pt = g.split(), p.split()
    return (len(gt) == 1 or len(pt) == 1) and gt[-1] == pt[-1]


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    speaker_ok: int = 0
    dates_ok: int = 0
    dates_total: int = 0
    errors: list[str] = field(default_factory=list)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def eval_quotes(labels: Path, data: Path, scores: Scores) -> None:
    cache: dict[str, list[str]] = {}
    extractor = QuoteExtractor(reported=False)
    for doc in _load(labels / "quotes.jsonl"):
        art = prepared(doc["doc"], doc_text(doc["doc"], data, cache))
        found = extractor.pieces(Briefing(story=Story.of([art]), title=""))[art.id]
        gold = [q for q in doc["quotes"] if q.get("kind", "direct") == "direct"]
        pairs = sorted(
            (
                (token_f1(f.text, g["text"]), i, j)
                for i, f in enumerate(found)
                for j, g in enumerate(gold)
            ),
            reverse=True,
        )
        used_p: set[int] = set()
        used_g: set[int] = set()
        for f1, i, j in pairs:
            if f1 < QUOTE_F1 or i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            scores.tp += 1
            if speaker_ok(gold[j], found[i].name, found[i].anonymous):
                scores.speaker_ok += 1
            else:
                scores.errors.append(
                    f"speaker {doc['doc']}: {gold[j]['text'][:40]!r} "
                    f"gold={gold[j]['speaker']!r} got={found[i].name!r}"
                )
        scores.fp += len(found) - len(used_p)
        scores.fn += len(gold) - len(used_g)
        for i, f in enumerate(found):
            if i not in used_p:
                scores.errors.append(f"fp {doc['doc']}: {f.text[:60]!r}")
        for j, g in enumerate(gold):
            if j not in used_g:
                scores.errors.append(f"fn {doc['doc']}: {g['text'][:60]!r}")


_LEAD = re.compile(r"^(?:on|in|at|by|since|until|of|during|the|starting)\s+", re.I)


def _expr(s: str) -> str:
    s = " ".join(_tokens(s))
    return _LEAD.sub("", s)


def eval_dates(labels: Path, data: Path, scores: Scores) -> None:
    cache: dict[str, list[str]] = {}
    for doc in _load(labels / "events.jsonl"):
        anchor = date.fromisoformat(doc["anchor"])
        art = prepared(doc["doc"], doc_text(doc["doc"], data, cache), anchor)
        preds = article_events(art, anchor)
        used: set[int] = set()
        for ev in doc["events"]:
            scores.dates_total += 1
            ge = _expr(ev["expression"])
            best, best_k = -1.0, -1
            for k, p in enumerate(preds):
                pe = _expr(p.expr.expression)
                if k in used or not pe or not ge or (pe not in ge and ge not in pe):
                    continue
                ctx = set(_tokens(p.text)) | set(_tokens(p.expr.expression))
                gt = set(_tokens(ev["text"]))
                overlap = len(ctx & gt) / max(len(gt), 1)
                if overlap > best:
                    best, best_k = overlap, k
            if best_k < 0:
                scores.errors.append(f"date missed {doc['doc']}: {ev['expression']!r}")
                continue
            used.add(best_k)
            p = preds[best_k]
            if p.expr.date == ev["date"] and p.expr.precision == ev["precision"]:
                scores.dates_ok += 1
            else:
                scores.errors.append(
                    f"date wrong {doc['doc']}: {ev['expression']!r} gold={ev['date']} "
                    f"{ev['precision']} got={p.expr.date} {p.expr.precision}"
                )


def _ent_keys(name: str, aliases: list[str] | tuple[str, ...]) -> set[str]:
    """Normalized forms of an entity's name and aliases ("the U.N." -> "united nations")."""
    out = set()
    for n in (name, *aliases):
        for form in (n, canonical_place(n), clean_person(n)):
            k = " ".join(_tokens(form)).removeprefix("the ")
            if k:
                out.add(k)
    return out


def eval_entities(labels: Path, data: Path) -> dict[str, Any]:
    """Entity P/R on ``entities.jsonl`` (every person, organization and place an article
    names). A predicted entity matches an unmatched gold one when a normalized name or
    alias is shared (one-to-one); the type is scored separately over matched pairs."""
    from newsfuse.analyze.entities import EntityExtractor

    cache: dict[str, list[str]] = {}
    extractor = EntityExtractor()
    tp = fp = fn = typed = 0
    errors: list[str] = []
    for doc in _load(labels / "entities.jsonl"):
        art = prepared(doc["doc"], doc_text(doc["doc"], data, cache))
        preds = extractor(Briefing(story=Story.of([art]), title="")).entities
        gold = doc["entities"]
        gkeys = [_ent_keys(g["name"], g.get("aliases", [])) for g in gold]
        used: set[int] = set()
        for p in preds:
            pk = _ent_keys(p.name, p.aliases)
            j = next((j for j, k in enumerate(gkeys) if j not in used and k & pk), None)
            if j is None:
                fp += 1
                errors.append(f"entity fp {doc['doc']}: {p.name!r} ({p.type})")
                continue
            used.add(j)
            tp += 1
            typed += p.type == gold[j]["type"]
        fn += len(gold) - len(used)
        errors += [
            f"entity fn {doc['doc']}: {g['name']!r}" for j, g in enumerate(gold) if j not in used
        ]
    return {
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "type_accuracy": typed / tp if tp else 0.0,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "errors": errors,
    }


def evaluate_claims(path: Path, threshold: float | None = None) -> dict[str, Any]:
    """P/R of "same claim" at the ClaimMapper threshold on handwritten sentence pairs.

    ``claims.jsonl``: ``{"a", "b", "same": bool}``; half are paraphrases, half are
    sentences on the same topic that state different things. TF-IDF is fitted on all
    sentences of the set, like a story's sentences.
    """
    from newsfuse.analyze.claims import ClaimMapper
    from newsfuse.analyze.similarity import similarity

    t = ClaimMapper().threshold if threshold is None else threshold
    items = _load(path)
    sim = similarity([x for it in items for x in (it["a"], it["b"])])
    hits = [(bool(sim[2 * i, 2 * i + 1] >= t), bool(it["same"])) for i, it in enumerate(items)]
    tp = sum(1 for h, g in hits if h and g)
    fp = sum(1 for h, g in hits if h and not g)
    pos = sum(1 for _, g in hits if g)
    return {
        "threshold": t,
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / pos if pos else 0.0,
        "pairs": len(items),
    }


def evaluate(labels: Path, data: Path, *, conflicts: Path | None = None) -> dict[str, Any]:
    """All analysis figures as a dict (what ``eval analysis --json`` prints)."""
    s = Scores()
    eval_quotes(labels, data, s)
    eval_dates(labels, data, s)
    p, r, f1 = s.prf()
    out: dict[str, Any] = {
        "quotes": {"precision": p, "recall": r, "f1": f1, "tp": s.tp, "fp": s.fp, "fn": s.fn},
        "speaker_accuracy": s.speaker_ok / s.tp if s.tp else 0.0,
        "date_accuracy": s.dates_ok / s.dates_total if s.dates_total else 0.0,
        "dates": {"correct": s.dates_ok, "total": s.dates_total},
        "errors": s.errors,
    }
    if (labels / "entities.jsonl").exists():
        ents = eval_entities(labels, data)
        out["errors"] += ents.pop("errors")
        out["entities"] = ents
    cpath = conflicts or labels / "conflicts.jsonl"
    if cpath.exists():
        out["conflicts"] = evaluate_conflicts(cpath, data)
    if (labels / "claims.jsonl").exists():
        out["claims"] = evaluate_claims(labels / "claims.jsonl")
    return out


def format_report(res: dict[str, Any]) -> str:
    q = res["quotes"]
    lines = [
        f"quotes   P {q['precision']:.3f}  R {q['recall']:.3f}  F1 {q['f1']:.3f}  "
        f"(tp {q['tp']}, fp {q['fp']}, fn {q['fn']})",
        f"speaker  accuracy {res['speaker_accuracy']:.3f} over {q['tp']} matched quotes",
        f"dates    accuracy {res['date_accuracy']:.3f} "
        f"({res['dates']['correct']}/{res['dates']['total']} gold events)",
    ]
    en = res.get("entities")
    if en:
        lines.append(
            f"entities P {en['precision']:.3f}  R {en['recall']:.3f}  "
            f"(tp {en['tp']}, fp {en['fp']}, fn {en['fn']}; type accuracy "
            f"{en['type_accuracy']:.3f})"
        )
    cl = res.get("claims")
    if cl:
        lines.append(
            f"claims   same-claim P {cl['precision']:.3f}  R {cl['recall']:.3f} "
            f"at cosine {cl['threshold']} ({cl['pairs']} handwritten pairs)"
        )
    c = res.get("conflicts")
    if c:
        for part, v in c.items():
            lines.append(
                f"conflicts[{part}]  P {v['precision']:.3f}  R {v['recall']:.3f}  "
                f"(pairs {v['pairs']}, planted {v['positives']})"
            )
    return "\n".join(lines)

"""Rules that drop NER mentions which are not names of people, organizations or places.

The small spaCy model tags many capitalized non-names: a word capitalized only because it
opens a sentence ("Climb" from "Climb-downs", "Bill"), the organization half of a job
title ("National Security" Advisor, "Defence" Minister), figure references ("Supplementary
Fig"), account names in quotes, and platforms as people ("Twitter"). Each rule looks only
at the mention and the text around it, so it holds for any story.
"""

from __future__ import annotations

import re

from newsfuse.analyze.nlp import Ent

# Platforms, services and news outlets NER often tags as people or places. A small,
# general table: they are organizations whatever the model says.
_UNAMBIGUOUS = """
    Twitter Facebook Instagram YouTube TikTok WhatsApp Snapchat Reddit LinkedIn Netflix
    Spotify PayPal Wikipedia CNN CNBC MSNBC BBC NPR Reuters
    """.split()  # noqa: SIM905
PLATFORMS = frozenset(
    [
        *_UNAMBIGUOUS,
        *[
            "Google",
            "Telegram",
            "Apple",
            "Microsoft",
            "Uber",
            "Airbnb",
            "NBC",
            "CBS",
            "PBS",
            "Bloomberg",
        ],
    ]
)
# Only names that are never anything else are added where NER missed them.
_PLATFORM_RE = re.compile(r"\b(?:" + "|".join(sorted(_UNAMBIGUOUS)) + r")\b")
_FIGURE = re.compile(r"^(?:supplementary\s+)?(?:fig|figs|figure|figures|table|tab|eq)\b\.?", re.I)
# Job-title words that follow the organization part of a title ("Defence Minister").
_TITLE_AFTER = re.compile(
    r"\s+(?:Minister|Secretary|Adviser|Advisor|Director|Chief|Spokesman|Spokeswoman|"
    r"Spokesperson|Officer|Council(?:or|lor)|Correspondent|Editor|Commissioner|"
    r"Ambassador|Envoy|Chair(?:man|woman)?|Cmdr|Commander)\b"
)
_QUOTED = re.compile(r"[\"“‘`]")
_CLOSED = re.compile(r"[,.]?(?:[\"”’]|'')")
_SENT_END = re.compile(r"(?:^|[.!?:\"“”]\s*|\n\s*)$")
EXTRA_TITLES = frozenset({"cmdr", "cmdr.", "sgt", "lt", "lt.", "cpl", "cpl.", "adm", "adm."})


def lower_words(texts: list[str]) -> set[str]:
    """Every word written in lower case somewhere in the story."""
    return {w for t in texts for w in re.findall(r"\b[a-z][a-z'-]+\b", t)}


def is_noise(
    e: Ent, text: str, lowered: set[str], quoted: list[tuple[int, int]] | None = None
) -> bool:
    """Whether a NER mention is not a name (see the module docstring).

    ``quoted`` are the quotation spans of ``text``: inside one, an organization cut off
    before a capitalized word ("the Fake News" Media) is a fragment of a slogan.
    """
    name = re.sub(r"^the\s+", "", e.text.strip(), flags=re.I)
    if not name[:1].isupper() and not name[:1].isdigit() and not name.startswith("@"):
        return True  # "fed" tagged ORG
    if _FIGURE.match(name) or re.search(r"[a-z]\.\s+[A-Z]", name):
        # A figure reference, or a span across a sentence break ("Hun Sen. Events").
        return True
    after = text[e.end : e.end + 2]
    if after[:1] == "-" and after[1:2].islower():
        return True  # "Climb" of "Climb-downs"
    if e.label == "ORG" and _TITLE_AFTER.match(text, e.end):
        return True  # "National Security" Advisor
    words = name.split()
    inside = any(a <= e.start < b for a, b in quoted or [])
    if e.label == "ORG" and inside and re.match(r" [A-Z][a-z]", text[e.end : e.end + 3]):
        return True
    if e.label == "PERSON" and len(words) > 1 and words[-1].lower() in EXTRA_TITLES:
        return True  # "LAPD Cmdr": a title, not a name
    if e.start > 0 and _QUOTED.match(text[e.start - 1]) and _CLOSED.match(text, e.end):
        return True  # an account or title in quotes ("Proud Resister")
    if len(words) == 1 and name.lower() in lowered and name not in PLATFORMS:
        # Capitalized only because it opens a sentence, written lower case elsewhere.
        return _SENT_END.search(text[max(0, e.start - 3) : e.start]) is not None
    return False


def clean_mention(e: Ent) -> Ent:
    """Cut a trailing "- DoD" or "(@handle)" off a person mention."""
    m = re.search(r"\s+[-—–(]", e.text)
    if e.label == "PERSON" and m:
        return Ent(e.text[: m.start()], e.label, e.start, e.start + m.start())
    return e


def platform_mentions(text: str, ents: list[Ent]) -> list[Ent]:
    """Platform names NER missed or mislabelled, as organization mentions."""
    out = [Ent(e.text, "ORG", e.start, e.end) if e.text.strip() in PLATFORMS else e for e in ents]
    for m in _PLATFORM_RE.finditer(text):
        if not any(e.start < m.end() and m.start() < e.end for e in ents):
            out.append(Ent(m.group(), "ORG", m.start(), m.end()))
    return sorted(out, key=lambda e: e.start)

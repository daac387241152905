"""Name normalization shared by quotes, entities and conflicts.

Titles ("President", "Mr") and possessives are stripped so that "President Trump's" and
"Trump" name the same person; a surname resolves to the longest full name that ends with
it; countries have a small table of long forms, abbreviations and demonyms so that
"Russian Federation" and "Russia", or "USA" and "U.S.", are one place. The table is
deliberately general (a few dozen countries), not tuned to any test text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Words that precede a name as a title or role; stripped from person names.
TITLES = frozenset(
    [
        "president",
        "vice",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "miss",
        "dr",
        "dr.",
        "sen",
        "sen.",
        "senator",
        "rep",
        "rep.",
        "representative",
        "gov",
        "gov.",
        "governor",
        "secretary",
        "minister",
        "prime",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "judge",
        "justice",
        "general",
        "gen",
        "gen.",
        "col",
        "col.",
        "lt",
        "lt.",
        "sgt",
        "sgt.",
        "officer",
        "chief",
        "director",
        "advisor",
        "adviser",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "lord",
        "sir",
        "dame",
        "rev",
        "rev.",
        "mayor",
        "attorney",
        "speaker",
        "leader",
        "sheriff",
        "detective",
        "professor",
        "prof",
        "prof.",
        "coach",
        "ceo",
        "chairman",
        "chairwoman",
        "chair",
        "first",
        "lady",
        "former",
        "late",
        "foreign",
        "defense",
        "defence",
        "state",
        "national",
        "security",
        "intelligence",
        "white",
        "house",
        "u.s.",
        "us",
        "deputy",
        "acting",
        "special",
        "counsel",
        "commissioner",
        "commander",
        "captain",
        "capt",
        "capt.",
        "sergeant",
        "inspector",
        "superintendent",
        "police",
        "fire",
        "congressman",
        "congresswoman",
        "assemblyman",
        "premier",
        "emperor",
        "sheikh",
        "crown",
        "supreme",
        "court",
        "federal",
        "senior",
        "top",
        "republican",
        "democratic",
        "democrat",
        "gop",
    ]
)

MALE_CUES = frozenset({"mr", "mr.", "king", "prince", "spokesman", "sir", "lord", "congressman"})
FEMALE_CUES = frozenset(
    {"mrs", "mrs.", "ms", "ms.", "miss", "queen", "princess", "spokeswoman", "dame", "lady"}
)

_POSS = re.compile(r"['’]s?$")

# Canonical country -> other names (long forms, abbreviations, demonyms are separate).
COUNTRIES: dict[str, tuple[str, ...]] = {
    "United States": ("U.S.", "US", "USA", "U.S.A.", "United States of America", "America"),
    "United Kingdom": ("UK", "U.K.", "Britain", "Great Britain"),
    "Russia": ("Russian Federation",),
    "China": ("People's Republic of China", "PRC"),
    "North Korea": ("Democratic People's Republic of Korea", "DPRK"),
    "South Korea": ("Republic of Korea", "ROK"),
    "Iran": ("Islamic Republic of Iran",),
    "Syria": ("Syrian Arab Republic",),
    "Germany": ("Federal Republic of Germany",),
    "France": ("French Republic",),
    "Netherlands": ("Holland", "The Netherlands"),
    "Czech Republic": ("Czechia",),
    "Ivory Coast": ("Côte d'Ivoire", "Cote d'Ivoire"),
    "Myanmar": ("Burma",),
    "United Arab Emirates": ("UAE", "U.A.E."),
    "Saudi Arabia": ("Kingdom of Saudi Arabia", "KSA"),
    "Democratic Republic of the Congo": ("DR Congo", "DRC", "Congo-Kinshasa"),
    "Vatican City": ("Holy See", "Vatican"),
    "Turkey": ("Türkiye", "Turkiye", "Republic of Turkey"),
    "Japan": ("Nippon",),
    "India": ("Republic of India",),
    "Mexico": ("United Mexican States",),
    "Venezuela": ("Bolivarian Republic of Venezuela",),
    "Bolivia": ("Plurinational State of Bolivia",),
    "Taiwan": ("Republic of China", "ROC"),
    "Ukraine": ("the Ukraine",),
    "Israel": ("State of Israel",),
    "Palestine": ("State of Palestine", "Palestinian territories"),
    "European Union": ("EU", "E.U."),
    "United Nations": ("UN", "U.N."),
}

DEMONYMS: dict[str, str] = {
    "american": "United States",
    "british": "United Kingdom",
    "russian": "Russia",
    "chinese": "China",
    "north korean": "North Korea",
    "south korean": "South Korea",
    "iranian": "Iran",
    "syrian": "Syria",
    "german": "Germany",
    "french": "France",
    "dutch": "Netherlands",
    "japanese": "Japan",
    "indian": "India",
    "mexican": "Mexico",
    "israeli": "Israel",
    "palestinian": "Palestine",
    "ukrainian": "Ukraine",
    "turkish": "Turkey",
    "saudi": "Saudi Arabia",
}


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower().removeprefix("the "))


_ALIAS_TO_COUNTRY: dict[str, str] = {
    _key(alias): canon for canon, aliases in COUNTRIES.items() for alias in (canon, *aliases)
}


def canonical_place(name: str) -> str:
    """The canonical form of a place name ("Russian Federation" -> "Russia"), else as is.

    Examples
    --------
    >>> canonical_place("the Russian Federation"), canonical_place("U.S."), canonical_place("Oslo")
    ('Russia', 'United States', 'Oslo')
    """
    stripped = strip_possessive(name.strip())
    canon = _ALIAS_TO_COUNTRY.get(_key(stripped))
    if canon:
        return canon
    return re.sub(r"^the\s+", "", stripped, flags=re.I)


def strip_possessive(name: str) -> str:
    return _POSS.sub("", name) if re.search(r"\w['’]s?$", name) else name


def clean_person(name: str) -> str:
    """A person name without titles, possessive or stray punctuation.

    Examples
    --------
    >>> clean_person("President Donald Trump's"), clean_person("Mr. Smith"), clean_person("Putin")
    ('Donald Trump', 'Smith', 'Putin')
    """
    tokens = strip_possessive(name.strip(" ,.;:\"'“”")).split()
    while len(tokens) > 1 and tokens[0].lower() in TITLES:
        tokens.pop(0)
    return " ".join(tokens)


def gender_cue(text: str) -> str | None:
    """'m' or 'f' if a title or role word before a name shows it, else None."""
    words = {w.lower() for w in text.split()}
    if words & MALE_CUES:
        return "m"
    if words & FEMALE_CUES:
        return "f"
    return None


def surname(name: str) -> str:
    parts = name.split()
    return parts[-1] if parts else ""


def full_name(name: str, known: Iterable[str]) -> str:
    """The longest known multi-word name with the same surname (and compatible first name).

    Examples
    --------
    >>> full_name("Trump", ["Donald Trump", "Ivanka Trump Jr", "Trump"])
    'Donald Trump'
    >>> full_name("Sanders", ["Bernie Sanders"]), full_name("Jane Doe", ["John Doe"])
    ('Bernie Sanders', 'Jane Doe')
    """
    toks = name.split()
    if not toks:
        return name
    best = name
    for cand in known:
        ctoks = cand.split()
        if len(ctoks) <= len(toks) or ctoks[-1].lower() != toks[-1].lower():
            continue
        if len(toks) > 1 and [t.lower() for t in ctoks[-len(toks) :]] != [t.lower() for t in toks]:
            continue
        if len(ctoks) > len(best.split()) or (len(ctoks) == len(best.split()) and best == name):
            best = cand
    if best == name and len(toks) == 1:
        # Family name first (Chinese, Korean, Hungarian names): "Wang" -> "Wang Bingzhang".
        firsts = [c for c in known if len(c.split()) == 2 and c.split()[0] == toks[0]]
        if len(set(firsts)) == 1:
            best = firsts[0]
    return best


def handle_matches(handle: str, person: str) -> bool:
    """True if a social-media handle spells a person's name ("@AmbJohnBolton", "John Bolton").

    The handle must contain the surname (at least 4 letters) and the first name or initial
    next to it, so "@POTUS" or "@nytimes" never attach to a person.

    Examples
    --------
    >>> handle_matches("@Ambjohnbolton", "John Bolton"), handle_matches("@jbolton", "John Bolton")
    (True, True)
    >>> handle_matches("@boltonfan", "John Bolton"), handle_matches("@nytimes", "John Bolton")
    (False, False)
    """
    h = re.sub(r"[^a-z]", "", handle.lower())
    toks = [re.sub(r"[^a-z]", "", t.lower()) for t in person.split()]
    toks = [t for t in toks if t]
    if len(toks) < 2 or len(toks[-1]) < 4 or (not h.endswith(toks[-1]) and toks[-1] not in h):
        return False
    first, last = toks[0], toks[-1]
    pos = h.find(last)
    before = h[:pos]
    return before.endswith(first) or (before.endswith(first[0]) and len(before) <= 2)

"""Line rules: why a line of a scraped article is not article text.

Each rule is general: a family of boilerplate (promotion, share bars, archive and server
notices, captions, credits) or a line shape (no sentence, only a date, a label). Rules
return a short reason that is stored on the article with the removed line.
"""

from __future__ import annotations

import re

# Families of boilerplate seen on news pages; matched on the lower-cased line's start.
_PROMO_START = re.compile(
    r"^(more news|related news|related (stories|articles|coverage|content|links)|related\b|"
    r"read more|read next|read also|also read|see also|more from|more on this|recommended|"
    r"trending|most (read|popular|viewed)|popular (now|stories)|top stories|watch:|video:|"
    r"watch the video|listen:|sign up|subscribe|follow (us|@|\w+ on (twitter|facebook|x))|"
    r"click (here|for)|share (this|on)|bookmark with|advertisement|sponsored|"
    r"story continue[sd] below|continue reading|next story|previous story|up next|"
    r"read or share this story|get the latest|download (our|the) app|join (us|the conversation)|"
    r"newsletter|this (story|article) (was )?(originally )?(published|appeared)|topics?:|tags?:|"
    r"filed under|image (copyright|caption)|photo credit|enlarge this image|toggle caption|"
    r"hide caption|show caption|getty images|copyright|©|all rights reserved|close\b|"
    r"story highlights|latest headlines|media (playback|caption)|play (video|facebook)|"
    r"\d[\d,.]*k? shares\b)"
)
_NOTICE = re.compile(
    r"(an error occurred|error processing|javascript (is )?(disabled|required)|enable javascript|"
    r"your browser|we use cookies|cookie (policy|settings)|accept cookies|"
    r"internet archive|wayback machine|alexa internet|crawl data|archive pages as they are|"
    r"add location information to your tweets|tweet with a location|"
    r"may not be (published|broadcast|rewritten|redistributed)|all rights reserved|"
    r"contributed to this report|(terms of (use|service)|privacy policy)\s*(and|&)\s*\w+|"
    r"please (enable|update|disable)|ad ?blocker|not supported by your browser|"
    r"enter the characters|are you a robot|captcha|please wait while|"
    r"video has been rented|transcript could not be loaded|not available right now|"
    r"just watched|replay more videos|must watch|breaking news (emails|alerts)|"
    r"follow (him|her|them|us) on (twitter|facebook|instagram)|"
    r"^\(+(additional )?(reporting|editing|writing) by|^\(\(?[\w.]+@[\w.]+)"
)
# Cheap substring tests that gate the regexes: most lines are prose and fail them all,
# which keeps cleaning at a few milliseconds per article (see bench).
_NOTICE_KEYS = (
    "error",
    "javascript",
    "browser",
    "cookie",
    "archive",
    "alexa",
    "crawl",
    "tweet",
    "may not be",
    "rights reserved",
    "contributed to",
    "terms of",
    "privacy policy",
    "please ",
    "blocker",
    "characters",
    "robot",
    "captcha",
    "video",
    "transcript",
    "right now",
    "watch",
    "breaking news",
    "follow",
    "reporting by",
    "editing by",
    "@",
)
# Video-player chrome scraped with the page ("Embed <headline> 1:04 autoplay autoplay Copy
# this code to your website or blog"): never article text, and never the title.
_PLAYER = re.compile(r"\bautoplay\b|copy this code to your (website|blog)|\bembed code\b")
_PLAYER_KEYS = ("autoplay", "copy this code", "embed code")
# A line that opens like a gallery or file-photo caption is one, however long.
_CAPTION_START = re.compile(r"^(hide caption|file -|file photo|buy photo|photo:|image:)")
_BRACKETED = re.compile(r"^\[[^\]]{3,}\]$")
_CAPTION = re.compile(
    # "(l)" marks a position in a photo; "(r)" alone is usually a party ("Gov. X (R)").
    r"(\((?:l|c|left|right|center|centre|front|back|top|bottom)\)|\bfile photo\b|"
    r"\b(ap|afp|reuters|getty|epa|xinhua)(\s+images)?\s*photo\b|\bphoto(graph)?\s*(:|/|by|credit)|"
    r"\(photo\b|\bimage:|\bcredit:|\bpictured\b)"
)
_CAPTION_KEYS = ("(", "photo", "image", "credit", "pictured")
# Photo credits chain names with slashes: "Xinhua/Lehtikuva/Heikki Saukkomaa".
_CREDIT_CHAIN = re.compile(r"\b[A-Z][A-Za-z]+/[A-Z][A-Za-z]+(/[A-Z][\w ]+)+")
_TIMESTAMP = re.compile(
    r"^(\d{1,2}(:\d{2})?\s*([ap]\.?m\.?)?|\d{1,2}:\d{2})(\s*\(?[a-z]{2,4}\)?)?\.?$"
)
_URL = re.compile(r"https?://|www\.\w")
_HANDLE_ONLY = re.compile(r"^[@#][\w.]+$")
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
_ALPHA = re.compile(r"[A-Za-z]")


# Wire-service credits glued to the end of a paragraph: "(Reporting by A; Editing by B)",
# "((reporter@agency.com; +1 555 0100))".
_TAIL_CREDIT = re.compile(
    r"(\s*\((?:additional )?(?:reporting|editing|writing)[^()]*\)|\s*\(\([^()]*@[^()]*\)\))+\s*$",
    re.I,
)


def strip_tail_credit(line: str) -> tuple[str, str | None]:
    """Split a trailing wire credit off ``line``: (text, credit or None).

    Examples
    --------
    >>> strip_tail_credit("Prices fell. (Reporting by Ann Lee; Editing by Bo Li)")
    ('Prices fell.', '(Reporting by Ann Lee; Editing by Bo Li)')
    """
    if "(" not in line:
        return line, None
    m = _TAIL_CREDIT.search(line)
    if not m or m.start() == 0:
        return line, None
    return line[: m.start()].rstrip(), m.group().strip()


def is_sentence_like(line: str) -> bool:
    """Ends like a sentence (., !, ?, or a closing quote)."""
    return bool(_TERMINAL.search(line[-6:]))


def _is_caption(line: str, low: str) -> bool:
    if any(k in low for k in _CAPTION_KEYS) and _CAPTION.search(low):
        return True
    return line.count("/") >= 2 and bool(_CREDIT_CHAIN.search(line))


def line_reason(line: str, *, min_words: int = 8) -> str | None:
    """Why ``line`` (stripped) is boilerplate, or ``None`` if it may be article text.

    Examples
    --------
    >>> line_reason("More news: Storm hits coast after long drought")
    'promotion'
    >>> line_reason("[an error occurred while processing the directive]")
    'server or archive notice'
    >>> line_reason("The mayor said the bridge would reopen on Monday.") is None
    True
    """
    words = line.split()
    low = line.lower()
    if not _ALPHA.search(line) or _HANDLE_ONLY.match(line):
        return "no text"
    if _TIMESTAMP.match(low):
        return "timestamp"
    if _BRACKETED.match(line) or (any(k in low for k in _NOTICE_KEYS) and _NOTICE.search(low)):
        return "server or archive notice"
    if any(k in low for k in _PLAYER_KEYS) and _PLAYER.search(low):
        return "media player text"
    if _PROMO_START.match(low) and (len(words) < 25 or not is_sentence_like(line)):
        return "promotion"
    if _CAPTION_START.match(low) or (len(words) < 60 and _is_caption(line, low)):
        return "photo caption"
    if len(words) < 15 and ("http" in low or "www." in low) and _URL.search(low):
        return "link"
    if line.endswith(":") and len(words) < 15:
        return "label"
    if not is_sentence_like(line) and len(words) < min_words:
        return "fragment (no sentence)"
    return None

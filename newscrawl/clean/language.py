"""The page's language as a normalized BCP 47 tag: the page's own declaration (<html lang>,
JSON-LD inLanguage, og:locale, Content-Language), checked against the text.

Declarations are often wrong in a telling way: a theme's default `lang="en-US"` on a German
blog, an English template around a Zulu story. When the article text is long enough and a
language identifier is sure of another language, the text wins. py3langid (a maintained
fork of langid.py, the identifier trafilatura uses) is light (a 4 MB model shipped in the
package, ~1 ms a page) and covers 97 languages; langcodes normalizes the tags.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from itertools import islice

import langcodes

from .page import Page

logger = logging.getLogger(__name__)

MIN_TEXT_CHARS = 200  # letters of article text below which the text does not overrule a tag
MIN_CONFIDENCE = 0.9  # py3langid's normalized probability the text must reach
DETECT_CHARS = 3000  # characters of text the identifier reads (enough; keeps it ~1 ms)

# Languages an identifier confuses with each other on news text, and a declaration that
# names one of them for a text identified as another is trusted.
_CLOSE = [frozenset(g) for g in ({"no", "nb", "nn", "da"}, {"hr", "sr", "bs"}, {"id", "ms"})]
# Tags that say nothing about the language.
_NOT_A_LANGUAGE = frozenset({"und", "zxx", "mul", "mis"})
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def normalize_tag(value: str | None) -> str | None:
    """'en_US' -> 'en-US', 'EN' -> 'en', 'de-de' -> 'de-DE', 'iw' -> 'he'; None for values
    that are not a language tag ('x-default', 'und', 'english', '')."""
    if not value:
        return None
    value = value.strip().split(",")[0].split(";")[0].strip().replace("_", "-")
    if not value:
        return None
    try:
        tag = langcodes.standardize_tag(value)
    except (ValueError, langcodes.tag_parser.LanguageTagError):
        return None
    primary = tag.split("-")[0].lower()
    if primary in _NOT_A_LANGUAGE or primary in ("x", "i") or not primary.isalpha():
        return None
    return tag


def primary(tag: str | None) -> str | None:
    return tag.split("-")[0].lower() if tag else None


@lru_cache(maxsize=1)
def _identifier():
    # Loaded once per process, memory-mapped from a cache (langid_model.py: a few ms; ~0.45 s
    # CPU from the package's compressed file); article.warm_up pays it at start.
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    from .langid_model import load_model
    from .langid_walk import ArrayWalkIdentifier

    ptc, pc, classes, nextmove, row, output = load_model(MODEL_DIR / MODEL_FILE)
    return ArrayWalkIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)


def identify(text: str) -> tuple[str, float] | None:
    """The language of a text and the identifier's confidence (for a language it confuses
    with close ones, _CLOSE, its group's); None when the text is too short to say."""
    text = text[:DETECT_CHARS]
    # enough letters? (counted up to the threshold only: a long text answers in its start)
    if sum(1 for _ in islice(_LETTER.finditer(text), MIN_TEXT_CHARS)) < MIN_TEXT_CHARS:
        return None
    ranked = _identifier().rank(text)
    lang, prob = str(ranked[0][0]), float(ranked[0][1])
    group = next((g for g in _CLOSE if lang in g), None)
    if group is not None:
        # sure of the group, if not of the member: Indonesian and Malay share most words, and
        # the identifier splits its probability between them
        prob = sum(float(p) for code, p in ranked if code in group)
    return lang, prob


def agrees(declared: str, detected: str) -> bool:
    a, b = primary(declared), primary(detected)
    return a == b or any(a in g and b in g for g in _CLOSE)


def choose_language(declared: str | None, text: str) -> tuple[str | None, str | None]:
    """The page's language and the reason when the text overruled the declaration:
    (tag, None) when the declaration stands or nothing can be said, (code, 'langid') when
    the identifier supplied or corrected it."""
    found = identify(text)
    if found is None or found[1] < MIN_CONFIDENCE or found[0] in _NOT_A_LANGUAGE:
        return declared, None
    detected = normalize_tag(found[0])
    if detected is None:
        return declared, None
    if declared is None or not agrees(declared, detected):
        return detected, "langid"
    return declared, None


def check_language(page: Page, body_text: str) -> None:
    """Set inLanguage from the text where the page declares none or another language."""
    text = f"{page.fields.get('headline') or ''}\n{body_text}"
    tag, source = choose_language(page.fields.get("inLanguage"), text)
    if source is not None and tag:
        page.fields["inLanguage"] = tag
        page.sources["inLanguage"] = source

"""Every word list and phrase of the cleaning library, by language and concept.

One file per language (`en.py`, `de.py`...) holds a `Language` record (model.py) with the
words of every concept; `common.py` holds what is not language-specific (class-name
words, tag sets, attribute names). `patterns.py` builds every regex from them. To add a
language: copy a language file, fill what you know, list the rest in `gaps` with the
reason, and add it to LANGUAGES below (README, "Adding a language").
"""

from __future__ import annotations

from . import de, en, es, fr, id, it, ja, ko, nl, pl, pt, ru, tr, zh
from .common import UNFILED
from .model import Language, TimeUnit

__all__ = ["LANGUAGES", "Language", "TimeUnit", "by_code", "words"]

# The supported languages. The order matters only where two languages write the same word
# with different meanings (month names: the first language wins).
LANGUAGES: tuple[Language, ...] = tuple(
    m.LANGUAGE for m in (en, de, fr, es, it, pt, nl, ko, zh, ja, id, pl, ru, tr)
)


def by_code(code: str) -> Language | None:
    return next((lang for lang in LANGUAGES if lang.code == code), None)


def words(concept: str) -> tuple[str, ...]:
    """A concept's words in every language (and in languages without a file yet), each once."""
    out: dict[str, None] = {}
    for lang in LANGUAGES:
        out.update(dict.fromkeys(getattr(lang, concept)))
    out.update(dict.fromkeys(UNFILED.get(concept, ())))
    return tuple(out)

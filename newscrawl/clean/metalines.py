"""Lines about the article rather than of it, told by their shape in any language: a
dateline ("Stand: 22.04.2024, 06:00 Uhr", "Freitag, 28.04.2023, 19:25", "Politics /
January 11, 2024"), a reading time ("3 Min Lesezeit", "5 min read") and a byline ("Von
Nina Magoley", "By Jane Doe and John Roe"). boilerplate.py asks about the lines where such
lines stand: the first and last few of the story.

Pure functions over a line's text; the words come from the lexicon, the sizes from
boilerplate_thresholds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from enum import StrEnum

from . import boilerplate_thresholds as T
from .authors import looks_like_name, split_names
from .lexicon.common import OPENING_QUOTES
from .lexicon.patterns import BYLINE_PREFIX, READING_TIME

# A date parser for one page: the dates written in a text, as (start, end) offsets.
DateSpans = Callable[[str], list[tuple[int, int]]]

_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")
# A line ending as a sentence ends is prose ("It closed on 2 May 2024.")
_SENTENCE_END = re.compile(r"[.!?:;…]\W{0,2}$")


class MetaLine(StrEnum):
    DATELINE = "dateline"
    READING_TIME = "reading_time"
    BYLINE = "byline"


def is_reading_time(text: str) -> bool:
    """"3 Min Lesezeit", "Reading time: 5 minutes", "Tempo de leitura: 1 minuto": a number,
    the lexicon's reading-time words, and at most a unit word besides."""
    if len(text) > T.READING_TIME_MAX or not _DIGIT.search(text):
        return False
    found = READING_TIME.search(text)
    if found is None:
        return False
    rest = text[: found.start()] + " " + text[found.end():]
    return len(_WORD.findall(rest)) <= T.READING_TIME_REST_WORDS


def is_dateline(text: str, dates: DateSpans) -> bool:
    """One date, with a time, a label, a weekday, a place or a section beside it, and
    nothing that reads as a sentence: not a quotation either ('“The harbour reopens on 24
    March 2025”', a line of speech)."""
    if len(text) > T.DATELINE_MAX or _SENTENCE_END.search(text) or text[:1] in OPENING_QUOTES:
        return False
    spans = dates(text)
    if len(spans) != 1:
        return False  # none, or a range ("21.10.2019 – 27.10.2019"): a fact of the story
    start, end = spans[0]
    rest = _CLOCK.sub(" ", text[:start] + " " + text[end:])
    return len(_WORD.findall(rest)) <= T.DATELINE_REST_WORDS


def is_byline(text: str, authors: Collection[str]) -> bool:
    """"Von Nina Magoley", "By Jane Doe and John Roe": a byline word and a name; or the
    page's own author names and nothing else ("Lee Baker" under the story)."""
    if len(text) > T.BYLINE_MAX or _SENTENCE_END.search(text):
        return False
    if BYLINE_PREFIX.match(text):
        names = split_names(text)
        return bool(names) and len(names[0].split()) >= T.BYLINE_NAME_WORDS and (
            looks_like_name(names[0])
        )
    if not authors:
        return False
    known = {w.casefold() for name in authors for w in _WORD.findall(name)}
    words = [w.casefold() for w in _WORD.findall(text)]
    return len(words) >= T.BYLINE_NAME_WORDS and all(w in known for w in words)


def meta_line(text: str, dates: DateSpans, authors: Collection[str]) -> MetaLine | None:
    if is_reading_time(text):
        return MetaLine.READING_TIME
    if is_byline(text, authors):
        return MetaLine.BYLINE
    if is_dateline(text, dates):
        return MetaLine.DATELINE
    return None

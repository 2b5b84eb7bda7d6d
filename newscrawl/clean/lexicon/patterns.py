"""Every regex of the cleaning library that reads words, built here from the lexicon.

Alternations match longer words first, so a word never loses to its own beginning
("photograph" before "photo"); they are written as tries (lexicon/trie.py), which match
exactly what the flat longest-first list did, several times faster. Case is ignored unless
a pattern says otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..caseless import speed_up
from . import LANGUAGES, by_code, words
from .common import (
    CAPTION_CLASS,
    CLASS_WORDS,
    COMMENT_ITEMTYPES,
    COMMENT_THREAD_CLASS,
    COMMENT_WIDGET_CLASS,
    COPYRIGHT_MARKS,
    DISCUSSION_CLASS,
    DROP_CAP_CLASS_WORDS,
    EMBED_WORDS,
    FIGURE_CAPTION_CLASS,
    FIGURE_CREDIT_CLASS,
    FOLLOW_AFTER,
    FOLLOW_NETWORKS,
    FOREIGN_FIGURE_CLASS,
    HIDDEN_CLASS,
    IMAGE_BLOCK_CLASS,
    LEFTOVER_CAPTION_CLASS,
    MICROFORMAT_DATES,
    MICROFORMAT_PUBLISHED,
    MICROFORMAT_UPDATED,
    PHOTO_AGENCIES,
    SCREEN_READER_CLASS,
    SHARE_HREF,
    SOCIAL_NETWORKS,
    TAG_PATH_WORDS,
    TAXONOMY_PREFIXES,
    VIDEO_CLASS,
    ClassUse,
    ClassWord,
)
from .model import TimeUnit
from .trie import alternation  # also what discovery/words.py and authors.py build with


def _any(concept: str) -> str:
    return alternation(words(concept))


# --- class names ------------------------------------------------------------------------

def _class_words(use: ClassUse) -> list[ClassWord]:
    return [w for w in CLASS_WORDS if use in w.uses]


def _squashed(use: ClassUse) -> list[str]:
    return [w.word.replace("-", "") for w in _class_words(use)]


def _segment_alternation(use: ClassUse) -> str:
    """Words as written in class names: an optional hyphen where the word has one."""
    parts = []
    for w in sorted(_class_words(use), key=lambda w: len(w.word), reverse=True):
        written = "-?".join(re.escape(p) for p in w.word.split("-"))
        parts.append(written + (r"\w*" if w.stem else ""))
    return "|".join(parts)


def _substring(use: ClassUse) -> re.Pattern[str]:
    return re.compile(alternation(_squashed(use)), re.I)


BOILER_TOKENS = frozenset(_squashed(ClassUse.TOKEN))
BOILER_PREFIX = re.compile(r"^(?:" + alternation(_squashed(ClassUse.PREFIX)) + ")")
CHROME_STRONG = re.compile(
    r"(?:^|[\s_-])(?:" + _segment_alternation(ClassUse.CHROME) + r")(?:$|[\s_-])", re.I
)
CHROME_WEAK = re.compile(
    r"(?:^|[\s_-])(?:" + _segment_alternation(ClassUse.WEAK_CHROME) + r")(?:$|[\s_-])", re.I
)
DATE_CLASS = _substring(ClassUse.DATE_HINT)
LEAD_CLASS = _substring(ClassUse.LEAD)
WALL_BOX = _substring(ClassUse.WALL)
TITLE_CLASS = _substring(ClassUse.TITLE)
TAXONOMY_TOKEN = re.compile(r"^(?:" + alternation(TAXONOMY_PREFIXES) + r")[-_]", re.I)
MICROFORMAT = re.compile(r"\b(?:" + alternation(MICROFORMAT_DATES) + r")\b", re.I)
MICROFORMAT_PUBLISHED_RE = re.compile(
    r"\b(?:" + alternation(MICROFORMAT_PUBLISHED) + r")\b", re.I
)
MICROFORMAT_UPDATED_RE = re.compile(r"\b(?:" + alternation(MICROFORMAT_UPDATED) + r")\b", re.I)
EMBED_CLASS = re.compile(alternation(SOCIAL_NETWORKS + EMBED_WORDS), re.I)
CAPTION_CLASS_RE = re.compile(CAPTION_CLASS, re.I)
LEFTOVER_CAPTION_CLASS_RE = re.compile(LEFTOVER_CAPTION_CLASS, re.I)
VIDEO_CLASS_RE = re.compile(VIDEO_CLASS, re.I)
FIGURE_CAPTION_CLASS_RE = re.compile(FIGURE_CAPTION_CLASS, re.I)
FIGURE_CREDIT_CLASS_RE = re.compile(FIGURE_CREDIT_CLASS, re.I)
FOREIGN_FIGURE_CLASS_RE = re.compile(FOREIGN_FIGURE_CLASS, re.I)
IMAGE_BLOCK_CLASS_RE = re.compile(IMAGE_BLOCK_CLASS, re.I)
DISCUSSION_CLASS_RE = re.compile(DISCUSSION_CLASS, re.I)
COMMENT_THREAD_RE = re.compile(COMMENT_THREAD_CLASS)  # on lower-cased, camelCase-split tokens
COMMENT_WIDGET_RE = re.compile(COMMENT_WIDGET_CLASS)
COMMENT_ITEMTYPE_RE = re.compile(r"/(?:" + alternation(COMMENT_ITEMTYPES) + r")/?$")
SCREEN_READER_CLASS_RE = re.compile(SCREEN_READER_CLASS, re.I)
HIDDEN_CLASS_RE = re.compile(HIDDEN_CLASS, re.I)
SHARE_HREF_RE = re.compile(SHARE_HREF, re.I)
# A word of a class name, "-" or "_" optional between its parts ("drop-cap", "drop_cap"),
# starting the name, after a separator or at a camelCase hump ("graf-dropCap",
# "hasDropCap"), never inside a word ("universal" is no "versal").
_DROP_CAP_WORDS = "|".join("[-_]?".join(map(re.escape, w.split("-"))) for w in DROP_CAP_CLASS_WORDS)
DROP_CAP_CLASS = re.compile(
    rf"(?:(?<![A-Za-z])|(?<=[a-z])(?=[A-Z]))(?i:{_DROP_CAP_WORDS})"
)


@lru_cache(maxsize=64)
def one_letter_words(language: str | None) -> frozenset[str]:
    """The words of one letter in a language (primary code); every language's where the
    language is not known or has no file yet, so an unknown letter is left as written."""
    lang = by_code(language) if language else None
    if lang is not None:
        return frozenset(lang.one_letter_words)
    return frozenset(words("one_letter_words"))

# --- boilerplate: rails and promos --------------------------------------------------------

# A heading that is only a rail label, with trailing punctuation, or framed the way
# in-body rails write it ("[Hot this week]", "▶ 관련기사", "【関連記事】").
_LABEL_OPEN = r"[\[【〔〈《「(<▶►▷■□●◆◇※*#]*"
_LABEL_CLOSE = r"[\]】〕〉》」)>]*"
RAIL_LABEL = re.compile(
    r"^\s*" + _LABEL_OPEN + r"\s*(?:" + _any("rail_labels") + r")\s*" + _LABEL_CLOSE
    + r"\s*[:：»›>→\-–—.…!]*\s*$",
    re.I,
)


def _bounded(items: Iterable[str]) -> str:
    """An alternation whose words cannot start or end inside a longer word where the
    script separates words ("partner" is not read in "partnership"; "쿠키를" still reads
    "쿠키"). One boundary test around all spaced words keeps the regex fast."""
    unique = list(dict.fromkeys(items))
    spaced = [w for w in unique if w[:1].isascii() and w[-1:].isascii()]
    unspaced = [w for w in unique if w not in spaced]
    parts = []
    if spaced:
        parts.append(r"(?<![^\W\d_])(?:" + alternation(spaced) + r")(?![^\W\d_])")
    if unspaced:
        parts.append("(?:" + alternation(unspaced) + ")")
    return "|".join(parts)


# A newsletter mention: a pitch only when it asks for something (PITCH_VERB).
NEWSLETTER = re.compile(r"\b(?:" + _any("newsletter_words") + r")\b", re.I)
PITCH_VERB = re.compile(r"\b(?:" + _any("pitch_verbs") + r")\b", re.I)
# "Subscribe now!", opening a block or a link.
SUBSCRIBE_CALL = re.compile(r"^\W*(?:" + _any("subscribe_calls") + r")\b", re.I)
# Credit words written as an abbreviation whose dot is the label's separator ("Fot. PAP"):
# read without a colon, as a word of their own.
CREDIT_ABBREVIATIONS = (
    r"(?<![^\W\d_])(?:" + (alternation(w for w in words("credit_words") if w.endswith("."))
                           or "(?!)") + ")"
)
# A credit's label before the name: "Foto:", "Photos by:", "Bildquelle =", or "Fot.".
CREDIT_LABEL = (
    r"(?:(?:" + _any("credit_words") + r")s?\s*(?:" + _any("credit_by") + r")?\s*[:=：＝]|"
    + CREDIT_ABBREVIATIONS + ")"
)
# Short blocks that speak to the reader about the site, not about the story.
PROMO_LINES: tuple[re.Pattern[str], ...] = (
    # "Reporting by ...", "Edited by ..."
    re.compile(r"^\W*(?:" + _any("staff_credits") + r")\b", re.I),
    # "Follow us on Twitter"
    re.compile(
        r"\b(?:" + _any("follow_phrases") + r")\b.{0,60}\b(?:" + alternation(FOLLOW_NETWORKS)
        + r")(?:\w{0,4})\b",
        re.I,
    ),
    # "Bizi Twitter'da takip edin": the network first
    re.compile(
        r"\b(?:" + alternation(FOLLOW_NETWORKS) + r")(?:\w{0,4})\b.{0,30}(?:"
        + alternation(FOLLOW_AFTER) + ")",
        re.I,
    ),
    # a photo credit alone on its line, its photo gone ("Foto: dpa", "Photo: Reuters",
    # "Fot. PAP")
    re.compile(r"^\W*" + CREDIT_LABEL + r"\s*[^.!?:]{2,40}$", re.I),
    # "Published by ...", "12.03.2024 veröffentlicht von ..."
    re.compile(
        r"^\W*(?:\d[\d./-]*\W+)?(?:" + _any("byline_verbs") + r")\s+(?:" + _any("published_by")
        + r")\b",
        re.I,
    ),
    # an ad label alone
    re.compile(r"^\W*(?:" + _any("ad_labels") + r")\W*$", re.I),
    # "Reach the reporters on Twitter at ..."
    re.compile(
        r"^\W*(?:" + _any("contact_verbs") + r")\b.{0,30}\b(?:" + _any("contact_roles")
        + r")\b.{0,30}\b(?:" + _any("contact_prepositions") + r")\b",
        re.I,
    ),
    # calls to action
    SUBSCRIBE_CALL,
    # comment-moderation notices
    re.compile(r"\b(?:" + _any("comment_words") + r")\b.{0,160}\b(?:"
               + _any("moderation_words") + ")", re.I),
    # affiliate disclosures: "If you buy something using links in our stories, we may earn
    # a commission."
    re.compile(r"\b(?:" + _any("affiliate_disclosures") + r")\b", re.I),
    # slideshow counters: "Photo 3 of 12"
    re.compile(r"^\W*(?:(?:" + _any("slide_words") + r")\s*\d+\s*(?:" + _any("slide_of")
               + r"|/)\s*\d+\W*)+$", re.I),
)

# Wire-service footers: "Follow AP's full coverage of X at https://...". A footer links
# somewhere; a sentence of the story ("More than 300 people followed the coverage") does not.
COVERAGE_LINE = re.compile(
    r"^\W*(?:" + _any("coverage_leads") + r")\b.{0,80}\b(?:" + _any("coverage_nouns")
    + r"|https?://)",
    re.I,
)
# A pitch opens with its call ("Sign up for...", "Get our newsletter") or addresses the
# reader ("...in your inbox").
PITCH_OPENING = re.compile(r"^\W*(?:" + _any("pitch_verbs") + r")\b", re.I)
PITCH_ADDRESS = re.compile(_bounded(words("pitch_address")), re.I)
# The "more from this reporter" line under a story ("김민수 기자 다른기사 보기").
AUTHOR_MORE = re.compile(_bounded(words("author_more_links")), re.I)
# Whole lines only (boilerplate._drop_author_bios / _drop_adjacent_links), framed or
# closed the way labels are written ("Über den Autor:", "« Previous Post", "Next article →").
_WHOLE_OPEN = r"^[\W_]*(?:"
_WHOLE_CLOSE = r")[\W_]*$"
AUTHOR_BIO_LABEL = re.compile(_WHOLE_OPEN + _any("author_bio_labels") + _WHOLE_CLOSE, re.I)
ADJACENT_LABEL = re.compile(_WHOLE_OPEN + _any("adjacent_article_labels") + _WHOLE_CLOSE, re.I)
# The words of a reading-time line ("3 Min Lesezeit", "5 min read").
READING_TIME = re.compile(_bounded(words("reading_time_words")), re.I)

# --- verdict: interstitials ---------------------------------------------------------------

# In the body: a paywall or a consent banner served instead of the article.
INTERSTITIAL = re.compile(
    "(?:" + alternation(words("paywall_phrases") + words("consent_phrases")) + ")", re.I
)
# In the body: a bot check or a script-only shell served instead of the page (the verdict
# only: body selection keeps such a box, the only text the page has).
BOT_CHECK = re.compile("(?:" + _any("bot_check_phrases") + ")", re.I)
# In the article's own container: a paywall (most pages carry a consent banner somewhere).
PAYWALL = re.compile("(?:" + _any("paywall_phrases") + ")", re.I)
# The title of a consent wall, as the whole of a heading or the page title.
CONSENT_TITLE = re.compile(
    r"^\W*(?:" + _any("consent_titles") + r")\W*$", re.I
)
# The label of a control that accepts a consent notice, as the whole of its text.
# A link to a tag or topic page: its URL folder (lexicon.common.TAG_PATH_WORDS), or the
# rel="tag" WordPress and others write on it (read by the caller).
TAG_LINK_PATH = re.compile(r"/(?:" + alternation(TAG_PATH_WORDS) + r")(?:/|=|$)", re.I)
# The whole text beside a tag line's links: its label ("Tags:", "Теги:", "Filed under")
TAG_LABEL = re.compile(r"^\W*(?:" + _any("tag_labels") + r")\W*$", re.I)
# An error page's headline or title: a not-found phrase, or "404" standing alone.
NOT_FOUND_TITLE = re.compile(
    r"(?:" + _any("not_found_titles") + r")|^\W*404\W*$|^\W*404\W", re.I
)
CONSENT_ACCEPT = re.compile(r"^\W*(?:" + _any("consent_accept_labels") + r")\W*$", re.I)
# A word of a consent notice's text (counted per thousand characters of the body).
CONSENT_TERM = re.compile(_bounded(words("consent_terms")), re.I)

# --- captions: credits ----------------------------------------------------------------------

CREDIT_WORDS = _any("credit_words")
CREDIT_BY = _any("credit_by")
PROVIDED_BY = _any("provided_by")
COPYRIGHT = alternation(COPYRIGHT_MARKS)
AGENCIES = alternation(PHOTO_AGENCIES)

# --- metadata: bylines ------------------------------------------------------------------------

BYLINE_PREFIX = re.compile(r"^(?:" + _any("byline_prefixes") + r")\s+", re.I)
# Separators between author names in one string (case matters: "Anderson").
AUTHOR_SEPARATOR = re.compile(r"\s*(?:,| (?:" + _any("author_joiners") + r") | & |;)\s*")

# --- dates: labels ----------------------------------------------------------------------------

_LABEL_END = r"\W{0,3}\s*[^\d]{0,25}$"  # the label right before a date ("Updated: Dec. 2")
# A label is a word of its own: not the end of "Corona-Update" or "Softwareupdate" (scripts
# written without spaces, such as Korean "기사수정", have no such boundary)
_LABEL_START = r"(?<![a-zß-öø-ÿ-])"
MODIFIED_LABEL = re.compile(
    _LABEL_START + r"(?:" + _any("modified_labels") + ")" + _LABEL_END, re.I
)
PUBLISHED_LABEL = re.compile(
    _LABEL_START + r"(?:" + _any("published_labels") + ")" + _LABEL_END, re.I
)
PUBLISHED_ANY = re.compile(r"(?:" + _any("published_labels") + ")", re.I)
# A wire story's dateline opening its first paragraph: a place, a day and month without a
# year, the agency ("LONDON, March 14 (Reuters) -", "MADRID, 14 Mar. (EUROPA PRESS) -",
# "New Delhi, Mar 14 (PTI)", "МОСКВА, 29 июня. /ТАСС/."); group 1 is the day and month.
WIRE_DATELINE = re.compile(
    r"^\s*(?:[^\W\d_][^\n,()/]{0,40})?(?:,[^\n,()/]{1,30})?,\s*"
    r"([^\W\d_]{3,12}\.?\s+\d{1,2}|\d{1,2}\.?\s+[^\W\d_]{3,12}\.?)"
    r"\s*\.?\s*(?:\([^\n()]{2,30}\)|/[^\n/]{2,30}/)"
    # then a dash or stop, or the story's first capitalised word ("(PTI) The ..."); not a
    # sentence going on ("March 14 (local time), the ...")
    r"\s*(?:[-–—:.]|(?=[A-ZÀ-ÝА-ЯЁ]))"
)
# The site's "today" bar: a date right after a word for today that opens the text (or
# follows a separator) and at most three words ("Today: Wednesday,", "Heute ist Mittwoch,
# der", "Aujourd'hui mercredi") is the fetch day; "said today that on" is a sentence.
TODAY_LABEL = re.compile(
    r"(?:^|[|·•;:()\[\]–—-])\s*(?:"
    + alternation(w for lang in LANGUAGES for w, days in lang.day_words.items() if days == 0)
    + r")(?![^\W\d_])[\s:：,.|\-–]*(?:[^\W\d_]+[\s:：,.]*){0,3}$",
    re.I,
)
# A publication word right after a date, perhaps after its time ("... um 23:03 Uhr gepostet").
PUBLISHED_AFTER = re.compile(
    r"^\W*(?:(?:um|om|,)?\s*\d{1,2}[:.]\d{2}\s*(?:uhr|h)?\s*)?(?:"
    + _any("published_after")
    + r")(?![^\W\d_])",
    re.I,
)
ORIGINAL_LABEL = re.compile(
    _LABEL_START + r"(?:" + _any("original_labels") + ")" + _LABEL_END, re.I
)
# Account and registration dates are never the date of a publication.
REGISTERED_LABEL = re.compile(r"(?:" + _any("registered_labels") + ")" + _LABEL_END, re.I)


def _connector(word: str) -> str:
    edge = r"\b" if re.match(r"\w", word[-1]) else ""
    return r"\b" + re.escape(word) + edge


def _words_alternation(concept: str) -> str:
    """Whole words: a word ending in a letter ends at a word boundary."""
    return "|".join(_connector(w)[2:] for w in sorted(words(concept), key=len, reverse=True))


# Words after a time: "10:40 Uhr", "14:30 h".
CLOCK_WORD = _words_alternation("clock_words")
# A time after a date: "2 December 2024 at 10:40 AM", "02.12.2024, 10:40 Uhr", "... 10:40 CET".
TIME_AFTER = re.compile(
    r"\s*,?\s*(?:"  # "29 January 2020, at 13:22"
    + "|".join(_connector(w) for w in sorted(words("time_connectors"), key=len, reverse=True))
    + r"|-|–|—|\||/|T)?\s*"
    r"(\d{1,2})[:h.](\d{2})(?::(\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|" + CLOCK_WORD + ")?"
    r"(?:\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}|[A-Z]{3,4}\b))?",
    re.I,
)
# Written dates: a day number's suffix ("2nd", "1er", "1º"); after a month-first date's day,
# only those of languages that write the month first; the words between day, month, year.
ORDINAL = alternation(words("ordinal_suffixes"))
MONTH_FIRST_ORDINAL = alternation(
    w for lang in LANGUAGES if lang.month_first for w in lang.ordinal_suffixes
)
DAY_MONTH_JOINER = r"(?:(?:" + _any("day_month_joiners") + r")\s+)?"
MONTH_YEAR_JOINER = r"(?:(?:" + _any("month_year_joiners") + r")\s+)?"

# "오후 3시 20분", "午前11時30分", "下午3点": an optional half-day word, hour, minutes.
CJK_CLOCK = (
    r"(?:\s*(" + _any("half_day_words") + r")?\s*(\d{1,2})\s*[:시時点](\s*\d{2})?)?"
)
AFTERNOON_WORDS = frozenset(
    w for lang in LANGUAGES for w, pm in lang.half_day_words.items() if pm
)

# --- dates: relative to the fetch time ----------------------------------------------------------


@dataclass(frozen=True)
class AgoPattern:
    """One way of writing "N units ago", shared by the languages that write it alike."""

    regex: re.Pattern[str]  # group 1: the amount, group 2: the unit
    one_words: frozenset[str]
    units: dict[str, TimeUnit]


def _ago_patterns() -> tuple[AgoPattern, ...]:
    groups: dict[tuple[str, str, bool], list] = {}
    for lang in LANGUAGES:
        key = (lang.ago_before, lang.ago_after, lang.unspaced)
        if key != ("", "", False):
            groups.setdefault(key, []).append(lang)
    out = []
    for (before, after, unspaced), langs in groups.items():
        ones = [w for lang in langs for w in lang.one_words]
        units = {w: u for lang in langs for w, u in lang.time_units.items()}
        amount = "|".join([r"\d+", *(re.escape(w) for w in sorted(ones, key=len, reverse=True))])
        unit = alternation(units)
        if unspaced:
            source = rf"({amount})\s*({unit})\s*{re.escape(after)}"
        elif before:
            source = rf"\b{re.escape(before)}\s+({amount})\s+({unit})\b"
        else:
            source = rf"\b({amount})\s+({unit})\s+{re.escape(after)}\b"
        out.append(AgoPattern(re.compile(source, re.I), frozenset(ones), units))
    return tuple(out)


AGO_PATTERNS = _ago_patterns()


@dataclass(frozen=True)
class DayWord:
    days_back: int
    language: str
    own_language_only: bool


DAY_WORDS: dict[str, DayWord] = {}
for _lang in LANGUAGES:
    for _word, _days in _lang.day_words.items():
        DAY_WORDS.setdefault(
            _word, DayWord(_days, _lang.code, _word in _lang.own_language_day_words)
        )
# A day word opening a short text ("Gestern, 14:30").
DAY_WORD = re.compile(r"^(?:[^\w]*)(" + alternation(DAY_WORDS) + r")\b", re.I)


def _ago_hint(lang_before: str, lang_after: str, unspaced: bool) -> str:
    if unspaced:
        return re.escape(lang_after)
    if lang_before:
        return r"\b" + re.escape(lang_before) + r"\s"
    return r"\s" + re.escape(lang_after) + r"\b"


# A cheap test before the relative-date patterns: an "ago" word or a day word (up to an
# apostrophe, which pages write in several ways).
REL_HINT = re.compile(
    "|".join(
        dict.fromkeys(
            [_ago_hint(lang.ago_before, lang.ago_after, lang.unspaced)
             for lang in LANGUAGES if lang.ago_before or lang.ago_after]
            + [re.escape(re.split(r"['’]", w)[0]) for w in DAY_WORDS]
        )
    ),
    re.I,
)


# Faster "no match" answers for the case-insensitive patterns above (clean/caseless.py).
speed_up(globals())

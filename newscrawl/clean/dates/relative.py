"""Dates stated relative to the fetch time: "3 hours ago", "gestern", and year-less
bylines ("Dec. 2", "[06月24日 11時30分]")."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from functools import lru_cache
from typing import Any

from ..lexicon import LANGUAGES, TimeUnit
from ..lexicon.patterns import (
    AGO_PATTERNS,
    CJK_CLOCK,
    DAY_MONTH_JOINER,
    DAY_WORD,
    DAY_WORDS,
    MONTH_FIRST_ORDINAL,
    ORDINAL,
    REL_HINT,
    TIME_AFTER,
)
from ..lexicon.trie import alternation
from .model import Context, Stamp
from .parse import YEAR_HINT, cjk_clock, make_stamp, month_patterns, time_after

# What a unit of a relative date is worth; weeks and longer are too vague to name a day.
_UNITS = {
    TimeUnit.SECOND: timedelta(seconds=1),
    TimeUnit.MINUTE: timedelta(minutes=1),
    TimeUnit.HOUR: timedelta(hours=1),
    TimeUnit.DAY: timedelta(days=1),
}
_WORDS = re.compile(r"[^\W\d_]{2,}")


def _in_sentence(text: str, m: re.Match[str]) -> bool:
    """More than four words around the match: a sentence, not a byline."""
    return len(_WORDS.findall(text[: m.start()] + " " + text[m.end() :])) > 4


# Languages whose lexicon file writes "ago": their relative dates are read from its words;
# the others' (a file without them, or no file) from dateparser's locale data.
_FILED = frozenset(lang.code for lang in LANGUAGES if lang.ago_before or lang.ago_after)
# dateparser's English rendering of a translated relative date ("2 часа назад" -> "2 hour
# ago", "вчера в 10:15" -> "1 day ago 10:15", Arabic "منذ ساعتين" -> "ago 2 hour")
_TRANSLATED = re.compile(
    r"(?<![\w.])(?:(\d+) (second|minute|hour|day) ago|ago (\d+) (second|minute|hour|day))"
    r"(?: (\d{1,2}):(\d{2}))?(?![\w.:])"
)


@lru_cache(maxsize=64)
def _locale(lang: str) -> Any:
    from dateparser.languages.loader import default_loader

    try:
        return default_loader.get_locale(lang)
    except Exception:  # a language dateparser does not know
        return None


@lru_cache(maxsize=64)
def foreign_relative_hint(lang: str) -> re.Pattern[str] | None:
    """For a language without a lexicon file: its "ago" words and its words for today,
    yesterday and the day before, from dateparser's locale data (None for a filed language
    or one dateparser does not know)."""
    if lang in _FILED:
        return None
    locale = _locale(lang)
    if locale is None:
        return None
    info = locale.info
    words = list(info.get("ago") or [])
    for key, names in (info.get("relative-type") or {}).items():
        if key in ("0 day ago", "1 day ago", "2 day ago"):
            words += names
    words = [w for w in words if len(w) >= 2]
    return re.compile(alternation(words), re.I) if words else None


def _translated_relative(text: str, ctx: Context, now: datetime) -> Stamp | None:
    """A short text in a language without a lexicon file, turned into English words by
    dateparser's locale data and read there. Kept to the forms that name a day: amounts of
    seconds to days, and day words with a clock."""
    if ctx.relative_hint is None or not ctx.relative_hint.search(text):
        return None
    locale = _locale(ctx.langs[0])
    try:
        english = locale.translate(text, keep_formatting=False, settings=_dateparser_settings())
    except Exception:  # dateparser's data is not ours to vouch for
        return None
    m = _TRANSLATED.search(english)
    if m is None or _in_sentence(english, m) or _WORDS.search(english, m.end()):
        return None  # a sentence, or words after the date: "Сегодня в эфире" (on air today)
    amount, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    if unit == "day":
        day = now.date() - timedelta(days=int(amount))
        if m.group(5) is not None:
            try:
                clock = time(int(m.group(5)), int(m.group(6)))
            except ValueError:
                return None
            return Stamp(day, clock, now.utcoffset() if ctx.tz else None)
        return Stamp(day)
    if m.group(5) is not None:
        return None  # "2 hours ago 10:15": not a form pages write
    moment = (now - int(amount) * _UNITS[TimeUnit(unit)]).replace(second=0, microsecond=0)
    return Stamp(moment.date(), moment.time().replace(tzinfo=None), moment.utcoffset())


@lru_cache(maxsize=1)
def _dateparser_settings() -> Any:
    from dateparser.conf import settings

    return settings


def parse_relative(text: str, ctx: Context) -> Stamp | None:
    """Relative dates ("3 hours ago", "vor 2 Tagen", "어제") resolved against the fetch
    time; None without one."""
    if ctx.now is None:
        return None
    if not REL_HINT.search(text):
        if ctx.relative_hint is None:
            return None
        now = ctx.now.astimezone(ctx.tz) if ctx.tz else ctx.now
        return _translated_relative(text, ctx, now)
    now = ctx.now.astimezone(ctx.tz) if ctx.tz else ctx.now
    stripped = text.strip()
    m = DAY_WORD.match(stripped)
    word = DAY_WORDS.get(m.group(1).lower()) if m else None
    if m and word and not (word.own_language_only and ctx.langs[0] != word.language):
        # ("hier" is "yesterday" only in French; in German and Dutch it is "here")
        clock = TIME_AFTER.match(stripped, m.end())
        if _WORDS.search(stripped, clock.end() if clock else m.end()):
            return None  # "Today's Paper", "Heute schon an morgen denken": not a date
        day = now.date() - timedelta(days=word.days_back)
        hh, mm, _, _ = time_after(stripped, m.end())
        if hh is not None:
            # a wall-clock time: its offset is the site's, known only from the profile
            return Stamp(day, time(hh, mm), now.utcoffset() if ctx.tz else None)
        return Stamp(day)
    for ago in AGO_PATTERNS:
        m = ago.regex.search(text)
        if not m:
            continue
        if _in_sentence(text, m):
            return None  # a sentence that tells of some time ago, not a byline
        amount_s, unit_s = m.group(1).lower(), m.group(2).lower()
        amount = 1 if amount_s in ago.one_words else int(amount_s) if amount_s.isdigit() else None
        unit = ago.units.get(unit_s, TimeUnit.VAGUE)
        if amount is None or unit not in _UNITS:
            return None  # weeks, months, years: too vague to name a day
        moment = now - amount * _UNITS[unit]
        if unit is TimeUnit.DAY:
            return Stamp(moment.date())
        moment = moment.replace(second=0, microsecond=0)
        return Stamp(moment.date(), moment.time().replace(tzinfo=None), moment.utcoffset())
    return None


# Year-less dates ("[06月24日 11時30分]", "Dec. 2, 10:40 AM", "2. Dezember"): news sites print
# them for this year's articles. Only short byline-sized texts are read this way.
YEARLESS_HINT = re.compile(
    r"\d{1,2}\s*[月월]\s*\d{1,2}|[^\W\d_]{3,}\.?\s+\d{1,2}(?!\d)|(?<!\d)\d{1,2}\.?\s*[^\W\d_]{3,}"
)
_CJK_NO_YEAR = re.compile(r"(?<![\d年년])(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]" + CJK_CLOCK)


@lru_cache(maxsize=128)
def _yearless_patterns(langs: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    names, _dmy, _mdy = month_patterns(langs)
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    dm = re.compile(
        r"(?<![\d.])(\d{1,2})(?:" + ORDINAL + r")?\.?\s*" + DAY_MONTH_JOINER
        + "(" + alt + r")(?![^\W\d_])",
        re.I,
    )
    md = re.compile(
        r"(?<![^\W\d_])(" + alt + r")(?![^\W\d_])\.?\s+(\d{1,2})(?:" + MONTH_FIRST_ORDINAL
        + r")?(?![\d:.])",
        re.I,
    )
    return dm, md


def parse_yearless(text: str, ctx: Context) -> Stamp | None:
    """A day and month without a year, in the most recent year that does not put it after
    the fetch time; None without a fetch time or when the text also holds a year."""
    if ctx.now is None or YEAR_HINT.search(text) or not YEARLESS_HINT.search(text):
        return None
    now = ctx.now.astimezone(ctx.tz) if ctx.tz else ctx.now
    month = day = None
    hh = mm = None
    m = _CJK_NO_YEAR.search(text)
    if m:
        month, day = int(m.group(1)), int(m.group(2))
        hh, mm = cjk_clock(m.group(3), m.group(4), m.group(5))
    else:
        names, _dmy, _mdy = month_patterns(ctx.langs)
        dm, md = _yearless_patterns(ctx.langs)
        for pattern, mg, dg in ((dm, 2, 1), (md, 1, 2)):
            m = pattern.search(text)
            if m:
                month = names.get(m.group(mg).lower().rstrip("."))
                day = int(m.group(dg))
                hh, mm, _ss, _off = time_after(text, m.end())
                break
    if month is None or day is None or m is None:
        return None
    if _in_sentence(text, m):
        return None  # "bis Oktober 09 sind die Protokolle...", not a byline
    for year in (now.year, now.year - 1):
        st = make_stamp(year, month, day, hh, mm)
        if st is not None and st.day <= now.date() + timedelta(days=1):
            if st.clock is not None and ctx.tz is not None:
                # a wall-clock time: its offset is the site's, known only from its zone
                offset = datetime.combine(st.day, st.clock).replace(tzinfo=ctx.tz).utcoffset()
                st = Stamp(st.day, st.clock, offset)
            return st
    return None


def short_date(text: str, ctx: Context) -> Stamp | None:
    """A byline-sized text's date stated relative to the fetch time: "3 hours ago",
    "gestern", "Dec. 2"."""
    return parse_relative(text, ctx) or parse_yearless(text, ctx)

"""Dates written out in full: ISO and numeric forms, month names in about 200 languages
(from dateparser's locale data), CJK forms, times and UTC offsets, and the labels that say
which date a date is ("Updated:", "Veröffentlicht am": lexicon.patterns)."""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache, partial
from typing import Any

from ..lexicon import LANGUAGES
from ..lexicon.common import (
    DIGIT_ZEROS,
    ERA_YEAR_OFFSETS,
    EXTRA_MONTH_NAMES,
    NUMBERED_MONTH_WORDS,
    YEAR_FIRST_NAMED,
    ZONE_ABBREVIATIONS,
)
from ..lexicon.patterns import (
    AFTERNOON_WORDS,
    CJK_CLOCK,
    DAY_MONTH_JOINER,
    MONTH_FIRST_ORDINAL,
    MONTH_YEAR_JOINER,
    ORDINAL,
    TIME_AFTER,
)
from .model import Context, Stamp

_OFFSET = r"(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)"
# 2024-12-02, 2024/12/02, 2024.12.02, optionally with a time and an offset
_YMD = re.compile(
    r"(?<![\d.])((?:19|20)\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])"
    r"(?:(?:T|\s+|,\s*|\s*[-–|]\s*)(\d{1,2})[:h](\d{2})(?::(\d{2}))?(?:[.,:]\d+)?\s*"
    + _OFFSET
    + "?)?",
    re.I,
)
# 02.12.2024, 2/12/2024, 02-12-2024 (and two-digit years with dots: 02.12.24)
_DMY_NUM = re.compile(
    r"(?<![\d.,/-])(\d{1,2})([./-]|\s\|\s)(\d{1,2})\2((?:19|20)\d{2}|\d{2})(?![\d]|\.\d)"
)
# 2024년 12월 2일 / 2024年12月2日, with a clock ("오후 3시 20분")
_CJK = re.compile(
    r"((?:19|20)\d{2})\s*[년年]\s*(\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日号號]?"
    r"(?:\s*\(?[월화수목금토일月火水木金土日][요曜]?[일日]?\)?(?![\w]))?" + CJK_CLOCK  # weekday
)
# 2024. 3. 14. 09:15 / 2024. 03. 14. 오후 3:05: Korean (and Hungarian) numeric dates, a
# space after each dot, the clock in 24 hours or after a half-day word
_YMD_SPACED = re.compile(r"(?<![\d.])((?:19|20)\d{2})\. (\d{1,2})\. (\d{1,2})(?!\d)\.?" + CJK_CLOCK)
# the clock after a dotted date's closing dot: 2024.03.14. 오전 9:15
_DOT_CLOCK = re.compile(r"\.?" + CJK_CLOCK)
_COMPACT_TIME = re.compile(r"T(\d{2}):?(\d{2})(?::?(\d{2}))?(?:[.,]\d+)?" + _OFFSET + "?", re.I)
_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
# Other scripts' digits, one character for one ASCII digit: offsets into a text stay valid.
_DIGIT_TABLE = {ord(zero) + i: ord("0") + i for zero in DIGIT_ZEROS for i in range(10)}
_OTHER_DIGIT = "[" + "".join(f"{zero}-{chr(ord(zero) + 9)}" for zero in DIGIT_ZEROS) + "]"
# A Buddhist Era year (2540-2599) after a Thai word: "2 มีนาคม 2563", "2 มี.ค. 2563"
_THAI_YEAR = r"[\u0e00-\u0e7f]\.? 25[4-9]\d(?!\d)"
_ERA_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_ASCII_YEAR_HINT = re.compile(r"(?:19|20)\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2}(?!\d)|[년年]")
# ... or a Thai abbreviated month and a two-digit Buddhist Era year: "2 มี.ค. 63"
_THAI_SHORT_YEAR = r"[\u0e00-\u0e7f]\.\s?[4-9]\d(?![\d:])"
_NATIVE_YEAR_HINT = re.compile(_OTHER_DIGIT + "{4}|" + _THAI_YEAR + "|" + _THAI_SHORT_YEAR)


class _YearHint:
    """Whether a text may hold a written date (a cheap test before parsing it): a year in
    ASCII digits, "nn/nn/nn", 년/年; in a text with other characters also a year in another
    script's digits or a Buddhist Era year (a second regex: one combined pattern made every
    search three times slower)."""

    def search(self, text: str) -> re.Match[str] | None:
        found = _ASCII_YEAR_HINT.search(text)
        if found is None and not text.isascii():
            found = _NATIVE_YEAR_HINT.search(text)
        return found


YEAR_HINT = _YearHint()

_MONTH_KEYS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# Languages whose month names are tried on every page (lexicon: months_on_every_page).
CORE_LANGS = tuple(lang.code for lang in LANGUAGES if lang.months_on_every_page)
LANG_ALIASES = {"no": "nb", "iw": "he", "in": "id", "jw": "jv"}


def _script_locales(lang: str) -> list[str]:
    """The language and its per-script locales in dateparser's data: a page declaring "sr"
    (or "sr-Latn", read as "sr") may be written in either of Serbian's scripts."""
    from dateparser.data.languages_info import language_order

    return [lang] + [
        loc for loc in language_order if loc.startswith(lang + "-") and len(loc) == len(lang) + 5
    ]


@lru_cache(maxsize=128)
def month_patterns(
    langs: tuple[str, ...],
) -> tuple[dict[str, int], re.Pattern[str], re.Pattern[str]]:
    """Month names of the given languages (first language wins a clash) and the
    day-month-year / month-day-year regexes built from them. A name may be followed by
    another after a slash ("2 مارس/آذار 2020": two calendars' names of one month)."""
    from dateparser.languages.loader import default_loader

    names: dict[str, int] = {}
    for lang in langs:
        for locale in _script_locales(lang):
            try:
                info = default_loader.get_locale(locale).info
            except Exception:  # unknown locale: the core languages still apply
                continue
            for number, key in enumerate(_MONTH_KEYS, 1):
                for name in info.get(key) or []:
                    n = name.lower().rstrip(".")
                    if len(n) < 3 or any(ch.isdigit() for ch in n):
                        continue
                    names.setdefault(n, number)
        for number, name in enumerate(EXTRA_MONTH_NAMES.get(lang, ()), 1):
            names.setdefault(name.lower().rstrip("."), number)
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    end = r"(?![^\W\d_])"
    # the month's name, then maybe its other calendar's after a slash ("مارس/آذار")
    month = "(" + alt + ")" + end + r"(?:\.?\s*/\s*(?:" + alt + ")" + end + ")?"
    dmy = re.compile(
        r"(?<!\d)(\d{1,2})(?:"
        + ORDINAL
        + r")?\.?\s*"
        + DAY_MONTH_JOINER
        + month
        + r"\.?[,،]?\s*"  # the Latin or the Arabic comma ("14 مارچ، 2024")
        + MONTH_YEAR_JOINER
        + r"((?:19|20)\d{2})(?!\d)",
        re.I,
    )
    mdy = re.compile(
        r"(?<![^\W\d_])"
        + month
        + r"\.?\s+(\d{1,2})(?:"
        + MONTH_FIRST_ORDINAL
        + r")?\.?[,،]?\s+((?:19|20)\d{2})(?!\d)",
        re.I,
    )
    return names, dmy, mdy


@lru_cache(maxsize=128)
def _year_first_named(langs: tuple[str, ...]) -> re.Pattern[str] | None:
    """A year, its mark, a month's name, a day ("2020. március 2.", "2020 m. kovo 2 d."),
    only for pages in a language that writes dates so (lexicon.common.YEAR_FIRST_NAMED)."""
    marks = [YEAR_FIRST_NAMED[lang] for lang in langs if lang in YEAR_FIRST_NAMED]
    if not marks:
        return None
    names, _dmy, _mdy = month_patterns(langs)
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    year_marks = "|".join(re.escape(y) for y, _d in marks)
    day_marks = "|".join(re.escape(d) for _y, d in marks)
    return re.compile(
        r"(?<![\d.])((?:19|20)\d{2})\s*(?:" + year_marks + r")\s*(" + alt + r")(?![^\W\d_])"
        r"\.?\s*(\d{1,2})(?:\s*(?:" + day_marks + r"))?(?!\d)",
        re.I,
    )


@lru_cache(maxsize=8)
def _thai_short_year(langs: tuple[str, ...]) -> re.Pattern[str] | None:
    """"2 มี.ค. 63": a Thai month and the Buddhist Era year's last two digits (2563 = 2020),
    as Thai news sites write bylines; only on Thai pages."""
    if "th" not in langs:
        return None
    names, _dmy, _mdy = month_patterns(("th",))
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<!\d)(\d{1,2})\s*(" + alt + r")\.?\s*([4-9]\d)(?![\d:.])")


# "2 tháng 3 năm 2020", "ngày 02 tháng 03, 2020": a day, the month word and its number, a year
_NUMBERED_MONTH = re.compile(
    r"(?<!\d)(\d{1,2})\s+(?:"
    + "|".join(re.escape(w) for w in NUMBERED_MONTH_WORDS)
    + r")\s+(\d{1,2}),?\s+"
    + MONTH_YEAR_JOINER
    + r"((?:19|20)\d{2})(?!\d)",
    re.I,
)


def _offset(text: str | None) -> timedelta | None:
    if not text:
        return None
    t = text.upper()
    if t in ZONE_ABBREVIATIONS:
        return timedelta(minutes=ZONE_ABBREVIATIONS[t])
    m = re.fullmatch(r"([+-])(\d{2}):?(\d{2})?", t)
    if not m:
        return None
    minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
    if minutes > 14 * 60:
        return None
    return timedelta(minutes=-minutes if m.group(1) == "-" else minutes)


def cjk_clock(half: str | None, hour: str | None, minute: str | None) -> tuple[Any, Any]:
    """The groups of CJK_CLOCK as (hour, minute) on a 24-hour clock; (None, None) without
    an hour."""
    if hour is None:
        return None, None
    hh = int(hour)
    if half in AFTERNOON_WORDS and hh < 12:
        hh += 12
    return hh, int((minute or "0").strip())


def make_stamp(
    y: int | str | None,  # a regex group's digits, or a number
    mo: int | str | None,
    d: int | str | None,
    hh: Any = None,
    mm: Any = None,
    ss: Any = None,
    off: timedelta | None = None,
) -> Stamp | None:
    if y is None or mo is None or d is None:
        return None
    try:
        day = date(int(y), int(mo), int(d))
    except (ValueError, TypeError):
        return None
    clock = None
    if hh is not None and mm is not None:
        try:
            clock = time(int(hh), int(mm), int(ss or 0))
        except (ValueError, TypeError):
            clock = None
    return Stamp(day, clock, off if clock is not None else None)


def time_after(text: str, end: int) -> tuple[Any, Any, Any, timedelta | None]:
    m = TIME_AFTER.match(text, end)
    if not m:
        return None, None, None, None
    hh, mm = int(m.group(1)), int(m.group(2))
    ampm = (m.group(4) or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hh < 12:
        hh += 12
    elif ampm == "am" and hh == 12:
        hh = 0
    if hh > 23 or mm > 59:
        return None, None, None, None
    return hh, mm, m.group(3), _offset(m.group(5))


def _year(y: str) -> int:
    n = int(y)
    if len(y) == 2:
        return 2000 + n if n < 70 else 1900 + n
    return n


def parse_value(value: str, ctx: Context) -> tuple[Stamp, bool] | None:
    """Parse a value a machine wrote (metadata, attribute): ISO first, then the text forms.
    Returns (stamp, guessed_order)."""
    v = value.strip()
    if "&" in v:  # "2023-11-02T10:14:29&#x2B;05:30": an entity left in a JSON-LD string
        v = html.unescape(v)
    if not v or len(v) > 80:
        return None
    m = _YMD.search(v)
    if m:
        st = make_stamp(
            m.group(1),
            m.group(3),
            m.group(4),
            m.group(5),
            m.group(6),
            m.group(7),
            _offset(m.group(8)),
        )
        if st:
            return st, False
    if re.fullmatch(r"\d{9,10}(?:\.\d+)?|\d{13}", v):  # Unix time (seconds or milliseconds)
        n = float(v) / (1000 if len(v) == 13 else 1)
        try:
            dt = datetime.fromtimestamp(n, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
        return Stamp(dt.date(), dt.time().replace(microsecond=0), timedelta(0)), False
    m = _COMPACT.fullmatch(v[:8]) if v[:8].isdigit() else None
    if m:
        # ISO 8601's basic format: 20200414, 20200414T003807Z
        t = _COMPACT_TIME.fullmatch(v[8:])
        hh, mm, ss, off = (
            (t.group(1), t.group(2), t.group(3), _offset(t.group(4))) if t else (None,) * 4
        )
        st = make_stamp(m.group(1), m.group(2), m.group(3), hh, mm, ss, off)
        if st:
            return st, False
    found = parse_text(v, ctx, first_only=True, machine=True)
    if found:
        return found[0][0], found[0][2]
    return _dateparser(v, ctx)


def _dateparser(value: str, ctx: Context) -> tuple[Stamp, bool] | None:
    """Last resort for a short textual value (RFC 2822 dates, unusual wording)."""
    if not re.search(r"\d", value) or len(value) > 60:
        return None
    try:
        import dateparser

        dt = dateparser.parse(
            value,
            languages=list(ctx.langs) or None,
            settings={
                "PREFER_DAY_OF_MONTH": "first",
                "STRICT_PARSING": True,
                "DATE_ORDER": ctx.order,
                "REQUIRE_PARTS": ["day", "month", "year"],
            },
        )
    except Exception:
        return None
    if dt is None:
        return None
    has_time = bool(re.search(r"\d{1,2}:\d{2}", value))
    off = None
    if dt.tzinfo is not None:
        off = dt.utcoffset()
    return Stamp(dt.date(), dt.time().replace(microsecond=0) if has_time else None, off), False


def _in_common_terms(text: str, ctx: Context) -> str:
    """Other scripts' digits as ASCII, another era's years as the Common Era's: each
    replacement keeps the text's length, so offsets stay valid."""
    text = text.translate(_DIGIT_TABLE)
    for lang in ctx.langs:
        if lang in ERA_YEAR_OFFSETS:
            text = _ERA_YEAR.sub(partial(_era_year, ERA_YEAR_OFFSETS[lang]), text)
    return text


def _era_year(shift: int, m: re.Match[str]) -> str:
    year = int(m.group())
    return str(year - shift) if 2400 < year < 2700 else m.group()


def parse_text(
    text: str, ctx: Context, first_only: bool = False, machine: bool = False
) -> list[tuple[Stamp, int, bool, int]]:
    """Every date written in a piece of text: (stamp, start offset, guessed_order, end)."""
    out: list[tuple[Stamp, int, bool, int]] = []
    if not YEAR_HINT.search(text):
        return out
    if not text.isascii():
        text = _in_common_terms(text, ctx)
    taken: list[tuple[int, int]] = []

    def add(st: Stamp | None, start: int, end: int, guessed: bool = False) -> None:
        if st is None or any(a < end and start < b for a, b in taken):
            return
        taken.append((start, end))
        out.append((st, start, guessed, end))

    for m in _YMD.finditer(text):
        off = _offset(m.group(8))
        hh, mm, ss = m.group(5), m.group(6), m.group(7)
        if hh is None:
            hh, mm, ss, off = time_after(text, m.end())
        if hh is None and m.group(2) == ".":
            clock = _DOT_CLOCK.match(text, m.end())
            if clock is not None and clock.group(2) is not None:
                hh, mm = cjk_clock(clock.group(1), clock.group(2), clock.group(3))
        add(make_stamp(m.group(1), m.group(3), m.group(4), hh, mm, ss, off), m.start(), m.end())
    for m in _YMD_SPACED.finditer(text):
        hh, mm = cjk_clock(m.group(4), m.group(5), m.group(6))
        add(make_stamp(m.group(1), m.group(2), m.group(3), hh, mm), m.start(), m.end())
    for m in _CJK.finditer(text):
        hh, mm = cjk_clock(m.group(4), m.group(5), m.group(6))
        add(make_stamp(m.group(1), m.group(2), m.group(3), hh, mm), m.start(), m.end())
    names, dmy, mdy = month_patterns(ctx.langs)
    # "2. Dezember 2024" (day, month) and "December 2, 2024" (month, day): group numbers
    for pattern, month_group, day_group in ((dmy, 2, 1), (mdy, 1, 2)):
        for m in pattern.finditer(text):
            hh, mm, ss, off = time_after(text, m.end())
            month = names.get(m.group(month_group).lower().rstrip("."))
            add(
                make_stamp(m.group(3), month, m.group(day_group), hh, mm, ss, off),
                m.start(),
                m.end(),
            )
    year_first = _year_first_named(ctx.langs)
    if year_first is not None:
        for m in year_first.finditer(text):
            hh, mm, ss, off = time_after(text, m.end())
            month = names.get(m.group(2).lower().rstrip("."))
            add(make_stamp(m.group(1), month, m.group(3), hh, mm, ss, off), m.start(), m.end())
    thai = _thai_short_year(ctx.langs)
    if thai is not None:
        thai_names = month_patterns(("th",))[0]
        for m in thai.finditer(text):
            hh, mm, ss, off = time_after(text, m.end())
            year = 2500 + int(m.group(3)) - ERA_YEAR_OFFSETS["th"]
            month = thai_names.get(m.group(2).lower().rstrip("."))
            add(make_stamp(year, month, m.group(1), hh, mm, ss, off), m.start(), m.end())
    for m in _NUMBERED_MONTH.finditer(text):
        hh, mm, ss, off = time_after(text, m.end())
        add(make_stamp(m.group(3), m.group(2), m.group(1), hh, mm, ss, off), m.start(), m.end())
    for m in _DMY_NUM.finditer(text):
        a, sep, b, y = int(m.group(1)), m.group(2), int(m.group(3)), m.group(4)
        if len(y) == 2 and sep != "." or sep.strip() == "|" and ctx.order != "DMY":
            continue  # 12/02/24 is too often not a date at all
        guessed = False
        if sep == ".":
            d, mo = a, b  # dotted numeric dates are day-first everywhere they are used
        elif a > 12 >= b:
            d, mo = a, b
        elif b > 12 >= a:
            d, mo = b, a
        elif a == b:
            d, mo = a, b
        else:
            d, mo = (a, b) if ctx.order == "DMY" else (b, a)
            # software writes 11/01/2023 the US way whatever the page's language
            guessed = machine or not ctx.order_known
        hh, mm, ss, off = time_after(text, m.end())
        add(make_stamp(_year(y), mo, d, hh, mm, ss, off), m.start(), m.end(), guessed)
    out.sort(key=lambda x: x[1])
    if first_only:
        return out[:1]
    return out

"""Publication and modification dates.

Many sources state a date on a news page, and several of them lie about *this* article:
the site header prints today's date, teaser lists print other articles' dates, the footer
prints the copyright year. So every source only proposes candidates; a candidate is
weighted by how trustworthy its source is and where it sits relative to the headline,
candidates that agree on a day reinforce each other, and the page gets a date only when
the evidence is strong enough. A missing date beats a wrong one.

Parsing is done with our own regexes for the common numeric and month-name forms (month
names come from dateparser's locale data, so about 200 languages are covered); dateparser
itself (slow) only sees the few short textual values that embedded metadata gives, and
htmldate is asked for a second opinion only when the page's own evidence is thin.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from functools import lru_cache
from typing import Any
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from lxml import etree
from lxml.html import HtmlElement

from .links import split_url
from .page import Page

logger = logging.getLogger(__name__)

MIN_YEAR = 1995
# Time-zone slack for "not in the future": a page fetched at 23:00 UTC may carry tomorrow's date.
FUTURE_SLACK = timedelta(days=1)

# ---------------------------------------------------------------------------------------------
# Parsed values


@dataclass(frozen=True)
class Stamp:
    """A date as written: the calendar day, the wall-clock time if given and the UTC offset
    if given (None = the source stated none)."""

    day: date
    clock: time | None = None
    offset: timedelta | None = None


@dataclass
class Candidate:
    stamp: Stamp
    raw: str
    source: str
    weight: float
    kind: str = "published"  # "published" | "modified" | "either"
    # The day came out of a number order guessed (DD/MM vs MM/DD) without evidence.
    guessed_order: bool = False


@dataclass
class _Context:
    """What the parsers need to know about the page."""

    langs: tuple[str, ...]
    order: str  # "DMY" | "MDY": how to read an ambiguous nn/nn/yyyy
    order_known: bool  # the order came from evidence, not a default
    now: datetime | None
    tz: ZoneInfo | None
    limit: datetime  # latest plausible publication moment
    candidates: list[Candidate] = field(default_factory=list)
    # Days written only where we do not look (site header, sidebars, teasers, footer):
    # another tool's answer on one of them is the trap we avoid, not a second opinion.
    excluded: set[date] = field(default_factory=set)


# ---------------------------------------------------------------------------------------------
# Regexes for the common forms

_OFFSET = r"(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)"
# 2024-12-02, 2024/12/02, 2024.12.02, optionally with a time and an offset
_YMD = re.compile(
    r"(?<![\d.])((?:19|20)\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])"
    r"(?:(?:T|\s+|,\s*|\s*[-–|]\s*)(\d{1,2})[:h](\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*"
    + _OFFSET
    + "?)?",
    re.I,
)
# 02.12.2024, 2/12/2024, 02-12-2024 (and two-digit years with dots: 02.12.24)
_DMY_NUM = re.compile(
    r"(?<![\d.,/-])(\d{1,2})([./-]|\s\|\s)(\d{1,2})\2((?:19|20)\d{2}|\d{2})(?![\d]|\.\d)"
)
# 2024년 12월 2일 / 2024年12月2日
_CJK = re.compile(
    r"((?:19|20)\d{2})\s*[년年]\s*(\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日号號]?"
    r"(?:\s*\(?[월화수목금토일月火水木金土日][요曜]?[일日]?\)?(?![\w]))?"  # weekday
    r"(?:\s*(오전|오후|上午|下午|午前|午後)?\s*(\d{1,2})\s*[:시時点](\s*\d{2})?)?"
)
_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_TIME_AFTER = re.compile(
    r"\s*(?:,|\bum\b|\bat\b|\bà\b|\ba las\b|\bàs\b|\bom\b|\bkl\.?|\bo\b|-|–|—|\||/|T)?\s*"
    r"(\d{1,2})[:h.](\d{2})(?::(\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|uhr|h\b)?"
    r"(?:\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}|[A-Z]{3,4}\b))?",
    re.I,
)
_ZONE_ABBR = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "WET": 0,
    "CET": 60,
    "MEZ": 60,
    "CEST": 120,
    "MESZ": 120,
    "EET": 120,
    "EEST": 180,
    "MSK": 180,
    "EST": -300,
    "EDT": -240,
    "CST": -360,
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
    "KST": 540,
    "JST": 540,
    "AEST": 600,
    "AEDT": 660,
    "BST": 60,
}
_YEAR_HINT = re.compile(r"(?:19|20)\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2}(?!\d)|[년年]")

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
_CORE_LANGS = ("en", "de", "fr", "es", "it", "pt", "nl")
_LANG_ALIASES = {"no": "nb", "iw": "he", "in": "id", "jw": "jv"}


@lru_cache(maxsize=128)
def _month_patterns(
    langs: tuple[str, ...],
) -> tuple[dict[str, int], re.Pattern[str], re.Pattern[str]]:
    """Month names of the given languages (first language wins a clash) and the
    day-month-year / month-day-year regexes built from them."""
    from dateparser.languages.loader import default_loader

    names: dict[str, int] = {}
    for lang in langs:
        try:
            info = default_loader.get_locale(lang).info
        except Exception:  # unknown locale: the core languages still apply
            continue
        for month, key in enumerate(_MONTH_KEYS, 1):
            for name in info.get(key) or []:
                n = name.lower().rstrip(".")
                if len(n) < 3 or any(ch.isdigit() for ch in n):
                    continue
                names.setdefault(n, month)
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    end = r"(?![^\W\d_])"
    dmy = re.compile(
        r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|e|º|°|ª)?\.?\s*(?:de\s+|of\s+)?("
        + alt
        + ")"
        + end
        + r"\.?,?\s*(?:de\s+|del\s+)?((?:19|20)\d{2})(?!\d)",
        re.I,
    )
    mdy = re.compile(
        r"(?<![^\W\d_])("
        + alt
        + ")"
        + end
        + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?\.?,?\s+((?:19|20)\d{2})(?!\d)",
        re.I,
    )
    return names, dmy, mdy


# ---------------------------------------------------------------------------------------------
# Relative dates: (regex, unit group or fixed unit, amount group or fixed amount)

_UNITS = {
    # seconds/minutes/hours resolve to a moment, days to a day; weeks and longer are too vague
    "s": timedelta(seconds=1),
    "m": timedelta(minutes=1),
    "h": timedelta(hours=1),
    "d": timedelta(days=1),
}
_UNIT_WORDS = [
    (re.compile(r"^(?:sec|sek|seg|second|secondo|seconde|초|秒)", re.I), "s"),
    (re.compile(r"^(?:min|minute|minuto|minuut|분|分)", re.I), "m"),
    (
        re.compile(
            r"^(?:h$|hr|hour|std|stunde|heure|hora|or[ae]|uur|uren|시간|小时|小時|時間)", re.I
        ),
        "h",
    ),
    (re.compile(r"^(?:day|tag|jour|día|dia|giorn|dag|일|日|天)", re.I), "d"),
]
_ONE = {
    "a",
    "an",
    "one",
    "ein",
    "eine",
    "einer",
    "einem",
    "un",
    "une",
    "una",
    "uno",
    "um",
    "uma",
    "een",
}
_REL_AMOUNT = [
    re.compile(
        r"\b(\d+|an?|one)\s+(seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?|years?)\s+ago\b",
        re.I,
    ),
    re.compile(
        r"\bvor\s+(\d+|einer?|einem)\s+(Sekunden?|Minuten?|Min\.?|Std\.?|Stunden?|Tag(?:en)?|Wochen?|Monat(?:en)?|Jahr(?:en)?)\b",
        re.I,
    ),
    re.compile(
        r"\bil y a\s+(\d+|une?)\s+(secondes?|minutes?|min|heures?|h|jours?|semaines?|mois|ans?)\b",
        re.I,
    ),
    re.compile(
        r"\bhace\s+(\d+|una?)\s+(segundos?|minutos?|min|horas?|h|días?|dias?|semanas?|mes(?:es)?|años?)\b",
        re.I,
    ),
    re.compile(
        r"\bhá\s+(\d+|uma?)\s+(segundos?|minutos?|horas?|dias?|semanas?|mês|meses|anos?)\b", re.I
    ),
    re.compile(
        r"\b(\d+|un[ao]?)\s+(second[oi]|minut[oi]|or[ae]|giorn[oi]|settiman[ae]|mes[ei]|ann[oi])\s+fa\b",
        re.I,
    ),
    re.compile(
        r"\b(\d+|een)\s+(seconden?|minuten?|minuut|uur|uren|dagen?|weken?|maanden?|jaren?|jaar)\s+geleden\b",
        re.I,
    ),
    re.compile(r"(\d+)\s*(초|분|시간|일|주|개월|달|년)\s*전"),
    re.compile(
        r"(\d+)\s*(秒|分钟|分鐘|分|小时|小時|時間|天|日|周|週|週間|个月|個月|か月|ヶ月|年)\s*前"
    ),
]
_WORDS = re.compile(r"[^\W\d_]{2,}")
# Day words; only trusted in short date-like snippets ("Gestern, 14:30"), never in prose.
_REL_DAY = re.compile(
    r"^(?:[^\w]*)(today|yesterday|heute|gestern|vorgestern|aujourd'hui|hier|avant-hier|hoy|ayer|"
    r"anteayer|oggi|ieri|hoje|ontem|vandaag|gisteren|오늘|어제|그저께|今日|昨日|今天|昨天)\b",
    re.I,
)
_REL_DAY_N = {
    "today": 0,
    "heute": 0,
    "aujourd'hui": 0,
    "hoy": 0,
    "oggi": 0,
    "hoje": 0,
    "vandaag": 0,
    "오늘": 0,
    "今日": 0,
    "今天": 0,
    "yesterday": 1,
    "gestern": 1,
    "hier": 1,
    "ayer": 1,
    "ieri": 1,
    "ontem": 1,
    "gisteren": 1,
    "어제": 1,
    "昨日": 1,
    "昨天": 1,
    "vorgestern": 2,
    "avant-hier": 2,
    "anteayer": 2,
    "그저께": 2,
}
_REL_HINT = re.compile(
    r"ago\b|\bvor\s|il y a|hace\s|há\s|\sfa\b|geleden|전|前|today|yesterday|heute|gestern|"
    r"aujourd|hier|hoy|ayer|oggi|ieri|hoje|ontem|vandaag|gisteren|오늘|어제|今日|昨日|今天|昨天",
    re.I,
)

# Words in front of a date that say which date it is.
_MODIFIED_WORDS = (
    r"updated?|last modified|modified|aktualisiert|geändert|mis à jour|actualizado|"
    r"actualización|aggiornat[oa]|atualizad[oa]|bijgewerkt|änderung|수정|更新"
)
_PUBLISHED_WORDS = (
    r"published|posted|veröffentlicht|erschienen|erstellt|publiziert|gepostet|publié|"
    r"mise? en ligne|publicad[oa]|pubblicat[oa]|gepubliceerd|입력|등록|发布|發布|公開|发表|發表"
)
# The label right before a date ("Updated: Dec. 2, 2024 at ...").
_MODIFIED_LABEL = re.compile(r"(?:" + _MODIFIED_WORDS + r")\W{0,3}\s*[^\d]{0,25}$", re.I)
_PUBLISHED_LABEL = re.compile(r"(?:" + _PUBLISHED_WORDS + r")\W{0,3}\s*[^\d]{0,25}$", re.I)
_PUBLISHED_ANY = re.compile(r"(?:" + _PUBLISHED_WORDS + r")", re.I)
# Account and registration dates (forum profiles, "Registered 2019.04.11" press lines) are
# never the date of a publication.
_REGISTERED_LABEL = re.compile(
    r"(?:registriert(?: seit)?|registered|joined|member since|mitglied seit|dabei seit|"
    r"inscrit(?:e)? (?:le|depuis)|registrad[oa]|iscritt[oa]|lid sinds|가입일?|登録日|注册)"
    r"\W{0,3}\s*[^\d]{0,25}$",
    re.I,
)


# ---------------------------------------------------------------------------------------------
# Parsing


def _offset(text: str | None) -> timedelta | None:
    if not text:
        return None
    t = text.upper()
    if t in _ZONE_ABBR:
        return timedelta(minutes=_ZONE_ABBR[t])
    m = re.fullmatch(r"([+-])(\d{2}):?(\d{2})?", t)
    if not m:
        return None
    minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
    if minutes > 14 * 60:
        return None
    return timedelta(minutes=-minutes if m.group(1) == "-" else minutes)


def _make(
    y: int,
    mo: int,
    d: int,
    hh: Any = None,
    mm: Any = None,
    ss: Any = None,
    off: timedelta | None = None,
) -> Stamp | None:
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


def _time_after(text: str, end: int) -> tuple[Any, Any, Any, timedelta | None]:
    m = _TIME_AFTER.match(text, end)
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


def parse_value(value: str, ctx: _Context) -> tuple[Stamp, bool] | None:
    """Parse a value a machine wrote (metadata, attribute): ISO first, then the text forms.
    Returns (stamp, guessed_order)."""
    v = value.strip()
    if not v or len(v) > 80:
        return None
    m = _YMD.search(v)
    if m:
        st = _make(
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
        st = _make(m.group(1), m.group(2), m.group(3))
        if st:
            return st, False
    found = parse_text(v, ctx, first_only=True, machine=True)
    if found:
        return found[0][0], found[0][2]
    return _dateparser(v, ctx)


def _dateparser(value: str, ctx: _Context) -> tuple[Stamp, bool] | None:
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
                "RETURN_AS_TIMEZONE_AWARE": False,
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


def parse_text(
    text: str, ctx: _Context, first_only: bool = False, machine: bool = False
) -> list[tuple[Stamp, int, bool, int]]:
    """Every date written in a piece of text: (stamp, start offset, guessed_order, end)."""
    out: list[tuple[Stamp, int, bool, int]] = []
    if not _YEAR_HINT.search(text):
        return out
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
            hh, mm, ss, off = _time_after(text, m.end())
        add(_make(m.group(1), m.group(3), m.group(4), hh, mm, ss, off), m.start(), m.end())
    for m in _CJK.finditer(text):
        hh, mm = m.group(5), (m.group(6) or "0").strip()
        if hh is not None and m.group(4) in ("오후", "下午", "午後") and int(hh) < 12:
            hh = int(hh) + 12
        add(_make(m.group(1), m.group(2), m.group(3), hh, mm), m.start(), m.end())
    names, dmy, mdy = _month_patterns(ctx.langs)
    # "2. Dezember 2024" (day, month) and "December 2, 2024" (month, day): group numbers
    for pattern, month_group, day_group in ((dmy, 2, 1), (mdy, 1, 2)):
        for m in pattern.finditer(text):
            hh, mm, ss, off = _time_after(text, m.end())
            month = names.get(m.group(month_group).lower().rstrip("."))
            add(_make(m.group(3), month, m.group(day_group), hh, mm, ss, off),
                m.start(), m.end())
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
        hh, mm, ss, off = _time_after(text, m.end())
        add(_make(_year(y), mo, d, hh, mm, ss, off), m.start(), m.end(), guessed)
    out.sort(key=lambda x: x[1])
    if first_only:
        return out[:1]
    return out


def parse_relative(text: str, ctx: _Context) -> Stamp | None:
    """Relative dates ("3 hours ago", "vor 2 Tagen", "어제") resolved against the fetch
    time; None without one."""
    if ctx.now is None or not _REL_HINT.search(text):
        return None
    now = ctx.now.astimezone(ctx.tz) if ctx.tz else ctx.now
    stripped = text.strip()
    m = _REL_DAY.match(stripped)
    if m and not (m.group(1).lower() in ("hier", "avant-hier") and ctx.langs[0] != "fr"):
        # ("hier" is "yesterday" only in French; in German and Dutch it is "here")
        clock = _TIME_AFTER.match(stripped, m.end())
        if _WORDS.search(stripped, clock.end() if clock else m.end()):
            return None  # "Today's Paper", "Heute schon an morgen denken": not a date
        day = now.date() - timedelta(days=_REL_DAY_N.get(m.group(1).lower(), 0))
        hh, mm, _, _ = _time_after(stripped, m.end())
        if hh is not None:
            # a wall-clock time: its offset is the site's, known only from the profile
            return Stamp(day, time(hh, mm), now.utcoffset() if ctx.tz else None)
        return Stamp(day)
    for rx in _REL_AMOUNT:
        m = rx.search(text)
        if not m:
            continue
        if len(_WORDS.findall(text[: m.start()] + " " + text[m.end() :])) > 4:
            return None  # a sentence that tells of some time ago, not a byline
        amount_s, unit_s = m.group(1), m.group(2)
        amount = 1 if amount_s.lower() in _ONE else int(amount_s) if amount_s.isdigit() else None
        unit = next((u for pat, u in _UNIT_WORDS if pat.match(unit_s)), None)
        if amount is None or unit is None:
            return None  # weeks, months, years: too vague to name a day
        moment = now - amount * _UNITS[unit]
        if unit == "d":
            return Stamp(moment.date())
        moment = moment.replace(second=0, microsecond=0)
        return Stamp(moment.date(), moment.time().replace(tzinfo=None), moment.utcoffset())
    return None


# Year-less dates ("[06月24日 11時30分]", "Dec. 2, 10:40 AM", "2. Dezember"): news sites print
# them for this year's articles. Only short byline-sized texts are read this way.
_YEARLESS_HINT = re.compile(
    r"\d{1,2}\s*[月월]\s*\d{1,2}|[^\W\d_]{3,}\.?\s+\d{1,2}(?!\d)|(?<!\d)\d{1,2}\.?\s*[^\W\d_]{3,}"
)
_CJK_NO_YEAR = re.compile(
    r"(?<![\d年년])(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]"
    r"(?:\s*(오전|오후|上午|下午|午前|午後)?\s*(\d{1,2})\s*[:時시点]\s*(\d{2})?)?"
)


@lru_cache(maxsize=128)
def _yearless_patterns(langs: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    names, _dmy, _mdy = _month_patterns(langs)
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    dm = re.compile(
        r"(?<![\d.])(\d{1,2})(?:st|nd|rd|th|er|e)?\.?\s*(?:de\s+|of\s+)?(" + alt + r")(?![^\W\d_])",
        re.I,
    )
    md = re.compile(
        r"(?<![^\W\d_])(" + alt + r")(?![^\W\d_])\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?![\d:.])",
        re.I,
    )
    return dm, md


def parse_yearless(text: str, ctx: _Context) -> Stamp | None:
    """A day and month without a year, in the most recent year that does not put it after
    the fetch time; None without a fetch time or when the text also holds a year."""
    if ctx.now is None or _YEAR_HINT.search(text) or not _YEARLESS_HINT.search(text):
        return None
    now = ctx.now.astimezone(ctx.tz) if ctx.tz else ctx.now
    month = day = None
    hh = mm = None
    m = _CJK_NO_YEAR.search(text)
    if m:
        month, day = int(m.group(1)), int(m.group(2))
        if m.group(4) is not None:
            hh, mm = int(m.group(4)), int((m.group(5) or "0").strip())
            if m.group(3) in ("오후", "下午", "午後") and hh < 12:
                hh += 12
    else:
        names, _dmy, _mdy = _month_patterns(ctx.langs)
        dm, md = _yearless_patterns(ctx.langs)
        for pattern, mg, dg in ((dm, 2, 1), (md, 1, 2)):
            m = pattern.search(text)
            if m:
                month = names.get(m.group(mg).lower().rstrip("."))
                day = int(m.group(dg))
                hh, mm, _ss, _off = _time_after(text, m.end())
                break
    if month is None or day is None or m is None:
        return None
    rest = text[: m.start()] + " " + text[m.end() :]
    if len(_WORDS.findall(rest)) > 4:
        return None  # a sentence ("bis Oktober 09 sind die Protokolle..."), not a byline
    for year in (now.year, now.year - 1):
        st = _make(year, month, day, hh, mm)
        if st is not None and st.day <= now.date() + timedelta(days=1):
            if st.clock is not None and ctx.tz is not None:
                # a wall-clock time: its offset is the site's, known only from its zone
                offset = datetime.combine(st.day, st.clock).replace(tzinfo=ctx.tz).utcoffset()
                st = Stamp(st.day, st.clock, offset)
            return st
    return None


def _short_date(text: str, ctx: _Context) -> Stamp | None:
    """A byline-sized text's date stated relative to the fetch time: "3 hours ago",
    "gestern", "Dec. 2"."""
    return parse_relative(text, ctx) or parse_yearless(text, ctx)


# ---------------------------------------------------------------------------------------------
# Page context


def _languages(page: Page) -> tuple[str, ...]:
    meta = page.structured.meta if page.structured else {}
    raw = (
        page.root.get("lang")
        or page.root.get("xml:lang")
        or meta.get("content-language")
        or meta.get("og:locale")
        or meta.get("language")
        or ""
    )
    lang = re.split(r"[-_,;\s]", raw.strip().lower())[0] if raw else ""
    lang = _LANG_ALIASES.get(lang, lang)
    langs = [lang] if re.fullmatch(r"[a-z]{2,3}", lang or "") else []
    return tuple(dict.fromkeys(langs + list(_CORE_LANGS)))


def _region(page: Page) -> str:
    meta = page.structured.meta if page.structured else {}
    raw = page.root.get("lang") or meta.get("content-language") or meta.get("og:locale") or ""
    parts = re.split(r"[-_]", raw.strip().lower())
    return parts[1] if len(parts) > 1 else ""


_MDY_REGIONS = {"us", "ph", "fm", "pw", "mh"}
_DMY_TLDS = {"uk", "au", "nz", "ie", "in", "za", "sg", "my", "pk", "ng", "ke"}


def _number_order(page: Page, langs: tuple[str, ...]) -> tuple[str, bool]:
    """How to read 02/03/2024 by the page's language and region (MDY only for US English),
    and whether that is known or a default; see also _learn_order."""
    lang, region = langs[0] if langs else "", _region(page)
    host = urlsplit(page.url).hostname or ""
    tld = host.rsplit(".", 1)[-1]
    if lang == "en":
        if region in _MDY_REGIONS:
            return "MDY", True
        if region or tld in _DMY_TLDS:
            return "DMY", True
        return "MDY", False
    if lang in ("", "und"):
        return "DMY", False
    return "DMY", True


def _context(page: Page) -> _Context:
    langs = _languages(page)
    order, known = _number_order(page, langs)
    tz = None
    if page.timezone:
        try:
            tz = ZoneInfo(page.timezone)
        except Exception:
            tz = None
    now = page.now
    if now is not None and now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    limit = (now or datetime.now(UTC)) + FUTURE_SLACK
    return _Context(langs=langs, order=order, order_known=known, now=now, tz=tz, limit=limit)


def _plausible(st: Stamp, ctx: _Context) -> bool:
    if st.day.year < MIN_YEAR:
        return False
    return st.day <= ctx.limit.date()


def _add(
    ctx: _Context,
    st: Stamp | None,
    raw: str,
    source: str,
    weight: float,
    kind: str = "published",
    guessed: bool = False,
) -> None:
    if st is None or not _plausible(st, ctx):
        return
    ctx.candidates.append(Candidate(st, raw.strip()[:200], source, weight, kind, guessed))


# ---------------------------------------------------------------------------------------------
# Sources

# JSON-LD properties: (name, kind)
_JSONLD_PROPS = (
    ("datePublished", "published"),
    ("dateCreated", "published"),
    ("uploadDate", "published"),
    ("dateModified", "modified"),
)
# <meta> keys, lower-cased: weight and kind. Standard publication keys are trusted most;
# generic "date" keys less, since CMSs fill them with the page's render time.
_META_KEYS: dict[str, tuple[float, str]] = {
    "article:published_time": (8, "published"),
    "og:article:published_time": (8, "published"),
    "article:published": (8, "published"),
    "og:published_time": (8, "published"),
    "datepublished": (8, "published"),
    "parsely-pub-date": (8, "published"),
    "sailthru.date": (7, "published"),
    "pubdate": (7, "published"),
    "publishdate": (7, "published"),
    "publish-date": (7, "published"),
    "publish_date": (7, "published"),
    "publication_date": (7, "published"),
    "publication-date": (7, "published"),
    "dc.date.issued": (7, "published"),
    "dcterms.issued": (7, "published"),
    "dc.date.created": (6, "published"),
    "dcterms.created": (6, "published"),
    "dc.created": (6, "published"),
    "datecreated": (7, "published"),
    "date_published": (7, "published"),
    "article_date_original": (7, "published"),
    "original-publish-date": (8, "published"),
    "og:pubdate": (6, "published"),
    "cxenseparse:recs:publishtime": (6, "published"),
    "article.published": (7, "published"),
    "shareaholic:article_published_time": (7, "published"),
    "date:published_time": (7, "published"),
    "og:article:time": (5, "published"),
    "uploaddate": (7, "published"),
    "dc.date": (5, "either"),
    "dcterms.date": (5, "either"),
    "date": (4, "either"),
    "displaydate": (5, "published"),
    "pdate": (5, "published"),
    "citation_publication_date": (7, "published"),
    "citation_date": (6, "published"),
    "release_date": (5, "published"),
    "article:modified_time": (8, "modified"),
    "og:article:modified_time": (8, "modified"),
    "og:updated_time": (6, "modified"),
    "datemodified": (8, "modified"),
    "article:modified": (7, "modified"),
    "dcterms.modified": (6, "modified"),
    "last-modified": (4, "modified"),
    "lastmod": (4, "modified"),
    "dc.date.modified": (6, "modified"),
    "parsely-updated-date": (6, "modified"),
    "shareaholic:article_modified_time": (6, "modified"),
}


def _jsonld(page: Page, ctx: _Context) -> None:
    sd = page.structured
    if sd is None:
        return
    art = sd.article()
    objs = [art] if art else []
    # Without an article object, a lone typed object with dates (a VideoObject, a WebPage)
    # may describe the page; several of them are usually a list of other articles.
    if not objs:
        dated = [o for o in sd.objects if isinstance(o, dict) and o.get("datePublished")]
        if len(dated) == 1:
            objs = dated
    for obj in objs:
        for prop, kind in _JSONLD_PROPS:
            value = obj.get(prop)
            if isinstance(value, list):
                value = next((v for v in value if isinstance(v, str)), None)
            if isinstance(value, dict):
                value = value.get("@value")
            if not isinstance(value, str):
                continue
            parsed = parse_value(value, ctx)
            if parsed:
                weight = 8 if prop != "dateCreated" else 7
                _add(ctx, parsed[0], value, "jsonld", weight, kind, parsed[1])


def _meta(page: Page, ctx: _Context) -> None:
    meta = page.structured.meta if page.structured else {}
    for key, value in meta.items():
        spec = _META_KEYS.get(key)
        if spec is None:
            continue
        parsed = parse_value(value, ctx)
        if parsed:
            _add(ctx, parsed[0], value, f"meta:{key}", spec[0], spec[1], parsed[1])


# 2024/12/02, 2024-12-2, 2024_12_02, or 20241202 as a whole path segment; or 2024-12/02
# (year-month folder, then a day folder: common on Chinese news sites)
_URL_YMD = re.compile(
    r"(?<![\d])((?:19|20)\d{2})([/_-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?![\d])"
    r"|(?:^|(?<=[/_.-]))((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=$|[/_.-])"
    r"|(?<=/)((?:19|20)\d{2})-(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])(?=/)"
)


def _url(page: Page, ctx: _Context) -> None:
    try:
        path = unquote(urlsplit(page.url).path)
    except ValueError:
        return
    for m in _URL_YMD.finditer(path):
        if m.group(1):
            # /2023/10/3-questions-to...: the "3" opens the slug, it is no day
            if m.group(2) == "/" and not re.match(r"$|[/._?]", path[m.end() : m.end() + 1]):
                continue
            st = _make(m.group(1), m.group(3), m.group(4))
        elif m.group(5):
            st = _make(m.group(5), m.group(6), m.group(7))
        else:
            st = _make(m.group(8), m.group(9), m.group(10))
        _add(ctx, st, m.group(0), "url", 7)
        return


def _sitemap(page: Page, ctx: _Context) -> None:
    if page.sitemap_date:
        parsed = parse_value(page.sitemap_date, ctx)
        if parsed:
            _add(ctx, parsed[0], page.sitemap_date, "sitemap", 6)


# --- the page body -----------------------------------------------------------------------------

_SKIP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "select",
    "option",
    "button",
    "head",
}
# Class/id words of site chrome. Strong words hold everywhere; weak ones ("nav", "footer")
# also dress the article's own byline or meta line in many templates, so they only count
# outside the headline's <article>/<main>. "teaser", "widget", "meta", "header" never do.
_CHROME_STRONG = re.compile(
    r"(?:^|[\s_-])(?:side-?bar|related|most-?(?:read|popular|viewed|shared|commented)|popular|"
    r"recommend\w*|trending|comments?|commentlist|kommentare?|breadcrumbs?|newsletter|"
    r"more-?(?:news|stories|articles)|read-?more|top-?stories|today|todays-?date|current-?date|"
    r"date-?today|header-?date|pagination|post-?navigation|nav-?links|meistgelesen|"
    r"empfehlung\w*|outbrain|taboola)(?:$|[\s_-])",
    re.I,
)
_CHROME_WEAK = re.compile(
    r"(?:^|[\s_-])(?:footer|nav|navbar|navigation|menu|masthead|site-?header|topbar|top-bar|"
    r"ticker|weather|calendar|pager|copyright)(?:$|[\s_-])",
    re.I,
)
_CHROME_TAGS = {"nav", "aside", "menu"}
_CHROME_WEAK_TAGS = {"header", "footer"}
# Class words a CMS adds from the post's own taxonomy ("category-comments", "tag-related").
_TAXONOMY_TOKEN = re.compile(
    r"^(?:category|tag|post|format|status|type|page|postid|elementor|topic)[-_]", re.I
)
_DATE_CLASS = re.compile(
    r"date|time|publish|posted|byline|dateline|stamp|datum|fecha|data|zeit|meta|info|autor|author",
    re.I,
)
_DATE_ATTRS = (
    "datetime",
    "data-datetime",
    "data-date",
    "data-timestamp",
    "data-published",
    "content",
    "title",
)
_MICROFORMAT = re.compile(r"\b(?:published|updated|dtstart|dt-published|entry-date)\b", re.I)
_MF_PUBLISHED = re.compile(r"\b(?:published|dt-published)\b", re.I)
_DATE_ITEMPROPS = {
    "datepublished": "published",
    "datecreated": "published",
    "datemodified": "modified",
    "uploaddate": "published",
}


@dataclass
class _Hit:
    pos: int  # characters of visible text before this point
    chrome: bool
    text: str
    source: str  # "time" | "itemprop" | "byline" | "text"
    kind: str = "either"
    attr: bool = False  # the value is a machine-readable attribute
    inside: bool = False  # within the headline's <article>/<main>
    weak: bool = False  # in something that looks like chrome by a weak word only ("nav", "footer")
    before: str = ""  # the visible text just before this text node ("Registriert:" in <strong>)


def _norm(text: str) -> str:
    return " ".join(text.replace("\xad", "").split()).casefold()


_TITLE_SPLIT = re.compile(r"\s+[|\-–—:·»•]+\s+|\s+::\s+")


def _title_parts(page: Page) -> list[str]:
    """The page title as the publisher gives it (og:title, <title> and its parts around
    "|", " - "...), minus the site name."""
    meta = page.structured.meta if page.structured else {}
    site = _norm(meta.get("og:site_name") or "")
    parts: list[str] = []
    for raw in (meta.get("og:title"), meta.get("twitter:title"), page.root.findtext(".//title")):
        if not raw:
            continue
        whole = _norm(raw)
        parts.append(whole)
        parts += [p for p in _TITLE_SPLIT.split(whole) if p != whole]
    label = _site_label(page.url)
    return [
        p
        for p in dict.fromkeys(parts)
        if len(p) >= 8 and p != site and not (label and _names_site(p, label))
    ]


def _site_label(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    labels = [x for x in host.split(".") if x not in ("www", "m", "de", "en", "blog", "news")]
    return max(labels[:-1] or labels, key=len, default="").replace("-", "")


def _names_site(part: str, label: str) -> bool:
    """A title part that is the site's name ("Wiener Badminton Verband" on wienbadminton.at)."""
    squashed = re.sub(r"\W", "", part)
    if len(squashed) > 3 * max(len(label), 8):
        return False
    if len(label) >= 6:
        return any(label[i : i + 6] in squashed for i in range(len(label) - 5))
    return squashed.startswith(label) and len(squashed) <= len(label) + 6  # "carta.info"


def _title_match(text: str, titles: list[str]) -> float:
    """How well a heading says what the title says (headlines and SEO titles often differ
    in a few words): the number of shared words, 0 when they do not match."""
    if len(text) < 8:
        return 0.0
    words = set(re.findall(r"\w+", text))
    best = 0.0
    for t in titles:
        short, long_ = (text, t) if len(text) <= len(t) else (t, text)
        if short in long_ and len(short) >= 0.6 * len(long_):
            best = max(best, len(short) / 6)  # also for scripts written without spaces
        other = set(re.findall(r"\w+", t))
        shared = len(words & other)
        small = min(len(words), len(other))
        if small >= 3 and shared >= 0.6 * small:
            best = max(best, float(shared))
    return best


_TITLE_CLASS = re.compile(r"headline|title|heading", re.I)


def _is_logo(el: HtmlElement, page: Page) -> bool:
    """A site name dressed as a heading: it links to the home page or holds the logo."""
    if el.find(".//img") is not None:
        return True
    links = [a.get("href") or "" for a in el.iterancestors("a")] + [
        a.get("href") or "" for a in el.iter("a")
    ]
    page_parts = split_url(page.url)
    for href in links:
        parts = split_url(href.strip()) if "://" in href else None
        if "://" in href and parts is None:
            continue  # a malformed link is nobody's home page
        path = parts.path if parts is not None else href.strip()
        if path in ("", "/", "./", "/index.html", "/index.php") and (
            parts is None
            or (page_parts is not None and parts.hostname == page_parts.hostname)
        ):
            return True
    return False


def _headline(page: Page) -> HtmlElement | None:
    """The article's headline element: the heading that best says what the page title says
    (an <h1> preferred), else the first <h1> that reads like a headline. A site name or
    logo in an <h1> is not a headline."""
    titles = _title_parts(page)
    best, best_score = None, 0.0
    seen = 0
    for el in page.root.iter("h1", "h2", "h3", "div", "span", "p", "td", "strong", "b", "a"):
        tag = el.tag
        if tag not in ("h1", "h2", "h3") and not (
            el.get("itemprop") == "headline" or _TITLE_CLASS.search(el.get("class") or "")
        ):
            continue
        seen += 1
        if seen > 300:
            break
        text = _norm(el.text_content())
        if not text or len(text) > 300:
            continue
        score = _title_match(text, titles)
        if score <= 0:
            continue
        score += 3 if tag == "h1" else 1 if tag == "h2" else 0
        if score > best_score and not _is_logo(el, page):
            best, best_score = el, score
    if best is not None:
        return best
    # No heading says what the title says. Widget titles are often <h1>s too ("Quicklinks",
    # "Hotels buchen"): the headline is the heading followed by the most running text, an
    # <h2> only when no other <h2> leads text (several: a list of posts).
    leading: list[tuple[int, HtmlElement]] = []
    for n, h in enumerate(page.root.iter("h1", "h2")):
        if n >= 30:
            break
        if len(h.text_content().split()) >= (3 if h.tag == "h1" else 4):
            amount = _prose_after(h)
            if amount >= 200 and not _is_logo(h, page):
                leading.append((amount, h))
    if leading:
        amount, h = max(leading, key=lambda x: x[0])
        if h.tag == "h1" or sum(1 for _a, o in leading if o.tag == "h2") == 1:
            return h
    for h in page.root.iter("h1"):
        if len(h.text_content().split()) >= 3 and not _is_logo(h, page):
            return h
    if not titles:
        # a title that only names the site, a logo for <h1>: the first real <h2>
        for h in page.root.iter("h2"):
            if len(h.text_content().split()) >= 4 and not _is_logo(h, page):
                return h
    return None


def _prose_after(heading: HtmlElement) -> int:
    """Characters of paragraph text that follow a heading before the next main heading."""
    total = 0
    for el in heading.xpath("following::*[position() <= 60]"):
        if el.tag in ("h1", "h2"):
            break
        if el.tag == "p":
            text = (el.text or "").strip()
            total += len(text) if len(text) >= 40 else 0
    return total


@lru_cache(maxsize=16384)
def _class_info(words: str) -> tuple[bool, bool, bool, str | bool]:
    """(strong chrome, weak chrome, date-ish, microformat) for a class or id value;
    memoised, since templates repeat the same few class strings thousands of times."""
    if "-" in words:
        words = " ".join(t for t in words.split() if not _TAXONOMY_TOKEN.match(t))
    cls = words
    micro: str | bool = False
    if _MICROFORMAT.search(cls):
        micro = "published" if _MF_PUBLISHED.search(cls) else True
    return (
        bool(_CHROME_STRONG.search(words)),
        bool(_CHROME_WEAK.search(words)),
        bool(_DATE_CLASS.search(words)),
        micro,
    )


def _container(headline: HtmlElement | None) -> HtmlElement | None:
    """The headline's article: its nearest <article> or <main> ancestor."""
    if headline is None:
        return None
    for anc in headline.iterancestors():
        if anc.tag in ("article", "main") or anc.get("role") == "main":
            return anc
    return None


def _walk(page: Page, ctx: _Context) -> tuple[list[_Hit], int | None, int | None]:
    """One pass over the document: date-looking text and date attributes with their position
    (in characters of visible text) and whether they sit in site chrome."""
    root = page.root
    headline = _headline(page)
    keep = set(headline.iterancestors()) if headline is not None else set()
    if headline is not None:
        keep.add(headline)
    container = _container(headline)
    hits: list[_Hit] = []
    # element -> False (content), True (chrome), None (weakly chrome)
    chrome: dict[HtmlElement, bool | None] = {}
    pos = 0
    h_start = h_end = None
    skip_depth = 0
    inside = False
    recent = ""  # the last visible text seen, for labels in a separate element
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if event == "end":
            if tag in _SKIP_TAGS:
                skip_depth -= 1
            if el is headline:
                h_end = pos
            if el is container:
                inside = False
            tail = el.tail
            if tail and skip_depth == 0 and not tail.isspace():
                parent = el.getparent()
                c = chrome.get(parent, False) if parent is not None else False
                _text_hit(hits, tail, pos, c, ctx, inside, recent)
                pos += len(tail.strip())
                recent = tail[-40:]
            continue
        if tag in _SKIP_TAGS:
            skip_depth += 1
            continue
        if skip_depth:
            continue
        if el is container:
            inside = True
        parent = el.getparent()
        c = chrome.get(parent, False) if parent is not None else False
        cls = el.get("class")
        ident = el.get("id")
        strong = weak = dateish = micro = False
        if cls:
            strong, weak, dateish, micro = _class_info(cls)
        if ident and not strong:
            i_strong, i_weak, i_dateish, _ = _class_info(ident)
            strong, weak, dateish = i_strong, weak or i_weak, dateish or i_dateish
        if c is not True and el not in keep:
            if (
                tag in _CHROME_TAGS
                and not (inside and tag == "aside")
                or strong
                # another <article> than the headline's: a teaser of another story
                or tag == "article"
                and container is not None
                and container.tag == "article"
            ):
                c = True
            elif c is False and not inside and (tag in _CHROME_WEAK_TAGS or weak):
                c = None  # weak: ignored right under the headline, where bylines live
        chrome[el] = c
        if el is headline:
            h_start = pos
        # machine-readable dates: <time>, itemprop, pubdate, microformats (abbr.published)
        itemprop = (el.get("itemprop") or "").lower()
        if (
            tag == "time"
            or itemprop in _DATE_ITEMPROPS
            or el.get("pubdate") is not None
            or (micro and el.get("title"))
        ):
            kind = _DATE_ITEMPROPS.get(itemprop, "either")
            if el.get("pubdate") is not None or micro == "published":
                kind = "published"
            for attr in _DATE_ATTRS:
                v = el.get(attr)
                if v and re.search(r"\d", v):
                    hits.append(
                        _Hit(
                            pos,
                            c is True,
                            v,
                            "itemprop" if itemprop else "time",
                            kind,
                            True,
                            inside,
                            c is None,
                        )
                    )
                    break
            else:
                v = el.text_content()
                if len(v) < 120:
                    hits.append(
                        _Hit(
                            pos,
                            c is True,
                            v,
                            "itemprop" if itemprop else "time",
                            kind,
                            False,
                            inside,
                            c is None,
                        )
                    )
        elif dateish:
            v = el.text_content()
            if (
                6 <= len(v) < 150
                and _YEAR_HINT.search(v)
                or len(v) < 40
                and (_REL_HINT.search(v) or ctx.now is not None and _YEARLESS_HINT.search(v))
            ):
                hits.append(
                    _Hit(
                        pos, c is True, " ".join(v.split()), "byline", inside=inside, weak=c is None
                    )
                )
        text = el.text
        if text and not text.isspace():
            _text_hit(hits, text, pos, c, ctx, inside, recent)
            pos += len(text.strip())
            recent = text[-40:]
    return hits, h_start, h_end


def _text_hit(
    hits: list[_Hit], text: str, pos: int, chrome: bool | None, ctx: _Context, inside: bool,
    before: str = "",
) -> None:
    if len(text) > 2000:
        text = text[:2000]
    if _YEAR_HINT.search(text) or (
        ctx.now is not None
        and len(text) < 60
        and (_REL_HINT.search(text) or _YEARLESS_HINT.search(text))
    ):
        hits.append(_Hit(pos, chrome is True, text, "text", inside=inside, weak=chrome is None,
                         before=before))


_SLASH_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(?:19|20)\d{2}(?!\d)")


def _learn_order(hits: list[_Hit], ctx: _Context) -> None:
    """Unambiguous slash dates elsewhere on the page (25/12/2024) tell the site's order."""
    if ctx.order_known:
        return
    dmy = mdy = 0
    for hit in hits[:500]:
        if "/" not in hit.text:
            continue
        for m in _SLASH_DATE.finditer(hit.text):
            a, b = int(m.group(1)), int(m.group(2))
            dmy += a > 12 >= b
            mdy += b > 12 >= a
    if dmy and not mdy:
        ctx.order, ctx.order_known = "DMY", True
    elif mdy and not dmy:
        ctx.order, ctx.order_known = "MDY", True


def _body_sources(page: Page, ctx: _Context) -> None:
    hits, h_start, h_end = _walk(page, ctx)
    _learn_order(hits, ctx)
    if h_start is None or h_end is None:
        # no headline to anchor on: only machine-readable published dates count
        for hit in hits:
            if hit.kind == "published" and not hit.chrome:
                _hit_candidates(hit, ctx, "itemprop", 6)
            elif hit.chrome or hit.weak:
                _exclude(hit, ctx)
        return
    prose_seen = 0
    bylines: list[tuple[int, Candidate]] = []
    boxed: list[Candidate] = []
    for hit in hits:
        if hit.chrome:
            if hit.pos < h_start:  # the site header: where the "today" date sits
                _exclude(hit, ctx)
            elif hit.source == "text" and len(boxed) <= 3:
                # the article's own info box ("Mise en ligne : 23 mai 2019") may be dressed
                # as a sidebar; only a date labelled as the publication counts there, and
                # only when it is the one such date (else: a teaser list with labels)
                boxed += _hit_candidates(
                    hit, ctx, "byline", 5, labelled_only=True, published_only=True
                )
            continue
        if hit.pos >= h_end:
            dist = hit.pos - h_end
        elif hit.pos >= h_start:
            dist = 0
        else:
            # above the headline: kickers and datelines, but also the site header, so only
            # close by, or inside the headline's own article
            dist = h_start - hit.pos
            if dist > (800 if hit.inside else 250):
                _exclude(hit, ctx)
                continue
            dist = dist if hit.inside else dist * 4
        if (
            hit.weak
            and not (hit.pos >= h_start and dist < 300)
            and not _PUBLISHED_ANY.search(hit.before + " " + hit.text)
        ):
            if hit.pos < h_start:
                _exclude(hit, ctx)
            continue
        if hit.source in ("time", "itemprop"):
            w = 7 if hit.kind == "published" else 6
            _hit_candidates(hit, ctx, hit.source, w if dist < 1500 else w - 3)
        elif dist < 400:
            bylines += [(dist, c) for c in _hit_candidates(hit, ctx, "byline", 9)]
        elif dist < 1500:
            bylines += [(dist, c) for c in _hit_candidates(hit, ctx, "byline", 4)]
        elif _PUBLISHED_ANY.search(hit.before + " " + hit.text):
            # "Veröffentlicht am ..." (the label may sit in its own element) names the
            # article's date wherever it stands
            _hit_candidates(hit, ctx, "byline", 6, labelled_only=True)
        elif prose_seen < 1 and dist < 20000:
            prose_seen += len(_hit_candidates(hit, ctx, "text", 2, limit=1))
    if len({c.stamp.day for c in boxed}) > 1:
        ctx.candidates = [c for c in ctx.candidates if all(c is not b for b in boxed)]
    # The byline closest to the headline names the article's date; later ones in the
    # same region are more often quoted dates, replies or teasers.
    rank: dict[date, int] = {}
    bylines.sort(key=lambda x: x[0])
    if len({c.stamp.day for _d, c in bylines if c.source == "byline"}) >= 4:
        # many dates around the headline: a list of posts, not one article's byline
        for _d, c in bylines:
            c.weight = min(c.weight, 3.0)
    for _dist, c in bylines:
        if c.source != "byline":
            continue
        k = rank.setdefault(c.stamp.day, len(rank))
        c.weight = max(3.0, c.weight - 2 * k)


_DATELINE_END = re.compile(r"\s*(?:\d{1,2}[:.]\d{2}\s*(?:uhr|h)?\s*)?(?:[-–—|:(„\"“«]|$)", re.I)


def _exclude(hit: _Hit, ctx: _Context) -> None:
    if len(ctx.excluded) > 200 or len(hit.text) > 300:
        return
    if hit.attr:
        parsed = parse_value(hit.text, ctx)
        if parsed:
            ctx.excluded.add(parsed[0].day)
        return
    for st, *_ in parse_text(hit.text, ctx)[:3]:
        ctx.excluded.add(st.day)
    if ctx.now is not None and len(hit.text) < 60:
        st = _short_date(hit.text, ctx)
        if st:
            ctx.excluded.add(st.day)


def _is_prose(text: str, start: int, end: int) -> bool:
    """A date inside a sentence rather than in a byline or a dateline ("01.02.2022 – Die
    Zahl der ...", "BERLIN, 2. Dezember 2024 (dpa) -")."""
    rest = text[:start] + " " + text[end:]
    if len(re.findall(r"[^\W\d_]{2,}", rest)) <= 8:
        return False
    lead = text[:start].strip()
    if len(lead) <= 25 and len(lead.split()) <= 3 and _DATELINE_END.match(text, end):
        return False
    return True


def _hit_candidates(
    hit: _Hit,
    ctx: _Context,
    source: str,
    weight: float,
    limit: int = 3,
    labelled_only: bool = False,
    published_only: bool = False,
) -> list[Candidate]:
    added: list[Candidate] = []

    def add(st: Stamp, raw: str, src: str, w: float, kind: str, guessed: bool = False) -> None:
        n = len(ctx.candidates)
        _add(ctx, st, raw, src, w, kind, guessed)
        if len(ctx.candidates) > n:
            added.append(ctx.candidates[-1])

    if hit.attr:
        parsed = parse_value(hit.text, ctx)
        if parsed:
            add(parsed[0], hit.text, source, weight, hit.kind, parsed[1])
        return added
    found = parse_text(hit.text, ctx)
    for n, (st, start, guessed, end) in enumerate(found[:limit]):
        before = hit.text[max(0, start - 40) : start]
        if start < 40 and hit.before:
            before = (hit.before + " " + before)[-40:]
        kind = hit.kind
        if _REGISTERED_LABEL.search(before):
            continue
        if _MODIFIED_LABEL.search(before):
            if published_only:
                continue
            kind = "modified"
        elif _PUBLISHED_LABEL.search(before):
            kind = "published"
        elif labelled_only:
            continue
        src, w = source, weight - n  # a snippet's first date is the likely one
        if kind == "published" and src == "byline":
            w = max(w, 6)  # "Erstellt am: ..." says what it is
        if src == "byline" and hit.source == "text" and _is_prose(hit.text, start, end):
            src, w = "text", min(w, 3)
        add(st, hit.text[start : start + 60], src, w, kind, guessed)
    if not found and not labelled_only and len(hit.text) < 60:
        # A day worked out from the fetch time ("vor 4 Stunden", "Dec. 2") is weaker
        # evidence than a stated one: a cached page's relative times are stale, an inferred
        # year can be wrong. Alone it names the day; it never outweighs stated dates.
        st = _short_date(hit.text, ctx)
        if st:
            add(st, hit.text, source, min(weight, 5), hit.kind)
    return added


# ---------------------------------------------------------------------------------------------
# Judgment

# Sources that copy one CMS value count once, whatever number of tags repeat it.
_FAMILY = {"jsonld": "struct", "meta": "struct", "itemprop": "struct"}
_LOCAL_SOURCES = {"byline", "url", "text", "time"}
_MACHINE_SOURCES = {"jsonld", "meta", "itemprop", "time", "sitemap"}

# Zones of countries and languages that have a single one: used only to tell which local
# day a UTC timestamp falls on when the site profile does not name the zone.
_TLD_ZONES = {
    "de": "Europe/Berlin",
    "at": "Europe/Vienna",
    "ch": "Europe/Zurich",
    "fr": "Europe/Paris",
    "it": "Europe/Rome",
    "es": "Europe/Madrid",
    "nl": "Europe/Amsterdam",
    "be": "Europe/Brussels",
    "pl": "Europe/Warsaw",
    "cz": "Europe/Prague",
    "dk": "Europe/Copenhagen",
    "se": "Europe/Stockholm",
    "no": "Europe/Oslo",
    "fi": "Europe/Helsinki",
    "uk": "Europe/London",
    "ie": "Europe/Dublin",
    "kr": "Asia/Seoul",
    "jp": "Asia/Tokyo",
    "cn": "Asia/Shanghai",
    "tw": "Asia/Taipei",
    "in": "Asia/Kolkata",
    "tr": "Europe/Istanbul",
    "gr": "Europe/Athens",
    "hu": "Europe/Budapest",
    "pt": "Europe/Lisbon",
    "ro": "Europe/Bucharest",
    "ua": "Europe/Kyiv",
    "il": "Asia/Jerusalem",
    "lt": "Europe/Vilnius",
    "lv": "Europe/Riga",
    "ee": "Europe/Tallinn",
    "sk": "Europe/Bratislava",
}
_LANG_ZONES = {
    "de": "Europe/Berlin",
    "ko": "Asia/Seoul",
    "ja": "Asia/Tokyo",
    "it": "Europe/Rome",
    "nl": "Europe/Amsterdam",
    "pl": "Europe/Warsaw",
    "cs": "Europe/Prague",
    "da": "Europe/Copenhagen",
    "sv": "Europe/Stockholm",
    "nb": "Europe/Oslo",
    "fi": "Europe/Helsinki",
    "hu": "Europe/Budapest",
    "el": "Europe/Athens",
    "tr": "Europe/Istanbul",
    "he": "Asia/Jerusalem",
    "lt": "Europe/Vilnius",
    "uk": "Europe/Kyiv",
}


def _guess_zone(page: Page, ctx: _Context) -> tuple[ZoneInfo | timezone | None, str]:
    """The publisher's zone for reading UTC timestamps: the site profile, else an offset the
    page states elsewhere, else the country domain or the language."""
    if ctx.tz is not None:
        return ctx.tz, "profile"
    offsets = {
        c.stamp.offset
        for c in ctx.candidates
        if c.stamp.offset is not None and c.stamp.offset != timedelta(0)
    }
    if len(offsets) == 1:
        return timezone(offsets.pop()), "page"
    host = (urlsplit(page.url).hostname or "").lower()
    name = _TLD_ZONES.get(host.rsplit(".", 1)[-1]) or _LANG_ZONES.get(
        ctx.langs[0] if ctx.langs else ""
    )
    if name:
        try:
            return ZoneInfo(name), "guess"
        except Exception:
            return None, ""
    return None, ""


def _is_utc(st: Stamp) -> bool:
    return st.clock is not None and st.offset == timedelta(0)


def _reday_utc(page: Page, ctx: _Context) -> None:
    """A UTC timestamp names the UTC day, not necessarily the publisher's. Move it to the
    publisher's day: with a known (or safely guessed) zone, convert; otherwise, when the
    page's own local dates sit on the neighbouring day the offset could reach, follow them."""
    zone, _how = _guess_zone(page, ctx)
    local: dict[date, Candidate] = {}
    for c in ctx.candidates:
        if c.source in _LOCAL_SOURCES and not _is_utc(c.stamp) and c.kind != "modified":
            if c.stamp.day not in local or (c.stamp.clock and not local[c.stamp.day].stamp.clock):
                local[c.stamp.day] = c
    for c in ctx.candidates:
        st = c.stamp
        if not _is_utc(st):
            continue
        moment = datetime.combine(st.day, st.clock, UTC)
        if zone is not None:
            aware = moment.astimezone(zone)
            c.stamp = Stamp(aware.date(), aware.time().replace(tzinfo=None), aware.utcoffset())
            continue
        if st.day in local:
            continue
        for shift, possible in ((-1, st.clock.hour < 12), (1, st.clock.hour >= 10)):
            other = local.get(st.day + timedelta(days=shift))
            if other is None or not possible:
                continue
            o = other.stamp
            if o.clock is not None:
                offset = datetime.combine(o.day, o.clock) - moment.replace(tzinfo=None)
                minutes = offset.total_seconds() / 60
                if -12 * 60 <= minutes <= 14 * 60 and minutes % 15 == 0:
                    c.stamp = Stamp(o.day, o.clock, offset)
                    break
            c.stamp = Stamp(o.day)
            break


def _score(cands: list[Candidate], kinds: tuple[str, ...]) -> list[tuple[float, date, Candidate]]:
    """Per day: the best candidate of each source family, summed."""
    by_day: dict[date, dict[str, Candidate]] = {}
    for c in cands:
        if c.kind not in kinds:
            continue
        family = c.source.split(":")[0]
        family = _FAMILY.get(family, family)
        slot = by_day.setdefault(c.stamp.day, {})
        if family not in slot or _eff(slot[family]) < _eff(c):
            slot[family] = c
    ranked = []
    for day, fams in by_day.items():
        members = list(fams.values())
        total = sum(_eff(c) for c in members)
        # report the most precise statement of the day among the trusted ones
        best = max(
            members,
            key=lambda c: (
                c.weight >= 6,
                c.stamp.clock is not None,
                c.stamp.offset is not None,
                # on a tie, the machine-readable statement is the canonical raw value
                c.source.split(":")[0] in _MACHINE_SOURCES,
                c.weight,
            ),
        )
        ranked.append((total, day, best))
    ranked.sort(key=lambda x: (-x[0], x[1]))
    return ranked


def _eff(c: Candidate) -> float:
    return c.weight * (0.5 if c.guessed_order else 1.0)


def _iso(st: Stamp, ctx: _Context) -> str:
    """ISO 8601 in the publisher's terms: the stated offset is kept, a date stays a date,
    a wall-clock time gets the site's offset when its zone is known."""
    if st.clock is None:
        return st.day.isoformat()
    naive = datetime.combine(st.day, st.clock)
    if st.offset is not None:
        return naive.replace(tzinfo=timezone(st.offset)).isoformat()
    if ctx.tz is not None:
        return naive.replace(tzinfo=ctx.tz).isoformat()
    return naive.isoformat()


def _choose(page: Page, ctx: _Context) -> tuple[Candidate | None, Candidate | None]:
    cands = ctx.candidates
    sm = next((c for c in cands if c.source == "sitemap"), None)
    if sm is not None:
        # the sitemap listed the page by then: a later "publication" is not one
        cands = [
            c
            for c in cands
            if c.kind == "modified" or c.stamp.day <= sm.stamp.day + timedelta(days=1)
        ]
    ranked = _score(cands, ("published", "either"))
    published = None
    if ranked:
        total, _day, best = ranked[0]
        second = ranked[1][0] if len(ranked) > 1 else 0.0
        if total >= 5 and total - second >= 1:
            published = best
    url = next((c for c in cands if c.source == "url"), None)
    if (
        published is not None
        and url is not None
        and published.stamp.day > url.stamp.day + timedelta(days=1)
    ):
        # a URL's date is fixed when the article first appears; a later "publication"
        # date is a republication or a CMS migration
        published = url
    if published is None:
        published = _second_opinion(page, ctx, ranked, sm)
    mod_ranked = _score(cands, ("modified",))
    modified = mod_ranked[0][2] if mod_ranked else None
    if modified is not None and published is not None and modified.stamp.day < published.stamp.day:
        modified = None
    return published, modified


def _htmldate(page: Page, ctx: _Context, extensive: bool) -> date | None:
    try:
        from htmldate import find_date

        # htmldate deep-copies a tree it is given before pruning it: page.root stays intact.
        # The URL is read by _url already (more strictly): htmldate gets only the site root,
        # which also keeps it from reading the canonical link's path instead.
        parts = urlsplit(page.url)
        value = find_date(
            page.root,
            url=f"{parts.scheme}://{parts.netloc}/",
            extensive_search=extensive,
            original_date=True,
            min_date=f"{MIN_YEAR}-01-01",
            max_date=ctx.limit.strftime("%Y-%m-%d"),
        )
        return date.fromisoformat(value) if value else None
    except Exception:
        return None


def _second_opinion(
    page: Page,
    ctx: _Context,
    ranked: list[tuple[float, date, Candidate]],
    sitemap: Candidate | None,
) -> Candidate | None:
    """When the page's own evidence is too thin, ask htmldate (it knows many site
    idiosyncrasies). Its extensive search alone guesses too often to be trusted; it counts
    when it confirms one of our weaker candidates, or when its cautious mode (no free-text
    search) finds the same day."""
    wide = _htmldate(page, ctx, extensive=True)
    if wide is None or (sitemap is not None and wide > sitemap.stamp.day + timedelta(days=1)):
        return None
    for _total, day, best in ranked:
        if day == wide and not best.guessed_order:
            return Candidate(best.stamp, best.raw, "htmldate", best.weight, best.kind)
    if any(total >= 4 for total, _day, _best in ranked) or wide in ctx.excluded:
        # it contradicts a fair candidate of ours, or read the site chrome
        return None
    # htmldate completes a bare year or month with day 1: no day of ours to trust then
    if wide.day != 1 and _htmldate(page, ctx, extensive=False) == wide:
        return Candidate(Stamp(wide), wide.isoformat(), "htmldate", 3)
    return None


def find_dates(page: Page) -> None:
    """Fill datePublished, datePublishedRaw, dateModified, dateModifiedRaw on the page
    (page.set(name, value, source)); record warnings with page.warn(...)."""
    try:
        _find_dates(page)
    except Exception as exc:  # a broken page must never stop the crawl: abstain
        logger.debug("date extraction failed on %s: %s", page.url, exc, exc_info=True)
        page.warn("date_error")


def collect(page: Page) -> _Context:
    """All candidates of a page, UTC timestamps moved to the publisher's day."""
    ctx = _context(page)
    _jsonld(page, ctx)
    _meta(page, ctx)
    _url(page, ctx)
    _sitemap(page, ctx)
    _body_sources(page, ctx)
    _reday_utc(page, ctx)
    return ctx


def _find_dates(page: Page) -> None:
    ctx = collect(page)
    published, modified = _choose(page, ctx)
    if published is not None:
        page.set("datePublished", _iso(published.stamp, ctx), published.source)
        page.set("datePublishedRaw", published.raw, published.source)
    else:
        page.warn("no_date")
    if modified is not None:
        page.set("dateModified", _iso(modified.stamp, ctx), modified.source)
        page.set("dateModifiedRaw", modified.raw, modified.source)

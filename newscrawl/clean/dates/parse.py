"""Dates written out in full: ISO and numeric forms, month names in about 200 languages
(from dateparser's locale data), CJK forms, times and UTC offsets, and the labels that say
which date a date is ("Updated:", "Veröffentlicht am")."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from .model import Context, Stamp

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
# "오후 3시 20분", "午前11時30分", "下午3点": an optional half-day marker, hour, minutes
CJK_CLOCK = r"(?:\s*(오전|오후|上午|下午|午前|午後)?\s*(\d{1,2})\s*[:시時点](\s*\d{2})?)?"
_CJK = re.compile(
    r"((?:19|20)\d{2})\s*[년年]\s*(\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日号號]?"
    r"(?:\s*\(?[월화수목금토일月火水木金土日][요曜]?[일日]?\)?(?![\w]))?"  # weekday
    + CJK_CLOCK
)
_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
TIME_AFTER = re.compile(
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
YEAR_HINT = re.compile(r"(?:19|20)\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2}(?!\d)|[년年]")

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
CORE_LANGS = ("en", "de", "fr", "es", "it", "pt", "nl")
LANG_ALIASES = {"no": "nb", "iw": "he", "in": "id", "jw": "jv"}


@lru_cache(maxsize=128)
def month_patterns(
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
MODIFIED_LABEL = re.compile(r"(?:" + _MODIFIED_WORDS + r")\W{0,3}\s*[^\d]{0,25}$", re.I)
PUBLISHED_LABEL = re.compile(r"(?:" + _PUBLISHED_WORDS + r")\W{0,3}\s*[^\d]{0,25}$", re.I)
PUBLISHED_ANY = re.compile(r"(?:" + _PUBLISHED_WORDS + r")", re.I)
# Account and registration dates (forum profiles, "Registered 2019.04.11" press lines) are
# never the date of a publication.
REGISTERED_LABEL = re.compile(
    r"(?:registriert(?: seit)?|registered|joined|member since|mitglied seit|dabei seit|"
    r"inscrit(?:e)? (?:le|depuis)|registrad[oa]|iscritt[oa]|lid sinds|가입일?|登録日|注册)"
    r"\W{0,3}\s*[^\d]{0,25}$",
    re.I,
)


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


def cjk_clock(half: str | None, hour: str | None, minute: str | None) -> tuple[Any, Any]:
    """The groups of CJK_CLOCK as (hour, minute) on a 24-hour clock; (None, None) without
    an hour."""
    if hour is None:
        return None, None
    hh = int(hour)
    if half in ("오후", "下午", "午後") and hh < 12:
        hh += 12
    return hh, int((minute or "0").strip())


def make_stamp(
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
        st = make_stamp(m.group(1), m.group(2), m.group(3))
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
    text: str, ctx: Context, first_only: bool = False, machine: bool = False
) -> list[tuple[Stamp, int, bool, int]]:
    """Every date written in a piece of text: (stamp, start offset, guessed_order, end)."""
    out: list[tuple[Stamp, int, bool, int]] = []
    if not YEAR_HINT.search(text):
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
            hh, mm, ss, off = time_after(text, m.end())
        add(make_stamp(m.group(1), m.group(3), m.group(4), hh, mm, ss, off), m.start(), m.end())
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

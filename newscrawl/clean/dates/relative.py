"""Dates stated relative to the fetch time: "3 hours ago", "gestern", and year-less
bylines ("Dec. 2", "[06月24日 11時30分]")."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from functools import lru_cache

from .model import Context, Stamp
from .parse import (
    CJK_CLOCK,
    TIME_AFTER,
    YEAR_HINT,
    cjk_clock,
    make_stamp,
    month_patterns,
    time_after,
)

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
REL_HINT = re.compile(
    r"ago\b|\bvor\s|il y a|hace\s|há\s|\sfa\b|geleden|전|前|today|yesterday|heute|gestern|"
    r"aujourd|hier|hoy|ayer|oggi|ieri|hoje|ontem|vandaag|gisteren|오늘|어제|今日|昨日|今天|昨天",
    re.I,
)


def _in_sentence(text: str, m: re.Match[str]) -> bool:
    """More than four words around the match: a sentence, not a byline."""
    return len(_WORDS.findall(text[: m.start()] + " " + text[m.end() :])) > 4


def parse_relative(text: str, ctx: Context) -> Stamp | None:
    """Relative dates ("3 hours ago", "vor 2 Tagen", "어제") resolved against the fetch
    time; None without one."""
    if ctx.now is None or not REL_HINT.search(text):
        return None
    now = ctx.now.astimezone(ctx.tz) if ctx.tz else ctx.now
    stripped = text.strip()
    m = _REL_DAY.match(stripped)
    if m and not (m.group(1).lower() in ("hier", "avant-hier") and ctx.langs[0] != "fr"):
        # ("hier" is "yesterday" only in French; in German and Dutch it is "here")
        clock = TIME_AFTER.match(stripped, m.end())
        if _WORDS.search(stripped, clock.end() if clock else m.end()):
            return None  # "Today's Paper", "Heute schon an morgen denken": not a date
        day = now.date() - timedelta(days=_REL_DAY_N.get(m.group(1).lower(), 0))
        hh, mm, _, _ = time_after(stripped, m.end())
        if hh is not None:
            # a wall-clock time: its offset is the site's, known only from the profile
            return Stamp(day, time(hh, mm), now.utcoffset() if ctx.tz else None)
        return Stamp(day)
    for rx in _REL_AMOUNT:
        m = rx.search(text)
        if not m:
            continue
        if _in_sentence(text, m):
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
YEARLESS_HINT = re.compile(
    r"\d{1,2}\s*[月월]\s*\d{1,2}|[^\W\d_]{3,}\.?\s+\d{1,2}(?!\d)|(?<!\d)\d{1,2}\.?\s*[^\W\d_]{3,}"
)
_CJK_NO_YEAR = re.compile(r"(?<![\d年년])(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]" + CJK_CLOCK)


@lru_cache(maxsize=128)
def _yearless_patterns(langs: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    names, _dmy, _mdy = month_patterns(langs)
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

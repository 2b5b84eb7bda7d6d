"""Which local day a UTC timestamp falls on: the publisher's zone from the site profile,
the page, the country domain or the language."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from ..codes import DateKind
from ..lexicon.common import VANITY_TLDS
from ..page import Page
from .judge import LOCAL_SOURCES
from .model import Candidate, Context, Stamp

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


@lru_cache(maxsize=256)
def _country_zone(tld: str) -> str | None:
    """The zone of a country domain whose country keeps one UTC offset all over (the tz
    database's country table, through pytz, which dateparser already needs): Nigeria,
    Egypt, Pakistan, Vietnam... Countries spanning several offsets get none."""
    if len(tld) != 2 or tld in VANITY_TLDS:
        return None
    try:
        import pytz

        names = pytz.country_timezones.get(tld.upper()) or []
    except Exception:  # no table: the hand-checked list above still applies
        return None
    probe = datetime(2024, 1, 15, 12, tzinfo=UTC), datetime(2024, 7, 15, 12, tzinfo=UTC)
    offsets = {tuple(t.astimezone(ZoneInfo(n)).utcoffset() for t in probe) for n in names}
    return names[0] if len(offsets) == 1 else None


def _guess_zone(page: Page, ctx: Context) -> tuple[ZoneInfo | timezone | None, str]:
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
    tld = host.rsplit(".", 1)[-1]
    name = (
        _TLD_ZONES.get(tld)
        or _country_zone(tld)
        or _LANG_ZONES.get(ctx.langs[0] if ctx.langs else "")
    )
    if name:
        try:
            return ZoneInfo(name), "guess"
        except Exception:
            return None, ""
    return None, ""


def _is_utc(st: Stamp) -> bool:
    return st.clock is not None and st.offset == timedelta(0)


def _offset_between(moment: datetime, wall: Stamp) -> timedelta | None:
    """The UTC offset that prints this UTC moment as the given wall-clock time, if it is a
    real one: within -12h..+14h and a multiple of 15 minutes (compared to the minute, since
    pages print minutes)."""
    if wall.clock is None:
        return None
    utc = moment.replace(tzinfo=None, second=0, microsecond=0)
    offset = datetime.combine(wall.day, wall.clock.replace(second=0)) - utc
    minutes = offset.total_seconds() / 60
    if -12 * 60 <= minutes <= 14 * 60 and minutes % 15 == 0:
        return offset
    return None


def reday_utc(page: Page, ctx: Context) -> None:
    """A UTC timestamp names the UTC day, not necessarily the publisher's. Move it to the
    publisher's day: with a known (or safely guessed) zone, convert; otherwise, when the
    page's own wall-clock time of that day or of the neighbouring day the offset could
    reach shows the same minute, take the offset it implies, and follow its day."""
    zone, _how = _guess_zone(page, ctx)
    local: dict[date, Candidate] = {}
    for c in ctx.candidates:
        if (
            c.source in LOCAL_SOURCES
            and not _is_utc(c.stamp)
            and c.kind != DateKind.MODIFIED
            and not c.inferred  # a time worked out from the fetch is no wall clock
        ):
            if c.stamp.day not in local or (c.stamp.clock and not local[c.stamp.day].stamp.clock):
                local[c.stamp.day] = c
    for c in ctx.candidates:
        st = c.stamp
        if not _is_utc(st) or st.clock is None:  # _is_utc: timed, at offset 0
            continue
        moment = datetime.combine(st.day, st.clock, UTC)
        if zone is not None:
            aware = moment.astimezone(zone)
            c.stamp = Stamp(aware.date(), aware.time().replace(tzinfo=None), aware.utcoffset())
            continue
        for shift, possible in ((0, True), (-1, st.clock.hour < 12), (1, st.clock.hour >= 10)):
            other = local.get(st.day + timedelta(days=shift))
            if other is None or not possible:
                continue
            offset = _offset_between(moment, other.stamp)
            if offset is not None:
                # the same instant on the publisher's wall clock: the instant is kept, with
                # its seconds, in the publisher's terms
                wall = moment.replace(tzinfo=None) + offset
                c.stamp = Stamp(wall.date(), wall.time(), offset)
            elif shift:
                c.stamp = Stamp(other.stamp.day)
            break

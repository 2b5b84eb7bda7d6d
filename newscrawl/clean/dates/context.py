"""What the parsers need to know about a page: its languages (declared, else identified
from its words), the day-month order its locale writes numbers in (dateparser's CLDR
data), its time zone and the fetch time."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from functools import lru_cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from ..language import identify
from ..lexicon.common import VANITY_TLDS
from ..page import Page
from .model import FUTURE_SLACK, MIN_YEAR, Context
from .parse import CORE_LANGS, LANG_ALIASES
from .relative import foreign_relative_hint

# Language identification for pages that declare none: how much of their text is read and
# how sure the identifier must be.
DETECT_TEXT_CHARS = 1500
DETECT_MIN_PROBABILITY = 0.95


def _declared_locales(page: Page) -> list[str]:
    """The locales the page declares ("de", "en-GB"), the most specific sources first:
    <html lang>, the article's JSON-LD inLanguage, og:locale, the content-language meta
    tag, the Content-Language header."""
    meta = page.structured.meta if page.structured else {}
    art = page.structured.article() if page.structured else None
    in_language = art.get("inLanguage") if art else None
    raws = (
        page.root.get("lang"),
        page.root.get("xml:lang"),
        in_language if isinstance(in_language, str) else None,
        meta.get("og:locale"),
        meta.get("content-language"),
        meta.get("language"),
        page.headers.get("Content-Language"),
    )
    out = []
    for raw in raws:
        if not raw or not raw.strip():
            continue
        parts = re.split(r"[-_]", re.split(r"[,;\s]", raw.strip())[0])
        lang = LANG_ALIASES.get(parts[0].lower(), parts[0].lower())
        if not re.fullmatch(r"[a-z]{2,3}", lang) or lang in ("und", "mul", "zxx"):
            continue
        region = (
            parts[1].upper() if len(parts) > 1 and re.fullmatch(r"[A-Za-z]{2}", parts[1]) else ""
        )
        out.append(f"{lang}-{region}" if region else lang)
    return out


def _detected_language(page: Page) -> str | None:
    """The language of a page that declares none, from its own words (the title and the
    first paragraphs, by the language module's identifier); only a confident answer."""
    parts = [page.root.findtext(".//title") or ""]
    size = 0
    for el in page.root.iter("p", "h1", "h2"):
        text = el.text_content().strip()
        if len(text) >= 40:
            parts.append(text)
            size += len(text)
            if size > DETECT_TEXT_CHARS:
                break
    found = identify(" ".join(parts))
    if found is None or found[1] < DETECT_MIN_PROBABILITY:
        return None
    return LANG_ALIASES.get(found[0], found[0])


def _number_order(locale: str, host: str) -> tuple[str, bool]:
    """How to read 02/03/2024: the order of the page's locale in dateparser's (CLDR) data;
    English without a region is read as the English of the site's country domain. Also
    whether that is known or a default (see body._learn_order): year-first locales say
    nothing about two-number dates."""
    lang, _, region = locale.partition("-")
    if lang == "en" and not region:
        tld = host.rsplit(".", 1)[-1]
        tld = "GB" if tld == "uk" else tld.upper()
        if len(tld) == 2 and tld.lower() not in VANITY_TLDS and _locale_order(f"en-{tld}"):
            region = tld
        else:
            return "MDY", False
    order = (_locale_order(f"{lang}-{region}") if region else None) or _locale_order(lang)
    if order in ("DMY", "MDY"):
        return order, True
    return "DMY", False


@lru_cache(maxsize=512)
def _locale_order(locale: str) -> str | None:
    from dateparser.languages.loader import default_loader

    try:
        return default_loader.get_locale(locale).info.get("date_order")
    except Exception:  # a locale dateparser does not know
        return None


def page_locale(page: Page) -> tuple[tuple[str, ...], str, bool]:
    """The languages whose month names the page is read with (its own first, then the
    lexicon's every-page languages), and its number order with whether that is known."""
    locales = _declared_locales(page)
    if not locales:
        detected = _detected_language(page)
        locales = [detected] if detected else []
    langs = tuple(dict.fromkeys([loc.split("-")[0] for loc in locales] + list(CORE_LANGS)))
    # the most specific statement of the first language: <html lang="en"> and
    # og:locale "en_GB" make en-GB
    locale = next(
        (loc for loc in locales if loc.startswith(langs[0] + "-")),
        langs[0] if locales else "en",
    )
    host = (urlsplit(page.url).hostname or "").lower()
    order, known = _number_order(locale, host)
    return langs, order, known


def page_context(page: Page) -> Context:
    langs, order, known = page_locale(page)
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
    earliest = date(MIN_YEAR, 1, 1)
    if page.founded is not None and page.founded > earliest:
        earliest = page.founded
    return Context(
        langs=langs,
        order=order,
        order_known=known,
        now=now,
        tz=tz,
        limit=limit,
        earliest=earliest,
        relative_hint=foreign_relative_hint(langs[0]) if now is not None else None,
    )

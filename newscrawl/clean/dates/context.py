"""What the parsers need to know about a page: its languages, the day-month order it
writes numbers in, its time zone and the fetch time."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from ..page import Page
from .model import FUTURE_SLACK, MIN_YEAR, Context
from .parse import CORE_LANGS, LANG_ALIASES


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
    lang = LANG_ALIASES.get(lang, lang)
    langs = [lang] if re.fullmatch(r"[a-z]{2,3}", lang or "") else []
    return tuple(dict.fromkeys(langs + list(CORE_LANGS)))


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


def page_context(page: Page) -> Context:
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
    )

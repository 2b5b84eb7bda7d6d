"""Site profiles: one TOML file per site in this folder (see seoulpost.toml), or anywhere:
`-a site=/etc/newscrawl/sites/mysite.toml` loads a file by its path.

A profile is checked when it is loaded, so that a typo stops the run with one line naming
the file and the fix instead of being ignored: unknown keys (with the closest known one),
the time zone (an IANA name, checked with zoneinfo), URL patterns, dates, types.
"""

from __future__ import annotations

import re
import tomllib
import zoneinfo
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from functools import cache
from pathlib import Path

from ..errors import UserError, did_you_mean

PROFILE_DIR = Path(__file__).parent
SELECTORS = ("body",)  # [selectors] keys the cleaning reads (clean/content.py)


class ProfileError(UserError, ValueError):
    pass


@dataclass(frozen=True)
class SiteProfile:
    name: str
    domains: tuple[str, ...]
    start_urls: tuple[str, ...]
    article_urls: tuple[re.Pattern[str], ...] = ()
    listing_urls: tuple[re.Pattern[str], ...] = ()
    timezone: str | None = None
    publisher: str | None = None
    selectors: dict[str, str] = field(default_factory=dict)
    # The day the site went online: no article of it is older (a sanity bound for dates).
    founded: date | None = None

    def is_article_url(self, url: str) -> bool:
        return any(p.search(url) for p in self.article_urls)

    def is_listing_url(self, url: str) -> bool:
        return any(p.search(url) for p in self.listing_urls)


def available() -> list[str]:
    return sorted(p.stem for p in PROFILE_DIR.glob("*.toml"))


def is_profile_path(site: str) -> bool:
    """`site` names a file (`sites/mysite.toml`, `/etc/newscrawl/mysite.toml`), not a
    bundled profile."""
    return site.endswith(".toml") or "/" in site


def load_profile(name: str, directory: Path | None = None) -> SiteProfile:
    """The profile `name` (a bundled one, or one in `directory`), or the file `name` is a
    path to. Raises ProfileError (a UserError: one line, the file and the fix)."""
    if is_profile_path(name):
        path = Path(name).expanduser()
        if not path.is_file():
            raise ProfileError(f"no site profile file {path}")
        name = path.stem
    else:
        if not re.fullmatch(r"[A-Za-z0-9_.-]+", name):
            raise ProfileError(f"invalid site profile name {name!r}")
        path = (directory or PROFILE_DIR) / f"{name}.toml"
        if not path.is_file():
            names = available() if directory is None else sorted(
                p.stem for p in directory.glob("*.toml"))
            raise ProfileError(f"no site profile {name!r}{did_you_mean(name, names, 0.6)}; "
                               f"available: {', '.join(names)}; or give the path of a "
                               ".toml file")
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ProfileError(f"site profile {path}: {exc}") from None
    try:
        _check_keys(data)
        return SiteProfile(
            name=_text(data.get("name"), "name") or name,
            domains=_texts(data, "domains", required=True),
            start_urls=_texts(data, "start_urls", required=True),
            article_urls=tuple(_pattern(p, "article_urls") for p in _texts(data, "article_urls")),
            listing_urls=tuple(_pattern(p, "listing_urls") for p in _texts(data, "listing_urls")),
            timezone=_timezone(data.get("timezone")),
            publisher=_text(data.get("publisher"), "publisher"),
            selectors=_selectors(data.get("selectors", {})),
            founded=_founded(data.get("founded")),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ProfileError(f"site profile {path}: {exc}") from None


def _check_keys(data: dict[str, object]) -> None:
    known = [f.name for f in fields(SiteProfile)]
    for key in data:
        if key not in known:
            raise ValueError(f"unknown key {key!r}{did_you_mean(key, known, 0.6)}; "
                             f"keys: {', '.join(known)}")


def _text(value: object, key: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{key}: expected a string, got {value!r}")
    return value


def _texts(data: dict[str, object], key: str, required: bool = False) -> tuple[str, ...]:
    value = data.get(key)
    if value is None:
        if required:
            raise ValueError(f"{key} is missing: a list of strings")
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{key}: expected a list of strings, got {value!r}")
    if required and not value:
        raise ValueError(f"{key} is empty")
    return tuple(value)


def _pattern(value: str, key: str) -> re.Pattern[str]:
    try:
        return re.compile(value)
    except re.error as exc:
        raise ValueError(f"{key}: {value!r} is not a regular expression ({exc})") from None


def _timezone(value: object) -> str | None:
    """An IANA time zone name; a wrong one would leave times without an offset."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"timezone: expected an IANA name such as 'Europe/Berlin', got {value!r}")
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        hint = did_you_mean(value, _zones(), 0.7) or " (an IANA name such as 'Europe/Berlin')"
        raise ValueError(f"timezone {value!r} is not a time zone{hint}") from None
    return value


@cache
def _zones() -> list[str]:
    return sorted(zoneinfo.available_timezones())


def _selectors(value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ValueError(f"[selectors]: expected a table, got {value!r}")
    for key, css in value.items():
        if key not in SELECTORS:
            raise ValueError(f"[selectors]: unknown key {key!r}{did_you_mean(key, SELECTORS, 0.6)}"
                             f"; keys: {', '.join(SELECTORS)}")
        if not isinstance(css, str):
            raise ValueError(f"[selectors] {key}: expected a CSS selector string, got {css!r}")
    return dict(value)


def _founded(value: object) -> date | None:
    """`founded = 2009-03-01` (a TOML date), `founded = 2009` (a year: its first day) or an
    ISO date string."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return date(value, 1, 1)
    if isinstance(value, str):
        return date.fromisoformat(value.strip())
    raise ValueError(f"founded: expected a date or a year, got {value!r}")
